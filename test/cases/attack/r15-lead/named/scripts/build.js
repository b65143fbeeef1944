require('../lib/up.js');
