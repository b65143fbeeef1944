require('./l4');
