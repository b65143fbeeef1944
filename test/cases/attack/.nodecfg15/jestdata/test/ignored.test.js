// testMatch names only __checks__: jest does not run this one
require('node:child_process').execSync('docker compose down');
