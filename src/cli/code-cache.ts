// Loading a bundle from a V8 code cache. A cold process compiles each bundle it loads before running
// it; from a code cache V8 skips most of that (figures: docs/performance.md). The caches are made by the build (scripts/bundle.mjs runs the executable once
// with GITOPS_GUARD_CODE_CACHE=write) and sit next to the bundles in dist/, so they are exactly as
// trusted as the bundles themselves. V8 refuses a cache made by another V8 version, with other
// flags or for other source; the bundle then compiles as usual, which is all that a missing,
// stale or unreadable cache costs. Code run this way has no loader for import(): the bundles
// require what they load.
import { isAscii } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

const written: { script: Script; file: string }[] = [];

/** Run the CommonJS bundle `name` in `dir` (as require would) and return its exports. */
export function loadBundle(dir: string, name: string): unknown {
  const file = join(dir, name);
  const cacheFile = file.replace(/\.cjs$/, '.cache');
  // A `#!` line is for the kernel; inside the function it would be a syntax error. The bundles are
  // ASCII (esbuild escapes the rest), read as latin1: one byte one character, no UTF-8 decoding,
  // and one young-generation collection fewer in a cold process.
  const bytes = readFileSync(file);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8').replace(/^#!.*/, '');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache: compile
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
  const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (process.env.GITOPS_GUARD_CODE_CACHE === 'write') remember(script, cacheFile);
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  run.call(module.exports, module.exports, createRequire(file), module, file, dir);
  module.loaded = true;
  return module.exports;
}

/** At exit, write each loaded bundle's code cache: it then holds every function this run compiled. */
function remember(script: Script, file: string): void {
  if (written.length === 0) {
    process.on('exit', () => {
      for (const w of written) writeFileSync(w.file, w.script.createCachedData());
    });
  }
  written.push({ script, file });
}
