require('./lib/l1');
