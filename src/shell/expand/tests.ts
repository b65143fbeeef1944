// The test-runner payload: a test runner runs the project's code, found as the runner finds it.
// pytest imports every conftest.py from its root directory down and the test modules it collects
// (test_*.py, *_test.py, under the paths named or the working directory, outside norecursedirs);
// unittest discovers test*.py under its start directory; go test builds and runs each named
// package's Go files, its _test.go files among them; node --test runs the files named, or those
// matching its default patterns under the working directory; prove runs t/*.t (or the files and
// directories named) with perl, bats the .bats files named. Each file is scanned as code of its
// language (interpreters.ts). More files than can be read is said (ask), never passed over.
import { basename, join, relative, resolve } from 'node:path';
import { valueOf, valuesOf } from '../getopt.js';
import type { CodeLanguage, TestRunner } from '../grammars/types.js';
import type { Scope } from './driver.js';
import { scanCodeFile } from './interpreters.js';
import type { Row } from './payloads.js';
import { goFiles, linkedFiles, packageDirs } from './go-packages.js';
import { globFiles, subdirs } from '../files.js';
import { pytestFiles } from './pytest.js';
import { importClosure } from './python-imports.js';
import { moduleFile } from './modules.js';

export const MAX_DIRS = 2000;
export const MAX_FILES = 500;
/** The files a runner's test files bring in with them (imported modules, linked packages), test files included. */
export const MAX_LOADED = 1500;

/** Which files a runner collects and which directories it does not enter. */
export interface Collect {
  /** A file's name, and its directory relative to the directory walked. */
  readonly want: (name: string, dir: string) => boolean;
  readonly skip: { test(name: string): boolean };
  /** A directory the runner does not enter for what it holds (pytest: a virtualenv's root, which has pyvenv.cfg). */
  readonly skipDir?: (path: string) => boolean;
}

// node's defaults: *.test.js, *-test.js, *_test.js, test-*.js, test.js, every .js under a test directory (dot directories are entered: node 20 ran .ci/a.test.cjs); .ts too
// from node 23, which strips types by default (the guard runs on the node that runs the tests).
const NODE_NAMES = Number(process.versions.node.split('.')[0]) >= 23 ? /^(?:.+[.\-_]test|test-.+|test)\.[cm]?[jt]s$/ : /^(?:.+[.\-_]test|test-.+|test)\.[cm]?js$/;
const NODE: Collect = { want: (n, d) => NODE_NAMES.test(n) || (/\.[cm]?js$/.test(n) && /(?:^|\/)test(?:\/|$)/.test(d)), skip: /^node_modules$/ };

