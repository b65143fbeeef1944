// Modules of the project that an interpreter loads: named on its command line (`python -m NAME`,
// `perl -MName`, `ruby -r ./x`) or by the code (`import x`, `require('./x')`, `use X`, `load 'x.rb'`).
// Each one found as a file where that language looks for it is scanned as code of its language
// (interpreters.ts), as the file would be if it were run directly. Installed packages are not the
// project's: only the directories the language searches first (the code's own, the ones the
// command line and the environment name) are looked in.
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { CodeLanguage } from '../grammars/types.js';
import { MODULE_PROGRAMS, PYTHON_MODULES } from '../grammars/interpreters.js';
import type { Word } from '../words.js';
import { valuesOf, type Scan } from '../getopt.js';
import type { Scope } from './driver.js';
import { scanCodeFile } from './interpreters.js';
import { pythonImports } from './python-imports.js';
import { inGuardPackage } from './guard-entry.js';

interface ModuleRules {
  /** Statements that load a module, its name in the first group. */
  readonly statements: readonly RegExp[];
  /** Files a module name may be, relative to a search directory. */
  readonly files: (name: string) => readonly string[];
  /** Environment variables that list more search directories. */
  readonly env: readonly string[];
  /** Whether the code's own directory (for inline code: the working directory) is searched for bare names. */
  readonly ownDir: boolean;
  /** The command-line option that adds a search directory (`perl -I`, `ruby -I`). */
  readonly include?: string;
  /** The code a module option's text becomes (perlrun: `-MName=a,b` is `use Name split(/,/,q{a,b});`, and text after the name is code). */
  readonly useLine?: (value: string) => string;
  /** A module option whose value adds search directories (`perl -Mlib=DIR,…`): the option and the value's pattern, the list in its first group. */
  readonly libModule?: { readonly option: string; readonly pattern: RegExp };
}

const JS_EXTENSIONS = ['', '.js', '.cjs', '.mjs', '.ts', '.mts', '.cts', '/index.js', '/index.cjs', '/index.mjs', '/index.ts'];

