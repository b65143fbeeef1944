#!/usr/bin/env node
// The installed `gitops-guard` executable, built by scripts/bundle.mjs into one CommonJS file,
// dist/gitops-guard.cjs. Agent hosts start it before every shell command, and a cold Node process
// pays for each ES module it loads: `hook` and `check`, with everything they can reach, therefore
// run from that single file (measured here: benign hook 1.26× → 1.16× of bare `node -e 0`, docker
// hook 1.60× → 1.40×). Every other command, and --help/--version, goes to the ES modules of main.js.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../paths.js';
import { run as check } from './check.js';
import { run as hook } from './hook.js';
import { asksVersion, finish } from './process.js';

const ONE_SHOT: Record<string, (argv: string[]) => Promise<number>> = { check, hook };

const [name, ...rest] = process.argv.slice(2);
const oneShot = name === undefined ? undefined : ONE_SHOT[name];
if (oneShot && !asksVersion(rest)) {
  finish(oneShot(rest));
} else {
  // main.js runs the command line from process.argv and sets the exit code. The specifier is
  // computed, so the bundler leaves it a real import.
  import(pathToFileURL(join(PACKAGE_ROOT, 'dist', 'cli', 'main.js')).href).catch((e: unknown) => finish(Promise.reject(e)));
}
