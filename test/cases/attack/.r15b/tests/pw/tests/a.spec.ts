import { test } from '@playwright/test';
import { execSync } from 'node:child_process';
test.beforeAll(() => { execSync('docker compose up -d'); });
test('a', async () => {});
