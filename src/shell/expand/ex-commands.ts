// Vim's Ex commands (`-c`, `+cmd`, `--cmd`, a file `-S` or `-u` sources, `:source`, `--remote-send`):
// the commands that hand their line to a shell (`:!`, `:{range}!`, `:r !`, `:w !`, `:terminal`), to
// an interpreter (`:lua`, `:py3`, `:perl`, `:ruby`, `:tcl` and their `do`/`file` forms, heredocs
// `:lua << EOF`), to another Ex command (`:execute`, `:silent`, `:windo`, `:g/pat/`, `:autocmd`,
// `:command`, mappings, `:normal`), and the functions that start commands (system(), job_start(),
// jobstart(), termopen()) or run code (luaeval(), execute()). Which commands those are is data
// (grammars/command-languages.ts); a payload that is not a literal asks.
import { EX_CALLS, VIM_EVALS, VIM_EX, VIM_MAP, VIM_SPAWNS, verbPattern, type HandOff, type Verb } from '../grammars/command-languages.js';
import type { CodeLanguage } from '../grammars/types.js';
import { quoteForScan } from './code-literals.js';
import type { Scope } from './driver.js';

/** How the interpreters family reads code and code files (passed in: it calls this module). */
export interface CodeReaders {
  readonly code: (scope: Scope, lang: CodeLanguage, code: string, label: string) => void;
  readonly file: (scope: Scope, lang: CodeLanguage, path: string, label: string) => void;
}

const VERBS: readonly (Verb & { readonly re: RegExp })[] = VIM_EX.map((v) => ({ ...v, re: new RegExp(`^(?:${verbPattern(v.name)})$`) }));
const SPAWN_CALL = new RegExp(`(?<![\\w#:.])(${[...VIM_SPAWNS, ...Object.keys(VIM_EVALS)].join('|')})\\s*\\(`, 'g');
const HEREDOC = /^\s*:*\s*([a-z0-9]+)\s*<<\s*(?:trim\s+)?(\S*)\s*$/;
const PLACEHOLDER = /<(?:q-|f-)?args>/i;
const MAX_DEPTH = 8;

/** A whole Ex script (`-c` values joined by newlines, a sourced file). */
export function exScript(scope: Scope, code: string, label: string, read: CodeReaders): void {
  const lines = code.replace(/\r?\n[ \t]*\\/g, ' ').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const doc = HEREDOC.exec(lines[i]!);
    const verb = doc ? verbOf(doc[1]!) : undefined;
    if (doc && verb && isLanguage(verb.to) && !verb.file) {
      const end = doc[2] === '' ? '.' : doc[2]!;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i]!.trim() !== end; i++) body.push(lines[i]!);
      runCode(scope, verb.to, body.join('\n'), `${label} :${doc[1]}`, read);
      continue;
    }
    exLine(scope, lines[i]!, label, read, 0);
  }
}

/** One line of Ex commands; true when some part of it hands something on (to a shell, code, a file). */
export function exLine(scope: Scope, text: string, label: string, read: CodeReaders, depth: number): boolean {
  if (depth > MAX_DEPTH) { scope.raise('limit', `${label}: Ex commands nested too deeply`); return true; }
  let t = text.replace(/^(?:\s|:|<[^>\s]+>)+/, '');
  if (t === '' || t.startsWith('"') || t.startsWith('#')) return false;
  t = t.slice(rangeLength(t)).trimStart();
  if (t.startsWith('!')) { shell(scope, t.slice(1), label); return true; }
  const name = /^[A-Za-z]+(?:\d[A-Za-z]*)?/.exec(t)?.[0] ?? '';
  const rest = t.slice(name.length);
  const verb = name === '' ? undefined : verbOf(name);
  if (!verb) {
    if (VIM_MAP.test(name)) return mapping(scope, rest, label, read, depth);
    const [head, tail] = splitBar(t);
    const ran = functions(scope, head, label, read, depth);
    return (tail !== null && exLine(scope, tail, label, read, depth + 1)) || ran;
  }
  return handOff(scope, verb, rest, label, read, depth);
}

