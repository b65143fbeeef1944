require('child_process').spawnSync('npm', ['run', 'deploy'], { stdio: 'inherit' });
