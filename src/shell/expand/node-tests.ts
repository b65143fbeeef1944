// The test files of Jest, Vitest, Mocha and Playwright (grammars/test-runners.ts NODE_TEST_RUNNERS)
// are code the runner runs, as node --test's are: found by the configuration's globs where it gives
// them as plain strings, else by the runner's defaults, under the test root. Each is read for the
// command lines its process calls are given as literals (`execSync('docker compose up -d')` in a
// beforeAll, `spawn('docker', ['compose', 'up'])`), those naming a managed program judged as run.
// The reading is cheap on purpose: a test suite is read on every `npm test`, and what a test builds
// at run time is its own business (a test of a tool that guards commands holds them as data).
import { dirname, relative, resolve } from 'node:path';
import { optionIs, type Scan } from '../getopt.js';
import type { ConfigRef } from '../grammars/project-tools.js';
import { NODE_TEST_RUNNERS, type NodeTestRunner } from '../grammars/test-runners.js';
import type { Scope } from './driver.js';
import { refValues } from './config-refs.js';
import { MAX_FILES, walk } from './tests.js';

export function nodeTests(scope: Scope, name: string, scan: Scan, start: string, config: string | null): void {
  const spec = NODE_TEST_RUNNERS[name];
  if (spec === undefined) return;
  const label = `${name} (runs its test files)`;
  const ops = scan.operands.slice(name === 'playwright' || (name === 'vitest' && ['run', 'watch', 'dev', 'related'].includes(scan.operands[0]?.value ?? '')) ? 1 : 0);
  // (A filter computed at run time only narrows the runner's files: all are read. Mocha's operands are the files themselves.)
  if (spec.operands === 'files' && ops.some((o) => o.value === null)) { scope.raise('unreadable-script', `\`${name}\` runs tests named at run time`); return; }
  const named = ops.some((o) => o.value === null) ? [] : ops.map((o) => resolve(start, o.value!));
  const files = spec.operands === 'files' && named.length > 0 ? specFiles(scope, named) : named.length > 0 && named.every((p) => scope.files.read(p).kind === 'text') ? named : collect(scope, spec, scan, start, config);
  if (files === undefined) { scope.raise('unreadable-script', `\`${label}\` collects more than ${MAX_FILES} test files; past them they are not read`); return; }
  const mentions = scope.run0.options.mentions;
  for (const file of files) {
    const read = scope.files.read(file);
    if (read.kind !== 'text') continue;
    // (What is found is kept per version of the file; only the literals found are matched against the managed names.)
    const make = (): string[] => literalCalls(read.text);
    const pieces = read.stamp !== undefined && scope.files.memo ? scope.files.memo(`nodetest:${read.stamp}`, make) : make();
    for (const piece of pieces) if (mentions(piece)) scope.nested(piece, `${name} (runs ${relative(start, file) || file})`, { spliceable: false, source: 'code' });
  }
}

