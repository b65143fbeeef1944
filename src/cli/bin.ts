// The installed executable's body, built by scripts/bundle.mjs into dist/gitops-guard-main.cjs and
// started by launch.ts (dist/gitops-guard.cjs).
// Agent hosts start it before every shell command, and a cold Node process pays for each ES module
// it loads: `hook` and `check` therefore run from CommonJS bundles, this file's and the classifier's
// (loaded only when needed). `mcp` starts here too, so that its first answers come before the SDK
// loads (src/mcp/front.ts). Every other command, and --help/--version, goes on to main.js.
// (Figures: docs/performance.md.)
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../paths.js';
import { run as check, usage as checkUsage } from './check.js';
import { answered, run as hook } from './hook.js';
import { run as mcp, usage as mcpUsage } from './mcp.js';
import { asksVersion, finish, withUsage } from './process.js';

const ONE_SHOT: Record<string, (argv: string[]) => Promise<number>> = {
  check: (argv) => withUsage(check, checkUsage, argv), hook, mcp: (argv) => withUsage(mcp, mcpUsage, argv),
};

/**
 * Run the command line. `importEsm` loads the ES module entry for every other command: the caller
 * (launch.ts) does the import, since this bundle runs from a V8 code cache where import() has no loader.
 */
export function start(importEsm: (url: string) => Promise<unknown>): void {
  const [name, ...rest] = process.argv.slice(2);
  const oneShot = name === undefined ? undefined : ONE_SHOT[name];
  if (oneShot && !asksVersion(rest)) {
    finish(oneShot(rest), process.argv.slice(2), name === 'hook' ? answered : undefined);
  } else {
    // main.js runs the command line from process.argv and sets the exit code.
    importEsm(pathToFileURL(join(PACKAGE_ROOT, 'dist', 'cli', 'main.js')).href).catch((e: unknown) => finish(Promise.reject(e)));
  }
}
