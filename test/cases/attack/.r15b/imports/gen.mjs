import './lib/up.mjs';
