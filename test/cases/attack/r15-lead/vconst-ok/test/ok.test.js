import { execSync } from 'node:child_process';
const c = 'git status';
beforeAll(() => execSync(c));
