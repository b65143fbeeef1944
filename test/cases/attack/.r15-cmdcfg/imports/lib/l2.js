require('./l3');
