// Where the package's own files are, from the compiled module's location (dist/ → package root).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILTIN_RULES = join(PACKAGE_ROOT, 'rules');
