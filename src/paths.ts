// Where the package's own files are, from the compiled module's location (dist/ → package root).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// import.meta.dirname (Node 20.11+; the bundles define it as __dirname) spares a cold hook the URL parser.
export const PACKAGE_ROOT = join(import.meta.dirname ?? dirname(fileURLToPath(import.meta.url)), '..');
export const BUILTIN_RULES = join(PACKAGE_ROOT, 'rules');