export function tests(r: Row): boolean {
  const { scope, run, scan, label } = r;
  if (!scope.local) { scope.emit(scope.argv, r.name, { scan }); return true; }
  if (!run.self) scope.emit(scope.argv, r.name, { scan });
  const cwd = scope.cwd;
  if (cwd === null) { scope.raise('unreadable-script', `cannot tell which directory \`${label}\` collects tests in`); return true; }
  // A glob the shell expands names the files it matches; one that matches nothing stays as written (node reads it as its own glob).
  const ops = scan.operands.flatMap((o) => {
    if (o.value !== null) return [o.value];
    const text = r.words[r.base + o.index]?.text ?? '';
    if (!/^[^$`"'\\]*[*?[][^$`"'\\]*$/.test(text)) return [null];
    const hits = globFiles(scope.files, cwd, text);
    return hits === null || hits.length === 0 ? [text] : hits;
  });
  const found = COLLECTORS[run.tests!](scope, cwd, ops, r);
  if (found === null) { scope.raise('unreadable-script', `\`${label}\` runs tests named at run time`); return true; }
  if (found === undefined) { scope.raise('unreadable-script', `\`${label}\` collects more than ${MAX_FILES} test files or ${MAX_DIRS} directories, or loads more than ${MAX_LOADED} files with them; past them they are not read`); return true; }
  for (const file of found.files) scanCodeFile(scope, found.lang, file, `${label} (runs ${relative(cwd, file) || file})`);
  return true;
}

/** The files a runner runs: null when they are named at run time, undefined when there are too many. */
type Collector = (scope: Scope, cwd: string, ops: readonly (string | null)[], r: Row) => { lang: CodeLanguage; files: string[] } | null | undefined;

const COLLECTORS: Record<TestRunner, Collector> = {
  pytest: pytestFiles,
  unittest(scope, cwd, ops, r) {
    // `python -m unittest NAME…`: each dotted prefix that is a module is imported (a package's __init__.py first); files by path.
    if (r.words[r.base - 1]?.value !== 'discover' && ops.length > 0) {
      const named: string[] = [];
      for (const op of ops) {
        if (op === null) return null;
        if (op.endsWith('.py') || op.includes('/')) { named.push(resolve(cwd, op)); continue; }
        const parts = op.split('.');
        for (let n = 1; n <= parts.length; n++) { const f = moduleFile(scope, 'python', parts.slice(0, n).join('.'), cwd, []); if (f !== null) named.push(f); }
      }
      const all = importClosure(scope, named, [cwd], cwd, MAX_LOADED);
      return all === undefined ? undefined : { lang: 'python', files: all };
    }
    const start = valueOf(r.scan, '-s') ?? r.scan.operands[0]?.value ?? '.';
    const pattern = valueOf(r.scan, '-p') ?? r.scan.operands[1]?.value ?? 'test*.py';
    const topName = valueOf(r.scan, '-t') ?? r.scan.operands[2]?.value ?? start;
    if (start === null || pattern === null || topName === null) return null;
    const re = globRegex(pattern);
    const files = walk(scope, [resolve(cwd, start)], { want: (n) => re.test(n), skip: /^(?:\..*|__pycache__|node_modules)$/ });
    // The top-level directory goes on sys.path: a test module below it is imported as a module of the packages between.
    const top = resolve(cwd, topName);
    const all = files === undefined ? undefined : importClosure(scope, files, [top, cwd], top, MAX_LOADED);
    return all === undefined ? undefined : { lang: 'python', files: all };
  },
  go(scope, cwd, ops, r) {
    const chdir = valueOf(r.scan, '-C');
    if (chdir === null || ops.some((v) => v === null)) return null;
    const dir = chdir === undefined ? cwd : resolve(cwd, chdir);
    // Packages, or Go files.
    const named = ops as string[];
    if (named.length > 0 && named.every((v) => v.endsWith('.go'))) return { lang: 'code', files: named.map((f) => resolve(dir, f)) };
    const dirs = packageDirs(scope, dir, named.length > 0 ? named : ['.']);
    if (dirs === undefined) return undefined;
    // Only a package with test files gets a test binary to run; it runs the package's code with them.
    const tested = dirs.filter((d) => goFiles(scope, [d]).some((f) => f.endsWith('_test.go')));
    // The binary links what the package imports: the module's packages among them run their init functions.
    const files = linkedFiles(scope, dir, tested, MAX_LOADED);
    return files === undefined ? undefined : { lang: 'code', files };
  },
  node(scope, cwd, ops) {
    if (ops.some((v) => v === null)) return null;
    if (ops.length === 0) { const files = walk(scope, [cwd], NODE); return files === undefined ? undefined : { lang: 'node', files }; }
    const files: string[] = [];
    for (const op of ops as string[]) {
      if (!/[*?[{]/.test(op)) {
        const path = resolve(cwd, op);
        if (scope.files.read(path).kind !== 'missing') { files.push(path); continue; }
        const inDir = walk(scope, [path], NODE);
        if (inDir === undefined) return undefined;
        files.push(...inDir);
        continue;
      }
      // node expands a quoted glob itself: walked from the directory before its first pattern.
      const segs = op.split('/');
      const lead = segs.findIndex((s) => /[*?[{]/.test(s));
      const base = resolve(cwd, segs.slice(0, lead).join('/') || '.');
      const re = globRegex(segs.slice(lead).join('/'));
      const hits = walk(scope, [base], { want: (n, d) => re.test(join(d, n)), skip: /^(?:node_modules|\..*)$/ });
      if (hits === undefined) return undefined;
      files.push(...hits);
    }
    return files.length > MAX_FILES ? undefined : { lang: 'node', files };
  },
  prove(scope, cwd, ops, r) {
    const ext = valueOf(r.scan, '--ext') ?? '.t';
    if (ops.some((v) => v === null) || ext === null) return null;
    return namedOrIn(scope, cwd, ops.length > 0 ? ops as string[] : ['t'], (n) => n.endsWith(ext), r.scan.options.some((o) => o.name === '-r' || o.name === '--recurse'), 'perl');
  },
  bats(scope, cwd, ops, r) {
    if (ops.some((v) => v === null)) return null;
    return namedOrIn(scope, cwd, ops as string[], (n) => n.endsWith('.bats'), r.scan.options.some((o) => o.name === '-r' || o.name === '--recursive'), 'bats');
  },
  rspec(scope, cwd, ops, r) {
    const base = valueOf(r.scan, '--default-path') ?? 'spec';
    const pattern = valueOf(r.scan, '-P');
    if (ops.some((v) => v === null) || base === null || pattern === null) return null;
    const re = pattern === undefined ? /_spec\.rb$/ : globRegex(basename(pattern));
    // (`spec/a_spec.rb:12` and `spec/a_spec.rb[1:2]` name the file.)
    const named = ops.length > 0 ? (ops as string[]).map((o) => o.replace(/:[\d:]+$|\[[\d:,]+\]$/, '')) : [base];
    const found = namedOrIn(scope, cwd, named, (n) => re.test(n), true, 'ruby');
    if (found === undefined) return undefined;
    // The helpers a spec run requires first (by .rspec's `--require spec_helper`, or -r).
    const helpers = [...valuesOf(r.scan, '-r').map((v) => v === null ? null : join(resolve(cwd, base), v.endsWith('.rb') ? v : `${v}.rb`)), join(resolve(cwd, base), 'spec_helper.rb'), join(resolve(cwd, base), 'rails_helper.rb')];
    if (helpers.includes(null)) return null;
    return { lang: 'ruby', files: [...helpers as string[], ...found.files] };
  },
};

/** The files named, and in each directory named those it runs: its own, or (recursive) every one below it. */
function namedOrIn(scope: Scope, cwd: string, ops: readonly string[], want: (name: string) => boolean, recursive: boolean, lang: CodeLanguage): { lang: CodeLanguage; files: string[] } | undefined {
  const files: string[] = [];
  for (const op of ops) {
    const path = resolve(cwd, op);
    if (scope.files.read(path).kind !== 'missing') { files.push(path); continue; }
    if (!recursive) { files.push(...(subdirs(scope.files, path)?.others ?? []).filter(want).sort().map((n) => join(path, n))); continue; }
    const found = walk(scope, [path], { want: (n) => want(n), skip: /^$/ });
    if (found === undefined) return undefined;
    files.push(...found);
  }
  return files.length > MAX_FILES ? undefined : { lang, files };
}

/** The files under `roots` a runner collects; undefined past the limits. */
export function walk(scope: Scope, roots: readonly string[], c: Collect, max = MAX_FILES): string[] | undefined {
  const files: string[] = [];
  const stack: [string, string][] = roots.map((root) => [root, '']);
  let dirs = 0;
  while (stack.length > 0) {
    const [root, rel] = stack.pop()!;
    const dir = join(root, rel);
    const found = subdirs(scope.files, dir);
    if (!found) continue;
    if (++dirs > MAX_DIRS) return undefined;
    for (const n of [...found.others].sort()) {
      if (!c.want(n, rel)) continue;
      files.push(join(dir, n));
      if (files.length > max) return undefined;
    }
    // A directory is entered whatever its name looks like (`cases.d` is one); those the runner skips are not.
    for (const n of [...found.dirs].sort()) if (!c.skip.test(n) && !c.skipDir?.(join(dir, n))) stack.push([root, rel === '' ? n : `${rel}/${n}`]);
  }
  return files;
}

/** A shell-style glob (`**`, `*`, `?`, `{a,b}`) as a regex over a relative path. */
function globRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (glob.startsWith('**/', i)) { re += '(?:.*/)?'; i += 2; } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+^$()|\\[\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
