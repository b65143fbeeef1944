const { execSync } = require('child_process');
exports.deploy = (done) => { execSync('docker compose up -d', { stdio: 'inherit' }); done(); };
