// The project modules a test runner's Python files import, found as Python finds them: a test
// module runs at its import every module of the project it imports (and those import theirs), and
// importing `pkg.mod` first runs `pkg/__init__.py`. Installed packages are not the project's: only
// the directories given (the runner's sys.path entries inside the project) and the file's own are
// searched. Used by the test runners (tests.ts, pytest.ts), whose premise is running the project's code.
import { dirname, join, resolve } from 'node:path';
import type { Scope } from './driver.js';
import { moduleFile, modulesIn } from './modules.js';
import { scanCodeFile } from './interpreters.js';

/** The names a Python file imports: `import a.b`, `from a import b` (a, a.b: b may be a submodule), relative ones as `.x`. */
export function pythonImports(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*)/gm)) {
    const from = m[1]!;
    if (/[\w]/.test(from)) out.add(from);
    for (const n of m[2]!.replace(/[()\\]/g, ' ').split(',')) {
      const name = /^\s*(\w+)/.exec(n)?.[1];
      if (name !== undefined && name !== 'as') out.add(from.endsWith('.') ? `${from}${name}` : `${from}.${name}`);
    }
  }
  for (const n of modulesIn0(code)) out.add(n);
  // conftest.py's `pytest_plugins = [...]`: modules pytest imports as plugins.
  for (const m of code.matchAll(/^pytest_plugins\s*=\s*([[(]?[^\])\n]*)/gm)) for (const l of m[1]!.matchAll(/["']([\w.]+)["']/g)) out.add(l[1]!);
  return [...out].slice(0, 400);
}

const modulesIn0 = (code: string): string[] =>
  [...code.matchAll(/^[ \t]*import[ \t]+([\w.]+(?:[ \t]*(?:as[ \t]+\w+[ \t]*)?,[ \t]*[\w.]+)*)/gm)]
    .flatMap((m) => m[1]!.split(',').map((s) => s.trim().split(/\s+/)[0]!));

/** `pkg/__init__.py` of each package a file is in, up from its directory to (not including) `top`. */
export function packageInits(scope: Scope, file: string, top: string | null): string[] {
  const out: string[] = [];
  for (let d = dirname(file), i = 0; i < 32 && d !== top && dirname(d) !== d; i++, d = dirname(d)) {
    const init = join(d, '__init__.py');
    if (scope.files.read(init).kind === 'missing') break;
    if (init !== file) out.push(init);
  }
  return out;
}

/**
 * The files `files` run at import, with them: their packages' `__init__.py` (up to `top`) and the
 * project modules they import, transitively. Undefined past `max` files.
 */
export function importClosure(scope: Scope, files: readonly string[], dirs: readonly string[], top: string | null, max: number): string[] | undefined {
  const out = new Set(files);
  const queue = [...files];
  const find = finder(scope, dirs);
  while (queue.length > 0) {
    const file = queue.shift()!;
    const found: string[] = packageInits(scope, file, top);
    const r = scope.files.read(file);
    if (r.kind === 'text') {
      const names = r.stamp !== undefined && scope.files.memo ? scope.files.memo(`pyimports:${r.stamp}`, () => importNames(scope, r.text)) : importNames(scope, r.text);
      for (const name of names) {
        const f = find(name, file);
        if (f !== null) found.push(f, ...packageInits(scope, f, top));
      }
    }
    for (const f of found) {
      if (out.has(f)) continue;
      out.add(f);
      if (out.size > max) return undefined;
      queue.push(f);
    }
  }
  return [...out];
}

/** The names a file imports; the calls that import by a name in a string (runpy, __import__) only where the text has them. */
const importNames = (scope: Scope, text: string): string[] =>
  [...new Set([...pythonImports(text), ...(/runpy|exec|__import__|import_module/.test(text) ? modulesIn(scope, 'python', text) : [])])];

/**
 * The file an import in `from` loads: a relative name against its package, else in the file's own
 * directory, `dirs` and PYTHONPATH. Looked up in directory listings (one per directory, not a stat
 * per candidate file); a name with a path in it as modules.ts finds it.
 */
function finder(scope: Scope, dirs: readonly string[]): (name: string, from: string) => string | null {
  const listings = new Map<string, ReadonlySet<string> | null>();
  const names = (dir: string): ReadonlySet<string> | null => {
    if (!listings.has(dir)) { const l = scope.files.list?.(dir) ?? null; listings.set(dir, l === null ? null : new Set(l)); }
    return listings.get(dir)!;
  };
  // A PYTHONPATH computed at run time (`src:$PYTHONPATH`) is passed over, as modules.ts does: its directories are outside what the text shows.
  const env = scope.env.get('PYTHONPATH');
  const pythonpath = (typeof env === 'string' ? env : '').split(':').filter((d) => d !== '').map((d) => resolve(scope.cwd ?? '/', d));
  const search = [...new Set([...dirs, ...pythonpath])];
  const inDir = (dir: string, parts: readonly string[]): string | null => {
    let d = dir;
    for (let i = 0; i < parts.length - 1; i++) { if (!names(d)?.has(parts[i]!)) return null; d = join(d, parts[i]!); }
    const last = parts[parts.length - 1]!;
    const here = names(d);
    if (here?.has(`${last}.py`)) return join(d, `${last}.py`);
    if (!here?.has(last)) return null;
    const sub = names(join(d, last));
    return sub?.has('__init__.py') ? join(d, last, '__init__.py') : null;
  };
  return (name, from) => {
    if (/\/|\.py$/.test(name)) return moduleFile(scope, 'python', name, dirname(from), []);
    const rel = /^(\.+)(.*)$/.exec(name);
    if (rel) {
      let base = dirname(from);
      for (let i = 1; i < rel[1]!.length; i++) base = dirname(base);
      return rel[2] === '' ? null : inDir(base, rel[2]!.split('.'));
    }
    const parts = name.split('.');
    if (parts.some((p) => p === '')) return null;
    for (const dir of [dirname(from), ...search]) { const f = inDir(dir, parts); if (f !== null) return f; }
    return null;
  };
}

/** The project modules a Python file a runner imports brings in with it (not the file itself), each scanned as Python; past `max` that is said. */
export function scanImported(scope: Scope, file: string, label: string, max: number): void {
  const all = importClosure(scope, [file], [dirname(file)], null, max);
  if (all === undefined) { scope.raise('unreadable-script', `${label} imports more than ${max} project modules; past them they are not read`); return; }
  for (const f of all) if (f !== file) scanCodeFile(scope, 'python', f, `${label} (imports ${f})`);
}
