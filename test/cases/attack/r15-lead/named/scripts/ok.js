require('../lib/ok.js');