/** Mocha's operands: files, directories (their .js files) and globs. */
function specFiles(scope: Scope, named: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (const p of named) {
    if (scope.files.read(p).kind === 'text') { out.push(p); continue; }
    const base = p.split('/').findIndex((s) => /[*?[{]/.test(s));
    const root = base < 0 ? p : p.split('/').slice(0, base).join('/') || '/';
    const re = base < 0 ? /\.[cm]?js$/ : globRegex(relative(root, p));
    const found = walk(scope, [root], { want: (n, d) => re.test(d === '' ? n : `${d}/${n}`), skip: SKIP_DOT });
    if (found === undefined) return undefined;
    out.push(...found);
  }
  return out;
}

/** The files the configuration's globs (or the defaults) match under the test root. */
function collect(scope: Scope, spec: NodeTestRunner, scan: Scan, start: string, config: string | null): string[] | undefined {
  // jest's rootDir is the directory of its configuration (or of the package.json that holds it).
  const pkg = spec.fromConfig && config === null ? scope.files.findUp(start, 'package.json')?.path : undefined;
  const base = !spec.fromConfig ? start : config !== null ? dirname(config) : pkg !== undefined ? dirname(pkg) : start;
  const read = (keys: readonly string[]): string[] => {
    const out: string[] = [];
    const refs: ConfigRef[] = [...(config !== null ? [{ files: [config], format: 'code' as const, keys, value: 'glob' as const }] : []),
      ...(spec.data ?? []).map(([file, prefix]) => ({ files: [file], format: 'data' as const, keys: keys.map((k) => prefix + k), value: 'glob' as const }))];
    for (const ref of refs) {
      const path = ref.format === 'code' ? ref.files[0]! : scope.files.findUp(start, ref.files[0]!)?.path;
      const r = path === undefined ? null : scope.files.read(path);
      if (r?.kind === 'text') try { out.push(...refValues(ref, r.text)); } catch { /* the runner fails on it too */ }
    }
    return out;
  };
  const rootValue = spec.rootKeys ? read(spec.rootKeys)[0] : undefined;
  const root = rootValue === undefined ? base : resolve(base, rootValue);
  const regexes = spec.regexKeys ? read(spec.regexKeys) : [];
  const globs = read(spec.globKeys);
  const recursive = spec.recursive && scan.options.some((o) => optionIs(o, spec.recursive!.options));
  if (regexes.length > 0) {
    const res = regexes.flatMap((r) => { try { return [new RegExp(r)]; } catch { return []; } });
    return walk(scope, [root], { want: (n, d) => res.some((re) => re.test(`/${d === '' ? n : `${d}/${n}`}`)), skip: spec.dot ? SKIP : SKIP_DOT });
  }
  // Each glob is walked from the directory its fixed leading segments name (`test/**/*.test.ts`: test/).
  const out = new Set<string>();
  for (const g of globs.length > 0 ? globs : recursive ? spec.recursive!.include : spec.include) {
    const segs = g.replace(/^<rootDir>\//, '').replace(/^\.\//, '').split('/');
    const lead = Math.max(0, segs.findIndex((x) => /[*?[{(!+@]/.test(x)));
    const re = globRegex(segs.slice(lead).join('/'));
    const from = resolve(root, segs.slice(0, lead).join('/') || '.');
    // A glob without `**` names files that many directories down, and no deeper (`test/*.test.ts`: test/ alone).
    const levels = segs.slice(lead).some((x) => x.includes('**')) ? Infinity : segs.length - lead - 1;
    const tooDeep = (dir: string): boolean => relative(from, dir).split('/').length > levels;
    const found = walk(scope, [from], { want: (n, d) => re.test(d === '' ? n : `${d}/${n}`), skip: spec.dot ? SKIP : SKIP_DOT, skipDir: tooDeep });
    if (found === undefined) return undefined;
    for (const f of found) out.add(f);
  }
  return out.size > MAX_FILES ? undefined : [...out];
}

const SKIP = /^(?:node_modules|\.git)$/;
const SKIP_DOT = /^(?:node_modules|\..*)$/;

/** A glob of the runners' kind (`**`, `*`, `?`, `{a,b}`, `[jt]`, `?(x)`, `+(x)`, `@(x)`, `*(x)`) as a regex over a relative path. */
export function globRegex(glob: string): RegExp {
  let re = '';
  const close: string[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    const ext = /^[?+@*!]\(/.test(glob.slice(i, i + 2));
    if (ext) { re += '(?:'; close.push(c === '@' || c === '!' ? ')' : `)${c === '?' ? '?' : c === '+' ? '+' : '*'}`); i++; continue; }
    if (c === ')' && close.length > 0) { re += close.pop(); continue; }
    if (c === '|' && close.length > 0) { re += '|'; continue; }
    if (glob.startsWith('**/', i)) { re += '(?:.*/)?'; i += 2; } else if (glob.startsWith('**', i)) { re += '.*'; i++; } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') { re += '(?:'; close.push(')'); }
    else if (c === '}' && close.length > 0) re += close.pop();
    else if (c === ',' && close.length > 0) re += '|';
    else if (c === '[') { const end = glob.indexOf(']', i); if (end > i) { re += glob.slice(i, end + 1); i = end; } else re += '\\['; }
    else re += c.replace(/[.+^$()|\\\]{}]/g, '\\$&');
  }
  try { return new RegExp(`^${re}$`); } catch { return /^$/; }
}

/** Node's process calls given literal command lines: a shell line (exec, execSync, execaCommand), or a program and a list of literal arguments. */
const CALL = /\b(execSync|exec|execaCommandSync|execaCommand|execFileSync|execFile|spawnSync|spawn|execaSync|execa)\s*\(\s*(?:(['"`])|([A-Za-z_$][\w$]*)\s*(?=[,)]))/g;
/** `const NAME = 'literal'`: the file's constants, for a call given one by name (`execSync(cmd)`). */
const CONSTANT = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?=['"`])/g;
const SHELL_CALLS = new Set(['execSync', 'exec', 'execaCommandSync', 'execaCommand']);
/** A string literal's text from its opening quote at `at` (escapes kept as written; a template with `${` is not one), and where it ends. */
function literalAt(text: string, at: number): { text: string; end: number } | null {
  const q = text[at]!;
  for (let i = at + 1; i < text.length && i < at + 4000; i++) {
    const c = text[i];
    if (c === '\\') { i++; continue; }
    if (c === q) return { text: text.slice(at + 1, i).replace(/\\(.)/g, '$1'), end: i + 1 };
    if ((c === '\n' && q !== '`') || (q === '`' && c === '$' && text[i + 1] === '{')) return null;
  }
  return null;
}

function constantsOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(CONSTANT)) {
    const lit = literalAt(text, m.index + m[0].length);
    // (A name given two values is not one constant: both are read.)
    if (lit !== null) out.set(m[1]!, out.has(m[1]!) ? `${out.get(m[1]!)}\n${lit.text}` : lit.text);
    if (out.size >= 500) break;
  }
  return out;
}

export function literalCalls(text: string): string[] {
  const out: string[] = [];
  let constants: Map<string, string> | undefined;
  for (const m of text.matchAll(CALL)) {
    if (out.length >= 200) break;
    let first: { text: string; end: number } | null;
    if (m[3] !== undefined) {
      constants ??= constantsOf(text);
      const value = constants.get(m[3]);
      first = value === undefined ? null : { text: value, end: m.index + m[0].length };
    } else first = literalAt(text, m.index + m[0].length - 1);
    if (first === null) continue;
    if (SHELL_CALLS.has(m[1]!)) { out.push(first.text); continue; }
    // `spawn('docker', ['compose', 'up', '-d'])`: every item a literal (one that is not is not read).
    const list = /^\s*,\s*\[([^\]]{0,2000})\]/.exec(text.slice(first.end, first.end + 2010));
    const words = [first.text];
    if (list) {
      const items = [...list[1]!.matchAll(/\s*(?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)"|`([^`$]*)`)\s*(,|$)/g)];
      if (items.map((i) => i[0]).join('').trim() !== list[1]!.trim()) continue;
      words.push(...items.map((i) => i[1] ?? i[2] ?? i[3]!));
    }
    out.push(words.map((w) => /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`).join(' '));
  }
  return out;
}
