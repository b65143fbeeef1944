import {execSync} from 'node:child_process'; execSync('docker compose up -d'); export default {};
