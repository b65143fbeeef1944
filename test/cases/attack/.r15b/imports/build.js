require('./lib/deploy');