const RULES: Partial<Record<CodeLanguage, ModuleRules>> = {
  python: {
    statements: [/^[ \t]*import[ \t]+([\w.]+(?:[ \t]*,[ \t]*[\w.]+)*)/gm, /^[ \t]*from[ \t]+([\w.]+)[ \t]+import\b/gm,
      /\b(?:__import__|import_module)\(\s*["']([\w.]+)["']/g,
      // Files run as code: runpy's run_path and run_module, exec of a file's text, Python 2's execfile.
      /\brunpy\.run_(?:path|module)\(\s*["']([^"']+)["']/g, /\bexec\(\s*(?:io\.)?open\(\s*["']([^"']+)["']/g, /\bexecfile\(\s*["']([^"']+)["']/g],
    files: (n) => { if (n.endsWith('.py')) return [n]; const p = n.replace(/\./g, '/'); return [`${p}.py`, `${p}/__init__.py`, `${p}/__main__.py`]; },
    env: ['PYTHONPATH'], ownDir: true,
  },
  node: {
    // Only relative specifiers: a bare name is an installed package.
    statements: [/\brequire\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g, /\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']/g,
      /\bfrom\s+["'](\.{1,2}\/[^"']+)["']/g, /^\s*import\s+["'](\.{1,2}\/[^"']+)["']/gm],
    files: (n) => JS_EXTENSIONS.map((e) => n + e),
    env: [], ownDir: true,
  },
  perl: {
    statements: [/^\s*(?:use|require)\s+([A-Z][\w:]*)/gm, /\b(?:require|do)\s+["']([^"']+\.p[lm])["']/g],
    files: (n) => (/\.p[lm]$/.test(n) ? [n] : [`${n.replace(/::/g, '/')}.pm`]),
    env: ['PERL5LIB', 'PERLLIB'], ownDir: false, include: '-I',
    useLine: (v) => `${v.startsWith('-') ? `no ${v.slice(1)}` : `use ${v}`}`.replace(/=(.*)$/s, ' split(/,/,q{$1})') + ';',
    libModule: { option: '-M', pattern: /^lib=(.+)$/s },
  },
  ruby: {
    statements: [/\brequire(?:_relative)?\s*\(?\s*["']([^"']+)["']/g, /\bload\s*\(?\s*["']([^"']+\.rb)["']/g],
    files: (n) => (n.endsWith('.rb') ? [n] : [`${n}.rb`]),
    env: ['RUBYLIB'], ownDir: false, include: '-I',
  },
  // `require("x.y")` is x/y.lua (or x/y/init.lua) on package.path, which starts with ./; dofile and loadfile take a path.
  lua: {
    statements: [/\brequire\s*\(?\s*["']([\w.\/-]+)["']/g, /\b(?:dofile|loadfile)\s*\(?\s*["']([^"']+)["']/g],
    files: (n) => (n.endsWith('.lua') ? [n] : [`${n.replace(/\./g, '/')}.lua`, `${n.replace(/\./g, '/')}/init.lua`]),
    env: [], ownDir: true,
  },
};

/** The command-line option that adds a search directory for this language, if it has one. */
export function includeOption(lang: CodeLanguage): string | undefined {
  return RULES[lang]?.include;
}

/** The code a module option's value runs as, when it is more than a module's name. */
export function moduleOptionCode(lang: CodeLanguage, value: string): string | null {
  const line = RULES[lang]?.useLine;
  return line === undefined || /^-?[\w:]+(?:=[\w:.,\/-]*)?$/.test(value) ? null : line(value);
}

/** Search directories the command line's module options add (`perl -Mlib=.`). */
export function moduleOptionDirs(lang: CodeLanguage, scan: Scan): string[] {
  const lib = RULES[lang]?.libModule;
  if (lib === undefined) return [];
  return valuesOf(scan, lib.option).flatMap((v) => (v === null ? [] : lib.pattern.exec(v)?.[1]?.split(',') ?? []));
}

/** Does this language load modules we follow? */
export function loadsModules(lang: CodeLanguage): boolean {
  return RULES[lang] !== undefined;
}

/** Module names the code loads (memoized per version of a file when `stamp` is given). */
export function modulesIn(scope: Scope, lang: CodeLanguage, code: string, stamp?: string): readonly string[] {
  const rules = RULES[lang];
  if (!rules) return [];
  const find = (): string[] => {
    const out = new Set<string>();
    for (const re of rules.statements) {
      for (const m of code.matchAll(re)) for (const n of m[1]!.split(/[ \t]*,[ \t]*/)) if (out.size < 200) out.add(n);
    }
    // `require_relative 'x'` is relative to the file: spelled as a path.
    for (const m of code.matchAll(/\brequire_relative\s*\(?\s*["']([^"']+)["']/g)) { out.delete(m[1]!); out.add(`./${m[1]!}`); }
    return [...out];
  };
  return stamp !== undefined && scope.files.memo ? scope.files.memo(`modules:${lang}:${stamp}`, find) : find();
}

/**
 * The file a module name loads, or null: a path (`./x`, `/x`) relative to `base`, a bare name in
 * the search directories (`base` first where the language searches the code's own directory).
 */
export function moduleFile(scope: Scope, lang: CodeLanguage, name: string, base: string | null, include: readonly string[]): string | null {
  const rules = RULES[lang];
  if (!rules) return null;
  const isPath = /^\.{1,2}\//.test(name) || isAbsolute(name);
  const dirs: string[] = [];
  if (isPath) { if (base !== null || isAbsolute(name)) dirs.push(base ?? '/'); } else {
    if (rules.ownDir && base !== null) dirs.push(base);
    for (const d of include) dirs.push(base === null ? d : resolve(base, d));
    for (const v of rules.env) {
      const value = scope.env.get(v);
      if (typeof value !== 'string') continue;
      for (const d of value.split(':')) {
        if (d === '') continue;
        if (/[$`]/.test(d)) scope.raise('unreadable-script', `${name}: ${v} names a directory computed at run time (${d})`);
        else dirs.push(scope.cwd === null ? d : resolve(scope.cwd, d));
      }
    }
  }
  if (dirs.length > 16) scope.raise('unreadable-script', `${name}: ${dirs.length} module directories to search; past 16 they are not read`);
  const listed = new Map<string, ReadonlySet<string> | null>();
  for (const dir of dirs.slice(0, 16)) {
    for (const f of rules.files(name)) {
      const path = isAbsolute(f) ? f : join(dir, f);
      if (!mayBeThere(scope, path, listed)) continue;
      if (scope.files.read(path).kind !== 'missing') return path;
    }
  }
  return null;
}

/**
 * May `path` exist, by its directory's listing (taken once, without case: a file system may ignore
 * it)? The many names a module may have are looked up in one listing, which a kept decision then
 * checks with one stamp, not one per name.
 */
function mayBeThere(scope: Scope, path: string, listed: Map<string, ReadonlySet<string> | null>, up = 0): boolean {
  if (!scope.files.entries) return true;
  const dir = dirname(path);
  if (dir === path) return true;
  let names = listed.get(dir);
  if (names === undefined) {
    const entries = scope.files.entries(dir);
    names = entries === null ? null : new Set(entries.map((e) => e.name.toLowerCase()));
    listed.set(dir, names);
  }
  // A directory that cannot be listed may be missing (`x.cjs/index.js`): then its own name is looked
  // up one level higher; past that it is read name by name, as before (what cannot be seen is not ruled out).
  if (names === null) return up < 1 ? mayBeThere(scope, dir, listed, up + 1) : true;
  return names.has(basename(path).toLowerCase());
}

/** The directory code's relative names resolve against: a file's own, or the working directory. */
export function codeBase(scope: Scope, from: string | undefined): string | null {
  return from !== undefined ? dirname(from) : scope.cwd;
}

/**
 * Modules named as operands (`python -m unittest tests.test_api deploy`): each a file (`x.py`) or a
 * dotted name whose longest prefix that is a module of the project is loaded.
 */
export function loadModules(scope: Scope, lang: CodeLanguage, names: readonly (string | null)[], include: readonly string[], label: string): void {
  if (!scope.local) return;
  for (const name of names) {
    if (name === null) { scope.raise('interpreter-code', `\`${label}\` loads a module named at run time`); continue; }
    if (name.startsWith('-')) continue;
    if (/\.py$|\//.test(name)) { scanCodeFile(scope, lang, name, `${label} ${name}`); continue; }
    // An ASGI/WSGI application spec names its attribute after a colon (`main:app`, `pkg.web:create_app()`).
    const parts = (lang === 'python' ? name.replace(/:.*$/s, '') : name).split('.');
    for (let n = parts.length; n > 0; n--) {
      const file = moduleFile(scope, lang, parts.slice(0, n).join('.'), scope.cwd, include);
      if (file !== null) { scanCodeFile(scope, lang, file, `${label} ${name}`); break; }
    }
  }
}

/** The program name under which `python -m NAME`'s row is kept (not a name anyone can type as a command). */
export const moduleProgram = (name: string): string => `python -m ${name}`;

/** `python -m NAME ARGS` where NAME runs what its arguments name: go on as that row (true), else false. */
export function moduleRunner(scope: Scope, name: string, rest: readonly Word[], label: string): boolean {
  // `python -m nox -l`: a module that is a task runner's program, read as that program.
  const runner = MODULE_PROGRAMS[name];
  if (runner !== undefined) { scope.continueWith([{ value: runner, tail: runner, text: runner, start: 0, end: 0 }, ...rest], label); return true; }
  if (!PYTHON_MODULES.some((r) => r.names.includes(name))) return false;
  const program = moduleProgram(name);
  scope.continueWith([{ value: program, tail: program, text: program, start: 0, end: 0 }, ...rest], label);
  return true;
}

/** How many imports deep a code file's own modules are followed, and how many files one command's imports may bring in. */
export const IMPORT_DEPTH = 4;
// (The bound of the files a test run loads with its test files, tests.ts MAX_LOADED: a test run reads its files through here too.)
export const MAX_IMPORTED = 1500;
const importedCount = new WeakMap<object, number>();

/**
 * A code file's own modules run with it (`require('./lib/deploy')`, `import './up.mjs'`, Python's
 * `import helper` beside it): each found where the language looks first (the file's own directory,
 * the environment's search path; installed packages by a bare name are not the project's) is scanned
 * as the file is, to IMPORT_DEPTH imports from the file run; past MAX_IMPORTED files that is said. The
 * guard's own modules (a build script of its checkout imports dist/) are the guard, not the project's code.
 */
export function fileImports(scope: Scope, lang: CodeLanguage, code: string, from: string, depth: number, label: string, stamp?: string): void {
  if (depth >= IMPORT_DEPTH || !scope.local || !loadsModules(lang)) return;
  // (`from pkg import mod` may import the submodule pkg.mod: python-imports.ts reads both.)
  const names = lang === 'python' ? new Set([...modulesIn(scope, lang, code, stamp), ...pythonImports(code)]) : modulesIn(scope, lang, code, stamp);
  for (const name of names) {
    const file = moduleFile(scope, lang, name, dirname(from), []);
    if (file === null || file === from || scope.run0.seen.has(`code:${file}`) || inGuardPackage(scope, file)) continue;
    const n = (importedCount.get(scope.run0) ?? 0) + 1;
    importedCount.set(scope.run0, n);
    if (n > MAX_IMPORTED) { scope.raise('unreadable-script', `${label} imports more than ${MAX_IMPORTED} project files; past them they are not read`); return; }
    scanCodeFile(scope, lang, file, `${label} (imports ${name})`, depth + 1);
  }
}
