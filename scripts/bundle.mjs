// Builds the package's executable (see src/cli/bin.ts for why it is bundled) as two CommonJS files
// in dist/, one level below the package root like dist/paths.js, so PACKAGE_ROOT resolves the same:
//   gitops-guard.cjs           bin.ts: argument handling, hook protocols, config, the fast path
//   gitops-guard-classify.cjs  classify-once.ts: guard, rules, shell layer, tree-sitter
// The first requires the second only when a command needs classifying. Dependencies stay in
// node_modules and are required at run time, except the bash grammar: its wasm (all of tree-sitter-bash
// that runs) is copied into dist/ with its licence, so the package does not install the 20 MB grammar
// package (sources, native prebuilds) for one file.
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLASSIFY = 'gitops-guard-classify.cjs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  // CommonJS has no import.meta: give the modules that use import.meta.url the bundle's own URL.
  define: { 'import.meta.url': '__gitopsGuardUrl' },
  banner: { js: "const __gitopsGuardUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};

/**
 * In the first bundle, `import('./classify-once.js')` becomes `require('./gitops-guard-classify.cjs')`.
 * (Left an import(), it would start Node's ES module loader, which costs a cold process ~7 ms.)
 */
const classifySeparately = {
  name: 'classify-separately',
  setup(b) {
    b.onResolve({ filter: /\/classify-once\.js$/ }, () => ({ path: CLASSIFY, namespace: 'split' }));
    b.onLoad({ filter: /.*/, namespace: 'split' }, () => ({ contents: `module.exports = require('./${CLASSIFY}');`, loader: 'js' }));
    b.onResolve({ filter: /^\.\/gitops-guard-classify\.cjs$/ }, (a) => ({ path: a.path, external: true }));
  },
};

await build({ ...common, entryPoints: [`${root}src/cli/classify-once.ts`], outfile: `${root}dist/${CLASSIFY}` });
await build({ ...common, entryPoints: [`${root}src/cli/bin.ts`], outfile: `${root}dist/gitops-guard.cjs`, plugins: [classifySeparately] });
chmodSync(`${root}dist/gitops-guard.cjs`, 0o755);

const require = createRequire(import.meta.url);
copyFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'), `${root}dist/tree-sitter-bash.wasm`);
const grammar = JSON.parse(readFileSync(require.resolve('tree-sitter-bash/package.json'), 'utf8'));
writeFileSync(`${root}dist/tree-sitter-bash.LICENSE`, `tree-sitter-bash.wasm is tree-sitter-bash ${grammar.version} (${grammar.license}), `
  + `${typeof grammar.repository === 'string' ? grammar.repository : grammar.repository?.url ?? ''}\n\n${readFileSync(require.resolve('tree-sitter-bash/LICENSE'), 'utf8')}`);
