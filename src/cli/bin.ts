#!/usr/bin/env node
// The installed `gitops-guard` executable, built by scripts/bundle.mjs into dist/gitops-guard.cjs.
// Agent hosts start it before every shell command, and a cold Node process pays for each ES module
// it loads: `hook` and `check` therefore run from CommonJS bundles, this file's and the classifier's
// (loaded only when needed). `mcp` starts here too, so that its first answers come before the SDK
// loads (src/mcp/front.ts). Measured here against bare `node -e 0`: benign hook 1.27–1.40× from
// the ES modules, 1.06–1.25× bundled. Every other command, and --help/--version, goes on to main.js.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../paths.js';
import { run as check, usage as checkUsage } from './check.js';
import { run as hook } from './hook.js';
import { run as mcp, usage as mcpUsage } from './mcp.js';
import { asksVersion, finish, withUsage } from './process.js';

const ONE_SHOT: Record<string, (argv: string[]) => Promise<number>> = {
  check: (argv) => withUsage(check, checkUsage, argv), hook, mcp: (argv) => withUsage(mcp, mcpUsage, argv),
};

const [name, ...rest] = process.argv.slice(2);
const oneShot = name === undefined ? undefined : ONE_SHOT[name];
if (oneShot && !asksVersion(rest)) {
  finish(oneShot(rest));
} else {
  // main.js runs the command line from process.argv and sets the exit code. The specifier is
  // computed, so the bundler leaves it a real import.
  import(pathToFileURL(join(PACKAGE_ROOT, 'dist', 'cli', 'main.js')).href).catch((e: unknown) => finish(Promise.reject(e)));
}
