import { execSync } from 'node:child_process';
const c = 'docker compose up -d';
beforeAll(() => execSync(c));
