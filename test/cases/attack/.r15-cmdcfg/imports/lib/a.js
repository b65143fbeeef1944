module.exports = require('./deep/b.js');
