// What pytest imports, found as pytest finds it (pytest docs: "Configuration", "Finding the rootdir",
// "pytest import mechanisms"). Its arguments are the command line's (an `@FILE` operand is the file's
// lines), PYTEST_ADDOPTS and the ini file's `addopts`; the ini file is the first of pytest.ini,
// .pytest.ini, pyproject.toml ([tool.pytest.ini_options]), tox.ini ([pytest]) and setup.cfg
// ([tool:pytest]) from the arguments' directory up, and names the test files (`python_files`), the
// directories not entered (`norecursedirs`, which replaces the defaults), `testpaths` and `pythonpath`.
// pytest imports every conftest.py from the ini file's directory down, the plugins `-p` and
// PYTEST_PLUGINS name, the test modules (every module with --doctest-modules; doctest text files),
// and with each the packages it is in and the project modules it imports (python-imports.ts).
import { dirname, join, resolve } from 'node:path';
import { getopt, optionIs, type Option } from '../getopt.js';
import { PYTEST } from '../grammars/interpreters.js';
import { globFiles } from '../files.js';
import type { Scope } from './driver.js';
import type { Row } from './payloads.js';
import { moduleFile } from './modules.js';
import { parseToml } from './task-files.js';
import { importClosure } from './python-imports.js';
import { MAX_LOADED, walk } from './tests.js';

type Ini = ReadonlyMap<string, string | readonly string[]>;
type Found = { lang: 'python'; files: string[] } | null | undefined;

const DEFAULT_NORECURSE = ['*.egg', '.*', '_darcs', 'build', 'CVS', 'dist', 'node_modules', 'venv', '{arch}'];

export function pytestFiles(scope: Scope, cwd: string, ops: readonly (string | null)[], r: Row): Found {
  const args = { options: r.scan.options.map((o) => (o.value === null ? { ...o, value: globValue(scope, cwd, r, o) } : o)), operands: [] as string[] };
  if (!addArgs(scope, cwd, ops, args, 0)) return null;
  const env = scope.env.get('PYTEST_ADDOPTS');
  if (env === null) return null;
  if (env !== undefined) { const s = getopt(words(env), PYTEST); args.options.push(...s.options); if (!addArgs(scope, cwd, s.operands.map((o) => o.value), args, 0)) return null; }
  const conf = config(scope, cwd, args.options, args.operands);
  if (conf === null) return null;
  const ini = new Map(conf.ini);
  const addopts = ini.get('addopts');
  if (addopts !== undefined) {
    const s = getopt(typeof addopts === 'string' ? words(addopts) : addopts, PYTEST);
    args.options.unshift(...s.options);
    if (!addArgs(scope, conf.dir, s.operands.map((o) => o.value), args, 0)) return null;
  }
  for (const o of args.options) {
    if (!optionIs(o, ['-o', '--override-ini'])) continue;
    if (typeof o.value !== 'string') return null;
    const m = /^([\w-]+)\s*=(.*)$/s.exec(o.value);
    if (m) ini.set(m[1]!, m[2]!);
  }
  const has = (name: string): boolean => args.options.some((o) => optionIs(o, [name]));
  const values = (name: string): (string | null)[] => args.options.filter((o) => optionIs(o, [name]) && o.value !== undefined).map((o) => o.value ?? null);
  const pyFiles = list(ini.get('python_files') ?? 'test_*.py *_test.py').map(fnmatch);
  const docGlobs = [...list(ini.get('doctest_glob') ?? []), ...values('--doctest-glob')];
  if (docGlobs.some((v) => v === null)) return null;
  const docs = (docGlobs.length > 0 ? docGlobs as string[] : ['test*.txt']).map(fnmatch);
  const doctestModules = has('--doctest-modules');
  const norecurse = list(ini.get('norecursedirs') ?? DEFAULT_NORECURSE).map(fnmatch);
  const collect = {
    want: (n: string): boolean => n === 'conftest.py' || pyFiles.some((re) => re.test(n)) || docs.some((re) => re.test(n)) || (doctestModules && n.endsWith('.py') && n !== 'setup.py'),
    skip: { test: (n: string): boolean => n === '__pycache__' || norecurse.some((re) => re.test(n)) },
    // pytest 8 does not enter a virtualenv (a directory with pyvenv.cfg) unless told to.
    ...(has('--collect-in-virtualenv') ? {} : { skipDir: (p: string): boolean => scope.files.read(join(p, 'pyvenv.cfg')).kind !== 'missing' }),
  };
  // sys.path entries inside the project: the working directory (python -m pytest, rootdir inserts), the rootdir, `pythonpath`.
  const dirs = [cwd, conf.dir, ...list(ini.get('pythonpath') ?? []).map((p) => resolve(conf.dir, p))];
  const files = new Set<string>();
  // Plugins: -p NAME (not -p no:NAME) and PYTEST_PLUGINS.
  const plugins = [...values('-p'), ...(scope.env.get('PYTEST_PLUGINS')?.split(',') ?? [])];
  if (plugins.some((p) => p === null) || scope.env.get('PYTEST_PLUGINS') === null) return null;
  for (const p of plugins as string[]) {
    const file = p.startsWith('no:') || p.trim() === '' ? null : moduleFile(scope, 'python', p.trim(), cwd, dirs);
    if (file !== null) files.add(file);
  }
  const roots = testRoots(scope, cwd, conf.dir, args.operands, ini.get('testpaths'), has('--pyargs'), dirs);
  const cut = values('--confcutdir').pop();
  if (cut === null) return null;
  const top = cut === undefined ? conf.dir : resolve(cwd, cut);
  for (const root of roots) {
    const isFile = scope.files.read(root).kind === 'text';
    // conftest.py files from the ini file's directory (or --confcutdir) down to the path named.
    for (let d = isFile ? dirname(root) : root, i = 0; i < 64; i++, d = dirname(d)) {
      if (scope.files.read(join(d, 'conftest.py')).kind === 'text') files.add(join(d, 'conftest.py'));
      if (d === top || dirname(d) === d || !d.startsWith(top)) break;
    }
    if (isFile) { files.add(root); continue; }
    const walked = walk(scope, [root], collect);
    if (walked === undefined) return undefined;
    for (const f of walked) files.add(f);
  }
  const all = importClosure(scope, [...files], dirs, null, MAX_LOADED);
  return all === undefined ? undefined : { lang: 'python', files: all };
}

