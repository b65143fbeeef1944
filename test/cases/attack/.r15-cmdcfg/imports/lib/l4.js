require('./l5');
