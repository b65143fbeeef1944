const { execSync } = require('node:child_process');
beforeAll(() => execSync('docker compose up -d --wait'));
test('stack', () => {});
