// The packages a cargo build reads (the cargo book: "Workspaces", "Specifying Dependencies",
// "Overriding Dependencies", "Build Scripts", "Procedural Macros"): the package, every workspace
// member (globs too), and the path dependencies of each (per target, inherited from the workspace,
// [patch.*] and [replace] ones), transitively. Their build scripts run on every build and their
// procedural macros run inside the compiler; `cargo test` runs the tests of the package and the members.
import { join, resolve } from 'node:path';
import { globFiles } from '../files.js';
import type { Scope } from './driver.js';
import { scanCodeFile } from './interpreters.js';
import { parseToml } from './task-files.js';
import { MAX_LOADED, walk } from './tests.js';

/** The manifest cargo reads: --manifest-path, else the nearest Cargo.toml; null when there is none (or it was said why). */
export function cargoManifest(scope: Scope, cwd: string, named: string | null | undefined): { path: string; text: string } | null {
  if (named === null) { scope.raise('unreadable-script', '`cargo --manifest-path` names a file computed at run time'); return null; }
  if (named === undefined) {
    const found = scope.files.findUp(cwd, 'Cargo.toml');
    if (found?.kind === 'unreadable') { scope.raise('unreadable-script', `${found.path}: ${found.why}`); return null; }
    return found;
  }
  const path = resolve(cwd, named);
  const r = scope.files.read(path);
  if (r.kind === 'text') return { path, text: r.text };
  if (r.kind !== 'missing') scope.raise('unreadable-script', `${path}: ${r.kind === 'unreadable' ? r.why : 'not text'}`);
  return null;
}

/** The files that run at compile time (build scripts, proc-macro crates' roots) and the directories of the package and its members. */
export function cargoPackages(scope: Scope, root: string, text: string): { compileTime: string[]; members: string[] } {
  const compileTime: string[] = [];
  const members = [root];
  const seen = new Set<string>([root]);
  const queue: [string, string, boolean][] = [[root, text, true]];
  while (queue.length > 0 && seen.size <= 200) {
    const [dir, manifest, member] = queue.shift()!;
    let doc: Record<string, unknown>;
    try { doc = parseToml(manifest); } catch { doc = {}; }
    const pkg = doc.package as Record<string, unknown> | undefined;
    const build = typeof pkg?.build === 'string' ? pkg.build : pkg?.build === false ? null : /^\s*build\s*=\s*["']([^"']+)["']/m.exec(manifest)?.[1] ?? 'build.rs';
    if (build !== null) compileTime.push(join(dir, build));
    const lib = doc.lib as { 'proc-macro'?: unknown; path?: unknown } | undefined;
    if (lib?.['proc-macro'] === true) compileTime.push(join(dir, typeof lib.path === 'string' ? lib.path : 'src/lib.rs'));
    const ws = doc.workspace as { members?: unknown; dependencies?: unknown } | undefined;
    const named = Array.isArray(ws?.members) ? ws.members.filter((m): m is string => typeof m === 'string') : [];
    const memberDirs = member ? named.flatMap((m) => (/[*?[]/.test(m) ? globFiles(scope.files, dir, m, 200) ?? [] : [resolve(dir, m)])) : [];
    const deps = [doc, ...Object.values((doc.target as Record<string, unknown> | undefined) ?? {}), ws]
      .flatMap((t) => ['dependencies', 'dev-dependencies', 'build-dependencies'].map((k) => (t as Record<string, unknown> | undefined)?.[k]));
    const depDirs: string[] = [];
    for (const table of [...deps, ...Object.values((doc.patch as Record<string, unknown> | undefined) ?? {}), doc.replace]) {
      for (const d of Object.values((table as Record<string, unknown> | undefined) ?? {})) {
        const path = (d as { path?: unknown } | null)?.path;
        if (typeof path === 'string') depDirs.push(resolve(dir, path));
      }
    }
    for (const [d, isMember] of [...memberDirs.map((m) => [m, true] as const), ...depDirs.map((m) => [m, false] as const)]) {
      if (seen.has(d)) continue;
      seen.add(d);
      const r = scope.files.read(join(d, 'Cargo.toml'));
      if (r.kind === 'text') { queue.push([d, r.text, isMember]); if (isMember) members.push(d); }
      else if (r.kind === 'unreadable') scope.raise('unreadable-script', `${join(d, 'Cargo.toml')}: ${r.why}`);
    }
  }
  if (queue.length > 0) scope.raise('unreadable-script', 'the build has more than 200 packages; past them their build scripts are not read');
  return { compileTime, members };
}

/** `cargo test`: the Rust files of each package's src/, tests/ and benches/ (unit and integration tests, benchmarks) are scanned as code. */
export function cargoTests(scope: Scope, packages: readonly string[], label: string): void {
  const roots = packages.flatMap((p) => ['src', 'tests', 'benches'].map((d) => join(p, d)));
  const files = walk(scope, roots, { want: (n) => n.endsWith('.rs'), skip: /^(?:target|\..*)$/ }, MAX_LOADED);
  if (files === undefined) { scope.raise('unreadable-script', `\`${label}\` builds more than ${MAX_LOADED} Rust files; past them they are not read`); return; }
  for (const f of files) scanCodeFile(scope, 'code', f, `${label} (${f})`);
}
