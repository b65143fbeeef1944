import { execSync } from 'node:child_process'; export default () => { execSync('docker compose up -d'); };
