// Vim's Ex commands (`-c`, `+cmd`, `--cmd`, a file `-S` or `-u` sources, `:source`, `--remote-send`):
// the commands that hand their line to a shell (`:!`, `:{range}!`, `:r !`, `:w !`, `:terminal`), to
// an interpreter (`:lua`, `:py3`, `:perl`, `:ruby`, `:tcl` and their `do`/`file` forms, heredocs
// `:lua << EOF`), to another Ex command (`:execute`, `:silent`, `:windo`, `:g/pat/`, `:autocmd`,
// `:command`, mappings, `:normal`), and the functions that start commands (system(), job_start(),
// jobstart(), termopen()) or run code (luaeval(), execute()). Which commands those are is data
// (grammars/command-languages.ts); a payload that is not a literal asks.
import { EX_CALLS, VIM_EVALS, VIM_EX, VIM_MAP, VIM_SPAWNS, verbPattern, type HandOff, type Verb } from '../grammars/command-languages.js';
import type { CodeLanguage } from '../grammars/types.js';
import type { StdinSource } from '../invocations.js';
import type { Scope } from './driver.js';
import { callArguments, vimExpression } from './vim-literals.js';
import { bufferCalls, type VimBuffer } from './vim-buffer.js';

/** How the interpreters family reads code and code files (passed in: it calls this module). */
export interface CodeReaders {
  readonly code: (scope: Scope, lang: CodeLanguage, code: string, label: string) => void;
  readonly file: (scope: Scope, lang: CodeLanguage, path: string, label: string) => void;
  /** The buffer the commands work on (vim-buffer.ts), for Ex run by vim itself. */
  readonly buffer?: VimBuffer;
}

// Built on first use: most commands have no Ex in them, and a cold process should not build the table.
let verbs: readonly (Verb & { readonly re: RegExp })[] | undefined;
const SPAWN_CALL = new RegExp(`(?<![\\w#:.])(${[...Object.keys(VIM_SPAWNS), ...Object.keys(VIM_EVALS)].join('|')})\\s*\\(`, 'g');
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
  const range = rangeLength(t);
  t = t.slice(range).trimStart();
  // `:{range}!cmd` filters those lines through cmd: its stdin is the buffer's text.
  if (t.startsWith('!')) { shell(scope, t.slice(1), label, range > 0 ? bufferStdin(scope, label, read) : undefined); return true; }
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
    case 'read':
      if (/^!?\s*!/.test(rest) || /^\s*!/.test(rest)) { read.buffer?.lost('what a command prints'); shell(scope, rest.replace(/^!?\s*!/, ''), label); return true; }
      if (arg.trim() !== '') read.buffer?.add(unescape(arg.trim()));
      return false;
    case 'write': {
      const m = /^(?:!(?=\s|$))?\s*!(.*)$/s.exec(rest) ?? /^\s+!(.*)$/s.exec(rest);
      if (m) { shell(scope, m[1]!, label, bufferStdin(scope, label, read)); return true; }
      return false;
    }
    case 'put': return put(scope, arg, at, read);
    case 'edit': return edit(scope, arg, label, read, depth);
    case 'change': read.buffer?.lost(`text ${at} changes`); return false;
    case 'terminal': { const cmd = arg.replace(/^(?:\+\+\S+\s*)*/, ''); if (cmd.trim() !== '') shell(scope, cmd, label); return true; }
    case 'source': { const [file] = splitBar(arg); if (file.trim() !== '') read.file(scope, 'vim', unescape(file.trim()), at); return true; }
    case 'ask': scope.raise('interpreter-code', `${at} runs code that cannot be read`, arg); return true;
    case 'ex': return exLine(scope, arg, label, read, depth + 1);
    case 'execute': return execute(scope, rest, at, read, depth);
    case 'global': return global(scope, rest, label, read, depth);
    case 'normal': read.buffer?.lost(`text ${at} may type`); return keys(scope, arg, at, read, depth);
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
  verbs ??= VIM_EX.map((v) => ({ ...v, re: new RegExp(`^(?:${verbPattern(v.name)})$`) }));
  return verbs.find((v) => v.re.test(name));
}

