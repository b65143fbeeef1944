import { execSync } from 'node:child_process';
import { beforeAll, test } from 'vitest';
beforeAll(() => { execSync('docker compose up -d'); });
test('db', () => {});