/** An option's value that is an unquoted glob matching no file: the shell leaves it as written (`-o python_files=check_*.py`). */
function globValue(scope: Scope, cwd: string, r: Row, o: Option): string | null {
  const w = r.words[r.base + o.index]?.text ?? '';
  const text = w === o.name ? r.words[r.base + o.index + 1]?.text ?? '' : w.startsWith(`${o.name}=`) ? w.slice(o.name.length + 1) : w.startsWith(o.name) && o.name.length === 2 ? w.slice(2) : '';
  if (!/^[^$`"'\\\s]*[*?[][^$`"'\\\s]*$/.test(text)) return null;
  return globFiles(scope.files, cwd, text)?.length === 0 ? text : null;
}

/** Operands into `args`; an `@FILE` operand is its file's lines, each an argument. False: one is named at run time. */
function addArgs(scope: Scope, cwd: string, ops: readonly (string | null)[], args: { options: Option[]; operands: string[] }, depth: number): boolean {
  for (const op of ops) {
    if (op === null) return false;
    // An option word the shell left as written (an unquoted glob matching no file: `--override-ini=python_files=check_*.py`).
    if (op.startsWith('-') && op.length > 1) { args.options.push(...getopt([op], PYTEST).options); continue; }
    if (!op.startsWith('@') || depth > 4) { args.operands.push(op); continue; }
    const r = scope.files.read(resolve(cwd, op.slice(1)));
    if (r.kind === 'missing') { args.operands.push(op); continue; }
    if (r.kind !== 'text') return false;
    const s = getopt(r.text.split('\n').map((l) => l.trim()).filter((l) => l !== ''), PYTEST);
    args.options.push(...s.options);
    if (!addArgs(scope, cwd, s.operands.map((o) => o.value), args, depth + 1)) return false;
  }
  return true;
}

/** The directories and files pytest collects from: the operands, else `testpaths` (run from the rootdir), else the working directory. */
function testRoots(scope: Scope, cwd: string, rootdir: string, operands: readonly string[], testpaths: string | readonly string[] | undefined, pyargs: boolean, dirs: readonly string[]): string[] {
  const roots: string[] = [];
  for (const op of operands) {
    const path = resolve(cwd, op.replace(/::.*$/s, ''));
    // --pyargs: a name that is no path is a module (a package: its directory).
    const mod = pyargs && /^[\w.]+$/.test(op) && scope.files.read(path).kind === 'missing' ? moduleFile(scope, 'python', op, cwd, dirs) : null;
    roots.push(mod === null ? path : mod.endsWith('/__init__.py') ? dirname(mod) : mod);
  }
  if (roots.length > 0) return roots;
  if (testpaths !== undefined && cwd === rootdir) {
    for (const p of list(testpaths)) {
      const hits = /[*?[]/.test(p) ? globFiles(scope.files, rootdir, p) : [resolve(rootdir, p)];
      roots.push(...(hits ?? [rootdir]));
    }
    if (roots.length > 0) return roots;
  }
  return [cwd];
}

/** The ini file's directory (the rootdir) and its pytest options; null when it is named at run time. */
function config(scope: Scope, cwd: string, options: readonly Option[], operands: readonly string[]): { dir: string; ini: Ini } | null {
  const last = (names: string[]): string | null | undefined => { let v: string | null | undefined; for (const o of options) if (optionIs(o, names)) v = o.value ?? null; return v; };
  const file = last(['-c', '--config-file']);
  const rootOpt = last(['--rootdir']);
  if (file === null || rootOpt === null) return null;
  if (file !== undefined) {
    const path = resolve(cwd, file);
    const r = scope.files.read(path);
    const ini = r.kind === 'text' ? iniOf(path, r.text, true) : null;
    return { dir: rootOpt !== undefined ? resolve(cwd, rootOpt) : dirname(path), ini: ini ?? new Map() };
  }
  // The arguments' common directory, and up from it.
  const paths = operands.map((o) => resolve(cwd, o.replace(/::.*$/s, ''))).filter((p) => scope.files.read(p).kind !== 'missing' || (scope.files.list?.(p) ?? null) !== null);
  let start = paths.length > 0 ? paths.reduce(common) : cwd;
  if (scope.files.read(start).kind === 'text') start = dirname(start);
  // Without a pytest section anywhere, the first pyproject.toml is the config file all the same (pytest 8.1), else a setup.py's directory is the rootdir.
  let setupPy: string | null = null;
  let pyproject: string | null = null;
  for (let d = start, i = 0; i < 64; i++, d = dirname(d)) {
    for (const n of ['pytest.ini', '.pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg']) {
      const r = scope.files.read(join(d, n));
      if (r.kind !== 'text') continue;
      const ini = iniOf(n, r.text, false);
      if (ini !== null) return { dir: rootOpt !== undefined ? resolve(cwd, rootOpt) : d, ini };
      if (n === 'pyproject.toml') pyproject ??= d;
    }
    if (setupPy === null && scope.files.read(join(d, 'setup.py')).kind === 'text') setupPy = d;
    if (dirname(d) === d) break;
  }
  return { dir: rootOpt !== undefined ? resolve(cwd, rootOpt) : pyproject ?? setupPy ?? start, ini: new Map() };
}

function common(a: string, b: string): string {
  while (!(b === a || b.startsWith(a.endsWith('/') ? a : `${a}/`))) a = dirname(a);
  return a;
}

/** A file's pytest options, or null when it is not pytest's (pytest.ini is, even empty). */
function iniOf(path: string, text: string, named: boolean): Ini | null {
  const name = path.replace(/^.*\//, '');
  if (name === 'pyproject.toml') {
    let doc: Record<string, unknown>;
    try { doc = parseToml(text); } catch { return named ? new Map() : null; }
    const tool = (doc.tool as Record<string, unknown> | undefined)?.pytest as Record<string, unknown> | undefined;
    if (tool === undefined) return named ? new Map() : null;
    const table = { ...tool, ...(tool.ini_options as Record<string, unknown> | undefined ?? {}) };
    const out = new Map<string, string | readonly string[]>();
    for (const [k, v] of Object.entries(table)) {
      if (typeof v === 'string') out.set(k, v);
      else if (Array.isArray(v)) out.set(k, v.filter((x): x is string => typeof x === 'string'));
    }
    return out;
  }
  const section = name === 'setup.cfg' ? 'tool:pytest' : 'pytest';
  const ini = iniSection(text, section);
  return ini ?? (named || name === 'pytest.ini' || name === '.pytest.ini' ? new Map() : null);
}

/** An ini file's section as keys and values (indented lines continue a value); null when it has none. */
function iniSection(text: string, section: string): Map<string, string> | null {
  let inside = false;
  let found = false;
  let key: string | null = null;
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const head = /^\[([^\]]+)\]/.exec(line);
    if (head) { inside = head[1]!.trim() === section; found ||= inside; key = null; continue; }
    if (!inside || /^\s*[#;]/.test(line)) continue;
    if (/^\s/.test(line) && key !== null) { if (line.trim() !== '') out.set(key, `${out.get(key)!}\n${line.trim()}`); continue; }
    const kv = /^([\w.-]+)\s*[=:]\s*(.*)$/.exec(line);
    if (kv) { key = kv[1]!; out.set(key, kv[2]!.trim()); }
  }
  return found ? out : null;
}

/** An ini value as a list (whitespace-separated). */
const list = (v: string | readonly string[]): string[] => (typeof v === 'string' ? v.split(/\s+/).filter(Boolean) : [...v]);

/** Shell-like words of an option string (quotes group). */
function words(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** fnmatch's pattern as a regex over a name. */
function fnmatch(glob: string): RegExp {
  const base = glob.replace(/^.*\//, '');
  return new RegExp('^' + base.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.').replace(/\[!/g, '[^') + '$');
}
