const { execSync } = require('node:child_process');
beforeAll(() => execSync('docker compose up -d'));
test('db', () => { expect(1).toBe(1); });