function handOff(scope: Scope, verb: Verb, rest: string, label: string, read: CodeReaders, depth: number): boolean {
  const arg = rest.replace(/^!?\s*/, '');
  const at = `${label} :${verb.name.replace(/\[.*$/, '')}`;
  switch (verb.to) {
    case 'shell': if (arg.trim() !== '') shell(scope, arg, label); return true;
    case 'read': if (/^!?\s*!/.test(rest) || /^\s*!/.test(rest)) { shell(scope, rest.replace(/^!?\s*!/, ''), label); return true; } return false;
    case 'write': {
      const m = /^(?:!(?=\s|$))?\s*!(.*)$/s.exec(rest) ?? /^\s+!(.*)$/s.exec(rest);
      if (m) { shell(scope, m[1]!, label); return true; }
      return false;
    }
    case 'terminal': { const cmd = arg.replace(/^(?:\+\+\S+\s*)*/, ''); if (cmd.trim() !== '') shell(scope, cmd, label); return true; }
    case 'source': { const [file] = splitBar(arg); if (file.trim() !== '') read.file(scope, 'vim', unescape(file.trim()), at); return true; }
    case 'ask': scope.raise('interpreter-code', `${at} runs code that cannot be read`, arg); return true;
    case 'ex': return exLine(scope, arg, label, read, depth + 1);
    case 'execute': return execute(scope, rest, at, read, depth);
    case 'global': return global(scope, rest, label, read, depth);
    case 'normal': return keys(scope, arg, at, read, depth);
    case 'autocmd': return autocmd(scope, arg, label, read, depth);
    case 'usercmd': return userCommand(scope, arg, at, read, depth);
    case 'set': return setShell(scope, arg, at);
    case 'let': return letShell(scope, rest, at, read, depth);
    case 'map': return mapping(scope, rest, label, read, depth);
    default:
      if (verb.file) { if (arg.trim() !== '') read.file(scope, verb.to, unescape(arg.trim()), at); return true; }
      runCode(scope, verb.to, arg, at, read);
      return true;
  }
}

/** Code of a language run from Vim: judged by that language's scanner, and its calls back into Ex (`vim.command("!…")`). */
function runCode(scope: Scope, lang: CodeLanguage, code: string, label: string, read: CodeReaders): void {
  if (code.trim() === '') return;
  read.code(scope, lang, code, label);
  if (lang !== 'lua') exCalls(scope, code, label, read);
}

/**
 * Calls of code that run Ex commands (Neovim's `vim.cmd("…")`, `vim.cmd.terminal("…")`, `vim.cmd[[…]]`,
 * the Python interface's `vim.command("…")`): a literal is read as Ex, anything else asks.
 */
export function exCalls(scope: Scope, code: string, label: string, read: CodeReaders): void {
  const re = new RegExp(`${EX_CALLS.source}(?:\\.(\\w+)|\\[["'](\\W)["']\\])?\\s*\\(?\\s*`, 'g');
  for (const m of code.matchAll(re)) {
    const after = code.slice(m.index! + m[0].length);
    const lit = luaString(after);
    const cmd = m[1] ?? m[2];
    if (lit === null) { scope.raise('interpreter-code', `${label} runs an Ex command built at run time`, m[0]); continue; }
    exScript(scope, cmd !== undefined ? `${cmd} ${lit}` : lit, `${label} (Ex)`, read);
  }
}

