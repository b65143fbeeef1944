// not under the include glob: vitest never runs this file
require('node:child_process').execSync('docker compose up -d');
