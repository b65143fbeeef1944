import { execSync } from 'node:child_process';
execSync('docker compose -f server/docker-compose.yml up -d', { stdio: 'inherit' });
