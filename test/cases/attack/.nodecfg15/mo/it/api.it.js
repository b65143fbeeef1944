const { exec } = require('node:child_process');
before((done) => exec('docker compose restart api', done));
it('api', () => {});