/** A Lua, Python or Vim string literal at the start of `s`: `"…"`, `'…'`, `[[…]]`, `[==[…]==]`. */
function luaString(s: string): string | null {
  const long = /^\[(=*)\[([\s\S]*?)\]\1\]/.exec(s);
  if (long) return long[2]!;
  const q = /^(["'])((?:\\.|(?!\1)[^\\\n])*)\1/.exec(s);
  return q ? q[2]!.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[c] ?? c) : null;
}

function verbOf(name: string): (Verb & { readonly re: RegExp }) | undefined {
  return VERBS.find((v) => v.re.test(name));
}

function isLanguage(to: HandOff): to is CodeLanguage & HandOff {
  return ['lua', 'python', 'perl', 'ruby', 'tcl'].includes(to);
}

function shell(scope: Scope, cmd: string, label: string): void {
  // Vim replaces an unescaped `%` and `#` with file names; `\%` is a `%`.
  const text = cmd.replace(/\\([%#!])/g, '$1').trim();
  if (text !== '') scope.nested(text, `${label} :!`, { spliceable: false });
}

/** Vim's file-name escapes in an argument (`\ `). */
function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/** The length of a leading range: `%`, `.`, `$`, numbers, marks `'a`, `'<,'>`, patterns, offsets, separators. */
function rangeLength(t: string): number {
  const piece = /^(?:\d+|[.$%*]|'.|\/(?:[^\\/]|\\.)*\/|\?(?:[^\\?]|\\.)*\?|\\[/?&]|[+-]\d*|[,;]|[ \t]+)/;
  let at = 0;
  for (let m = piece.exec(t); m && m[0] !== ''; m = piece.exec(t.slice(at))) at += m[0].length;
  return at;
}

/** The command before an unquoted `|` (a bar inside a string literal does not end it) and the rest after it. */
function splitBar(t: string): [string, string | null] {
  let quote: string | null = null;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (quote) { if (c === '\\' && quote === '"') i++; else if (c === quote) quote = null; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '\\') i++;
    else if (c === '|') return [t.slice(0, i), t.slice(i + 1)];
  }
  return [t, null];
}

/** Calls in an expression that start commands (`system("…")`, `job_start([…])`) or run code or Ex (`luaeval("…")`, `execute("…")`). */
function functions(scope: Scope, expr: string, label: string, read: CodeReaders, depth: number): boolean {
  let ran = false;
  for (const m of expr.matchAll(SPAWN_CALL)) {
    const fn = m[1]!;
    const value = vimExpression(expr.slice(m.index! + m[0].length), true);
    const to = VIM_EVALS[fn];
    ran = true;
    if (value === null) { scope.raise('interpreter-code', `${label}: ${fn}() is given a value computed at run time`, m[0]); continue; }
    if (to === undefined) shell(scope, value, `${label} ${fn}()`);
    else if (to === 'ex') exScript(scope, value, `${label} ${fn}()`, read);
    else if (to === 'ask') scope.raise('interpreter-code', `${label}: ${fn}() runs code that cannot be read`, value);
    else if (isLanguage(to)) runCode(scope, to, value, `${label} ${fn}()`, read);
  }
  return ran;
}

/**
 * The value of a Vim expression made only of literals: strings joined by `.` or `..`, a list of
 * strings (a command's words, or Ex lines). Null for anything else (a variable, a call).
 */
function vimExpression(s: string, firstArgument: boolean): string | null {
  let at = 0;
  let out = '';
  for (;;) {
    const rest = s.slice(at).replace(/^\s+/, '');
    at = s.length - rest.length;
    const list = /^\[((?:\s*(?:'(?:[^']|'')*'|"(?:[^"\\]|\\.)*")\s*,?)*)\s*\]/.exec(rest);
    const str = list ? null : vimString(rest) ?? number(rest);
    if (list) out += [...list[1]!.matchAll(/'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"/g)].map((l) => quoteForScan(vimString(l[0])![0])).join(' ');
    else if (str) out += str[0];
    else return null;
    at += list ? list[0].length : str![1];
    const next = /^\s*\.\.?\s*/.exec(s.slice(at));
    if (next && !/^\s*\.\.?\s*$/.test(s.slice(at))) { at += next[0].length; continue; }
    const end = s.slice(at).trim();
    return end === '' || (firstArgument ? /^[,)]/.test(end) : false) ? out : null;
  }
}

function number(s: string): [string, number] | null {
  const m = /^-?\d+(?![\w.])/.exec(s);
  return m ? [m[0], m[0].length] : null;
}

/** A single- or double-quoted Vim string at the start of `s`: its value and its length. */
function vimString(s: string): [string, number] | null {
  const sq = /^'((?:[^']|'')*)'/.exec(s);
  if (sq) return [sq[1]!.replace(/''/g, "'"), sq[0].length];
  const dq = /^"((?:[^"\\]|\\.)*)"/.exec(s);
  if (!dq) return null;
  const esc: Record<string, string> = { n: '\n', r: '\r', t: '\t', e: '\x1b' };
  return [dq[1]!.replace(/\\<CR>/gi, '\r').replace(/\\(.)/g, (_m, c: string) => esc[c] ?? c), dq[0].length];
}

/** `:execute EXPR …`: the values joined by spaces are an Ex command; the rest after an unquoted `|` is the next one. */
function execute(scope: Scope, rest: string, label: string, read: CodeReaders, depth: number): boolean {
  const [head, tail] = splitBar(rest);
  const parts = head.trim() === '' ? [] : exprParts(head.trim());
  if (parts === null) scope.raise('interpreter-code', `${label} runs an Ex command built at run time`, head.trim());
  else if (parts.length > 0) exLine(scope, parts.join(' '), label, read, depth + 1);
  if (tail !== null) exLine(scope, tail, label, read, depth + 1);
  return true;
}

/** `:exe "a" "b" . "c"`: each space-separated expression's value, or null when one is not made of literals. */
function exprParts(s: string): string[] | null {
  const out: string[] = [];
  const lit = `(?:'(?:[^']|'')*'|"(?:[^"\\\\]|\\\\.)*"|-?\\d+(?![\\w.]))`;
  const piece = new RegExp(`^${lit}(?:\\s*\\.\\.?\\s*${lit})*`);
  let rest = s;
  while (rest !== '') {
    const m = piece.exec(rest);
    if (!m) return null;
    const v = vimExpression(m[0], false);
    if (v === null) return null;
    out.push(v);
    rest = rest.slice(m[0].length).trimStart();
  }
  return out;
}

/** `:g/pat/CMD`, `:v!/pat/CMD`: CMD runs on every matching line. */
function global(scope: Scope, rest: string, label: string, read: CodeReaders, depth: number): boolean {
  const r = rest.replace(/^!?\s*/, '');
  const delim = r[0];
  if (delim === undefined || /[\w\s"|]/.test(delim)) return false;
  let i = 1;
  while (i < r.length && r[i] !== delim) i += r[i] === '\\' ? 2 : 1;
  const cmd = r.slice(i + 1);
  return cmd.trim() !== '' && exLine(scope, cmd, label, read, depth + 1);
}

/** Keys typed in Normal mode (`:normal`, a mapping's right-hand side): `:` starts an Ex command, `!` a filter. */
function keys(scope: Scope, text: string, label: string, read: CodeReaders, depth: number): boolean {
  let ran = false;
  for (const part of text.split(/\r|\n|<CR>|<Enter>|<Return>|<NL>|\^M/i)) {
    const colon = part.indexOf(':');
    if (colon >= 0) ran = exLine(scope, part.slice(colon + 1), label, read, depth + 1) || ran;
    else if (part.includes('!') && scope.run0.options.mentions(part)) {
      scope.raise('interpreter-code', `${label} filters text through a command typed as keys`, part);
      ran = true;
    }
  }
  return ran;
}

/** `:au[tocmd] [group] {event} {pat} [++once] [++nested] {cmd}`: read with and without a group, as either may be meant. */
function autocmd(scope: Scope, arg: string, label: string, read: CodeReaders, depth: number): boolean {
  const words = arg.trim().split(/\s+/);
  let ran = false;
  for (const skip of [2, 3]) {
    let at = skip;
    while (at < words.length && /^(?:\+\+\w+|nested)$/.test(words[at]!)) at++;
    if (at < words.length) ran = exLine(scope, words.slice(at).join(' '), `${label} :autocmd`, read, depth + 1) || ran;
  }
  return ran;
}

/** `:com[mand][!] {attr}… {name} {rep}`: rep runs when the command is used; with `<args>` in it, what runs is chosen then. */
function userCommand(scope: Scope, arg: string, label: string, read: CodeReaders, depth: number): boolean {
  const words = arg.trim().split(/\s+/);
  let at = 0;
  while (at < words.length && words[at]!.startsWith('-')) at++;
  const rep = words.slice(at + 1).join(' ');
  if (rep === '') return false;
  const ran = exLine(scope, rep.replace(new RegExp(PLACEHOLDER.source, 'gi'), 'ARGS'), label, read, depth + 1);
  if (ran && PLACEHOLDER.test(rep)) scope.raise('interpreter-code', `${label} defines a command that runs what it is given`, rep);
  return ran;
}

/** `:nnoremap [<silent>…] LHS RHS`: the right-hand side is keys (with `<expr>`, an expression). */
function mapping(scope: Scope, rest: string, label: string, read: CodeReaders, depth: number): boolean {
  const words = rest.replace(/^!/, '').trim().split(/\s+/);
  let at = 0;
  let expr = false;
  while (at < words.length && /^<(?:buffer|nowait|silent|special|script|expr|unique)>$/i.test(words[at]!)) expr = /expr/i.test(words[at++]!) || expr;
  const rhs = words.slice(at + 1).join(' ');
  if (rhs === '') return false;
  return expr ? functions(scope, rhs, label, read, depth) : keys(scope, rhs, `${label} (mapping)`, read, depth);
}

/** `:set shell=PROG`: the program `:!` and system() hand their command to. */
function setShell(scope: Scope, arg: string, label: string): boolean {
  const m = /(?:^|\s)(?:shell|sh)\s*[:=]\s*((?:\\.|\S)+)/.exec(arg);
  if (!m) return false;
  scope.nested(unescape(m[1]!), `${label} shell=`, { spliceable: false });
  return true;
}

/** `:let &shell = EXPR` sets the program `:!` and system() run (a value computed at run time asks); other lets are expressions. */
function letShell(scope: Scope, rest: string, label: string, read: CodeReaders, depth: number): boolean {
  const m = /^\s*&(?:[gl]:)?(?:shell|sh)\s*\.?=\s*(.*)$/.exec(splitBar(rest)[0]);
  if (!m) return exLine(scope, `call ${rest}`, label, read, depth + 1);
  const value = vimExpression(m[1]!.trim(), false);
  if (value === null) scope.raise('interpreter-code', `${label} sets the shell to a value computed at run time`, m[1]);
  else scope.nested(value, `${label} &shell`, { spliceable: false });
  const tail = splitBar(rest)[1];
  if (tail !== null) exLine(scope, tail, label, read, depth + 1);
  return true;
}
