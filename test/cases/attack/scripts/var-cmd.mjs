import { execSync } from 'node:child_process';
const cmd = 'docker compose up -d';
execSync(cmd, { stdio: 'inherit' });
