import { execSync } from 'node:child_process';
const msg = `docker ps is for the server`;
console.log(msg);
execSync('git status', { stdio: 'inherit' });
