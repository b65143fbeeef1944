require('child_process').execSync('./ok.sh', { stdio: 'inherit' });
