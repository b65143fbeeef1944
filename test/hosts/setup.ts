// Before the host suite: the build the hooks run (dist/), and every pinned host installed in the
// cache (a no-op once cached).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureHost, hostDir, PINS } from './install.js';
import { isolationMode } from './harness.js';

export default function setup(): void {
  const root = join(import.meta.dirname, '..', '..');
  if (!existsSync(join(root, 'dist', 'gitops-guard.cjs'))) throw new Error('dist/ is missing: run npm run build first (npm run test:hosts does)');
  for (const pin of Object.values(PINS)) {
    const started = Date.now();
    const r = ensureHost(pin);
    process.stderr.write(`host suite: ${pin.pkg}@${pin.version} ${r.installed ? `installed in ${Date.now() - started} ms` : 'cached'} (${hostDir(pin)})\n`);
  }
  process.stderr.write(`host suite: isolation ${isolationMode()}\n`);
}
