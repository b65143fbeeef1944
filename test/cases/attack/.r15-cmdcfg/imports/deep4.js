require('./lib/l2');
