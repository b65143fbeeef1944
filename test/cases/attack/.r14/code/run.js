const { execSync } = require('child_process');
execSync('./run.sh', { stdio: 'inherit' });
