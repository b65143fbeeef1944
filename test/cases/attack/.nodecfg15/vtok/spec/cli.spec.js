import { execSync } from 'node:child_process';
import { expect, test } from 'vitest';
test('prints the compose command it would run', () => {
  const out = execSync('node ./bin/plan.js', { encoding: 'utf8' });
  expect(out).toContain('docker compose up -d');
});
