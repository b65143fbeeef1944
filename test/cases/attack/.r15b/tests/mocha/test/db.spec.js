const { execSync } = require('node:child_process');
before(() => execSync('docker compose up -d'));
it('db', () => {});
