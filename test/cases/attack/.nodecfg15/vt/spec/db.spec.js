import { spawnSync } from 'node:child_process';
import { beforeAll, test } from 'vitest';
beforeAll(() => { spawnSync('docker', ['compose', 'up', '-d'], { stdio: 'inherit' }); });
test('db', () => {});