function isLanguage(to: HandOff): to is CodeLanguage & HandOff {
  return ['lua', 'python', 'perl', 'ruby', 'tcl'].includes(to);
}

function shell(scope: Scope, cmd: string, label: string, stdin?: StdinSource): void {
  // Vim replaces an unescaped `%` and `#` with file names; `\%` is a `%`.
  const text = cmd.replace(/\\([%#!])/g, '$1').trim();
  if (text !== '') scope.nested(text, `${label} :!`, { spliceable: false, ...(stdin ? { stdin } : {}) });
}

/** The buffer's text as a command given it reads it (where the buffer is not followed, not known). */
function bufferStdin(scope: Scope, label: string, read: CodeReaders): StdinSource {
  return read.buffer?.stdin(scope, label) ?? { kind: 'opaque', why: `${label} gives a command vim's buffer, which is not known here` };
}

/** `:put =EXPR`: the expression's lines go into the buffer (a register's content, or a value computed at run time, is not known). */
function put(scope: Scope, arg: string, label: string, read: CodeReaders): boolean {
  const m = /^\s*=(.*)$/s.exec(arg);
  if (!m) { read.buffer?.lost(`a register ${label} puts`); return false; }
  const [expr] = splitBar(m[1]!);
  const value = vimExpression(expr.trim(), false);
  read.buffer?.lines(value === null ? null : value.split('\n'), `a value ${label} computes at run time`);
  return functions(scope, expr, label, read, 0);
}

/** `:edit[!] [++opt] [+CMD] [FILE]` (`:help +cmd`): CMD runs once FILE is loaded, and the buffer is FILE. */
function edit(scope: Scope, arg: string, label: string, read: CodeReaders, depth: number): boolean {
  let rest = arg.replace(/^(?:\+\+\S+\s*)*/, '');
  let ran = false;
  const plus = /^\+((?:\\.|\S)*)\s*/.exec(rest);
  if (plus) {
    rest = rest.slice(plus[0].length).replace(/^(?:\+\+\S+\s*)*/, '');
    ran = plus[1] !== '' && exLine(scope, unescape(plus[1]!), label, read, depth + 1);
  }
  const file = splitBar(rest)[0].trim();
  if (file !== '' && !/^\d+$/.test(file)) read.buffer?.load(unescape(file));
  return ran;
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

/** Calls in an expression that start commands (`system("…")`, `job_start([…])`), run code, Ex or keys (`luaeval("…")`, `execute("…")`, `feedkeys("…")`), or put text into the buffer or a file. */
function functions(scope: Scope, expr: string, label: string, read: CodeReaders, depth: number): boolean {
  let ran = false;
  for (const m of expr.matchAll(SPAWN_CALL)) {
    ran = call(scope, m[1]!, expr.slice(m.index! + m[0].length), label, read, depth) || ran;
  }
  bufferCalls(scope, expr, label, read.buffer);
  return ran;
}

/** One call of a function that runs something: the argument it runs (libcall()'s third), judged as what it is. */
function call(scope: Scope, fn: string, after: string, label: string, read: CodeReaders, depth: number): boolean {
  const index = VIM_SPAWNS[fn] ?? 0;
  const arg = index === 0 ? after : callArguments(after)?.[index];
  const value = arg === undefined ? null : vimExpression(arg, index === 0);
  const to = VIM_EVALS[fn];
  const at = `${label} ${fn}()`;
  if (value === null) scope.raise('interpreter-code', `${label}: ${fn}() is given a value computed at run time`, `${fn}(`);
  else if (to === undefined) shell(scope, value, at);
  else if (to === 'ex') exScript(scope, value, at, read);
  else if (to === 'normal') { read.buffer?.lost(`text ${at} may type`); keys(scope, value, at, read, depth); }
  else if (to === 'ask') scope.raise('interpreter-code', `${label}: ${fn}() runs code that cannot be read`, value);
  else if (isLanguage(to)) runCode(scope, to, value, at, read);
  return true;
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
