// Builds the package's executable (see src/cli/bin.ts for why it is bundled) as three CommonJS files
// in dist/, one level below the package root like dist/paths.js, so PACKAGE_ROOT resolves the same:
//   gitops-guard.cjs           bin.ts: argument handling, hook protocols, config, the fast path
//   gitops-guard-classify.cjs  classify-once.ts: guard, rules, shell layer, tree-sitter
//   gitops-guard-mcp.cjs       src/mcp/server.ts: the SDK server and the tools, which `mcp` (in the
//                              first bundle, src/mcp/front.ts) requires after its first answers
// The first requires the others only when needed. Dependencies stay in node_modules and are
// required at run time, except the bash grammar: its wasm (all of tree-sitter-bash that runs) is
// copied into dist/ with its licence, so the package does not install the 20 MB grammar package
// (sources, native prebuilds) for one file. dist/mcp-manifest.json is recorded here from the built server.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLASSIFY = 'gitops-guard-classify.cjs';
const MCP = 'gitops-guard-mcp.cjs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  // CommonJS has no import.meta: give the modules that use it the bundle's own directory, and its
  // URL when asked (computed on first use: a cold hook never needs the URL parser).
  define: { 'import.meta.dirname': '__dirname', 'import.meta.url': '__gitopsGuard.url' },
  banner: { js: "const __gitopsGuard = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  // A cold process reads and hashes every byte of a bundle: whitespace and long-hand syntax go
  // (a quarter of the bytes). Names stay, so that a stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

/**
 * In the first bundle, `import('./classify-once.js')` becomes `require('./gitops-guard-classify.cjs')`,
 * and front.ts's `import('./server.js')` becomes `require('./gitops-guard-mcp.cjs')`. (Left an
 * import(), it would start Node's ES module loader, which costs a cold process ~7 ms.)
 */
const separately = (filter, file, importer = /./, cached = false) => ({
  name: `separately-${file}`,
  setup(b) {
    b.onResolve({ filter }, (a) => (importer.test(a.importer) ? { path: file, namespace: `split-${file}` } : undefined));
    // The classifier loads from its code cache (src/cli/code-cache.ts); the MCP server as usual.
    const contents = cached
      ? `module.exports = require(${JSON.stringify(`${root}src/cli/code-cache.ts`)}).loadBundle(__dirname, '${file}');`
      : `module.exports = require('./${file}');`;
    b.onLoad({ filter: /.*/, namespace: `split-${file}` }, () => ({ contents, loader: 'js', resolveDir: root }));
    b.onResolve({ filter: new RegExp(`^\\./${file.replace(/[.-]/g, '\\$&')}$`) }, (a) => ({ path: a.path, external: true }));
  },
});

await build({ ...common, entryPoints: [`${root}src/cli/classify-once.ts`], outfile: `${root}dist/${CLASSIFY}` });
await build({ ...common, entryPoints: [`${root}src/mcp/server.ts`], outfile: `${root}dist/${MCP}` });
await build({ ...common, entryPoints: [`${root}src/cli/bin.ts`], outfile: `${root}dist/gitops-guard-main.cjs`,
  plugins: [separately(/\/classify-once\.js$/, CLASSIFY, /./, true), separately(/^\.\/server\.js$/, MCP, /[\\/]src[\\/]mcp[\\/]front\.ts$/)] });
await build({ ...common, entryPoints: [`${root}src/cli/launch.ts`], outfile: `${root}dist/gitops-guard.cjs` });
chmodSync(`${root}dist/gitops-guard.cjs`, 0o755);

// The code caches (src/cli/code-cache.ts): one run of the executable on a command that loads the
// classifier, which writes both bundles' caches as it exits.
const cacheRun = spawnSync(process.execPath, [`${root}dist/gitops-guard.cjs`, 'hook', 'claude'], {
  cwd: root, env: { ...process.env, GITOPS_GUARD_CODE_CACHE: 'write' },
  input: JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', cwd: root, tool_input: { command: 'npm test 2>&1 | tail -n 20' } }),
});
if (cacheRun.status !== 0) throw new Error(`making the code caches failed (exit ${cacheRun.status}): ${cacheRun.stderr}`);

const require = createRequire(import.meta.url);
copyFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'), `${root}dist/tree-sitter-bash.wasm`);
const grammar = JSON.parse(readFileSync(require.resolve('tree-sitter-bash/package.json'), 'utf8'));
writeFileSync(`${root}dist/tree-sitter-bash.LICENSE`, `tree-sitter-bash.wasm is tree-sitter-bash ${grammar.version} (${grammar.license}), `
  + `${typeof grammar.repository === 'string' ? grammar.repository : grammar.repository?.url ?? ''}\n\n${readFileSync(require.resolve('tree-sitter-bash/LICENSE'), 'utf8')}`);

// What the server answers to initialize and tools/list, recorded from the server just built.
const { buildManifest } = await import(`${root}dist/mcp/manifest.js`);
const version = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version;
writeFileSync(`${root}dist/mcp-manifest.json`, JSON.stringify(await buildManifest(version)) + '\n');
