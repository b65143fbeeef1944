require('./l2');
