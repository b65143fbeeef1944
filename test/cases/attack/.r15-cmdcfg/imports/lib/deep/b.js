const { spawnSync } = require('child_process'); module.exports = () => spawnSync('docker', ['restart', 'web']);
