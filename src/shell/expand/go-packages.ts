// Go packages of the main module, found as go finds them (go help packages): relative patterns
// (`./x`, `./...`), the module's own import paths (`example.com/app/...`) and `all` (every package of
// the main module; its dependencies outside the project are not the project's code). A test binary
// links the packages it imports, and their init functions run when it starts: the module's packages
// that a test package imports (transitively) are read with it.
import { dirname, join, resolve } from 'node:path';
import type { Scope } from './driver.js';
import { subdirs } from '../files.js';

interface MainModule {
  readonly root: string;
  readonly path: string | null;
  /** Modules go.mod replaces with a directory (`replace example.com/x => ../x`): their code is the project's. */
  readonly local: ReadonlyMap<string, string>;
  /** The directories of a go.work workspace's modules: all main modules, which `./...` enters. */
  readonly workspace: ReadonlySet<string>;
}

/** The main module: its root directory, its path (go.mod's `module` line) and local replacements; null outside a module. */
function mainModule(scope: Scope, cwd: string): MainModule | null {
  const mod = scope.files.findUp(cwd, 'go.mod');
  const work = scope.env.get('GOWORK') === 'off' ? null : scope.files.findUp(cwd, 'go.work');
  const local = workspaceModules(scope, work?.kind === 'text' ? work : null);
  const workspace = new Set(local.values());
  // Outside a module, a go.work workspace's directory stands for it (its modules by their paths).
  if (mod === null) return work?.kind === 'text' ? { root: dirname(work.path), path: null, local, workspace } : null;
  if (mod.kind !== 'text') return { root: dirname(mod.path), path: null, local, workspace };
  const root = dirname(mod.path);
  for (const m of mod.text.matchAll(/^\s*(?:replace\s+)?(\S+)(?:\s+v\S+)?\s+=>\s+(\.{1,2}\/\S*|\/\S*)\s*$/gm)) local.set(m[1]!, resolve(root, m[2]!));
  return { root, path: modulePath(mod.text), local, workspace };
}

const modulePath = (gomod: string): string | null => /^\s*module\s+"?([^\s"]+)"?/m.exec(gomod)?.[1] ?? null;

/** A go.work workspace's modules (`use ./a`, `use ( ./b )`), by their module paths: the project's code too. */
function workspaceModules(scope: Scope, work: { path: string; text: string } | null): Map<string, string> {
  const local = new Map<string, string>();
  if (work === null) return local;
  const uses = [...work.text.matchAll(/^\s*use\s*\(([^)]*)\)/gm)].flatMap((m) => m[1]!.split(/\s+/)).concat([...work.text.matchAll(/^\s*use\s+([^\s(]+)/gm)].map((m) => m[1]!));
  for (const u of uses.filter((x) => x !== '' && !x.startsWith('//')).slice(0, 64)) {
    const dir = resolve(dirname(work.path), u.replace(/^"|"$/g, ''));
    const r = scope.files.read(join(dir, 'go.mod'));
    const path = r.kind === 'text' ? modulePath(r.text) : null;
    if (path !== null) local.set(path, dir);
  }
  return local;
}

/** A pattern as a path pattern: relative ones as they are, the module's import paths (and those it replaces with a directory) and `all` under their roots; null: not the project's. */
function asPath(p: string, mod: MainModule | null): string | null {
  if (/^\.{1,2}(?:\/|$)|^\//.test(p)) return p;
  if (mod === null) return null;
  if (p === 'all') return join(mod.root, '...');
  for (const [path, dir] of [...(mod.path !== null ? [[mod.path, mod.root] as const] : []), ...mod.local]) {
    if (p === path || p.startsWith(`${path}/`)) return join(dir, p.slice(path.length));
  }
  return null;
}

/** The directories of package patterns (`.`, `./x`, `./...`, import paths of the main module); undefined when there are too many to read. */
export function packageDirs(scope: Scope, cwd: string, patterns: readonly string[]): string[] | undefined {
  const out: string[] = [];
  const mod = mainModule(scope, cwd);
  // Outside a module (no go.mod here or above) go refuses package patterns and runs nothing.
  if (mod === null && scope.env.get('GO111MODULE') !== 'off') return out;
  for (const pattern of patterns) {
    const p = asPath(pattern, mod);
    if (p === null) continue; // an import path outside the project: its code is not the project's
    const recursive = p === '...' || p.endsWith('/...');
    const root = resolve(cwd, recursive ? p.replace(/\/?\.\.\.$/, '') || '.' : p);
    if (!recursive) { out.push(root); continue; }
    const stack = [root];
    while (stack.length > 0) {
      if (out.length > 500) return undefined;
      const dir = stack.pop()!;
      out.push(dir);
      // go skips directories named testdata or vendor, and those starting with . or _.
      for (const n of subdirs(scope.files, dir)?.dirs ?? []) {
        if (/^[._]|^testdata$|^vendor$|^node_modules$/.test(n)) continue;
        // A directory with its own go.mod is another module: `./...` stops there (unless the workspace has it).
        const sub = join(dir, n);
        if (mod?.workspace.has(sub) || scope.files.read(join(sub, 'go.mod')).kind === 'missing') stack.push(sub);
      }
    }
  }
  return out;
}

export function goFiles(scope: Scope, dirs: readonly string[]): string[] {
  return dirs.flatMap((d) => (scope.files.list?.(d) ?? []).filter((n) => n.endsWith('.go') && !n.startsWith('.') && !n.startsWith('_')).sort().map((n) => join(d, n)));
}

/** The import paths of a Go file (`import "x"`, `import ( a "x"; _ "y" )`). */
export function goImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^import\s*(?:\(([^)]*)\)|(?:[\w.]+\s+)?"([^"]+)")/gm)) {
    if (m[2] !== undefined) out.push(m[2]);
    else for (const q of m[1]!.matchAll(/"([^"]+)"/g)) out.push(q[1]!);
  }
  return out;
}

/**
 * The Go files a test binary of these package directories runs: each package's files (its tests
 * among them) and the non-test files of the main module's packages they import, transitively.
 * Undefined past `max` files.
 */
export function linkedFiles(scope: Scope, cwd: string, dirs: readonly string[], max: number): string[] | undefined {
  const mod = mainModule(scope, cwd);
  const out = new Set<string>();
  const done = new Set<string>(dirs);
  const queue = dirs.flatMap((d) => goFiles(scope, [d]));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (out.has(file)) continue;
    out.add(file);
    if (out.size > max) return undefined;
    const r = mod?.path || (mod?.local.size ?? 0) > 0 ? scope.files.read(file) : null;
    if (r?.kind !== 'text') continue;
    for (const imp of goImports(r.text)) {
      const p = asPath(imp, mod);
      if (p === null || /^\.{1,2}(?:\/|$)/.test(imp)) continue;
      const dir = resolve(cwd, p);
      if (done.has(dir)) continue;
      done.add(dir);
      queue.push(...goFiles(scope, [dir]).filter((f) => !f.endsWith('_test.go')));
    }
  }
  return [...out];
}
