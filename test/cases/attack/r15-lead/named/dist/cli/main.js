require('child_process').execSync('docker compose up -d');
