const d = require('../lib/a'); d();
