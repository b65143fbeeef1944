// What a command feeds another on stdin, when that is static: a heredoc or here-string, a file, or
// the output of a simple producer (echo, printf, cat of a heredoc or file).
import { resolve } from 'node:path';
import type { SimpleCommand, StdinSource } from '../invocations.js';
import { SETUP_GENERATORS } from '../grammars/runner-names.js';
import { plainCommands } from '../plain.js';
import { collectCommands } from '../invocations.js';
import { parserLoaded, withTree } from '../parse.js';
import { decodeAnsiC } from '../words.js';
import { basename } from '../words.js';
import type { Scope } from './driver.js';
import { openedPath } from '../files.js';
import { ECHO_DECODES, SHELL_NAMES } from '../grammars/runners.js';
import { MULTICALL_PREFIX } from '../grammars/wrapper-runners.js';
import { fixedNames, knownValue, namesOf } from './known-vars.js';

/**
 * Does `echo` decode backslash escapes where this text runs? dash's and zsh's echo do by default
 * (dash(1): \0num; zsh: unless BSD_ECHO), bash's only with -e. The text's shell is the innermost one
 * that runs it; at the top it is the agent's own shell, bash or zsh (docs/adversarial-cases.md): both.
 */
export function echoDecodes(scope: Scope): EchoEscapes {
  const via = scope.job.via;
  for (let i = via.length - 1; i >= 0; i--) {
    const name = /^\S+/.exec(via[i]!.replace(MULTICALL_PREFIX, ''))?.[0];
    if (name && SHELL_NAMES.includes(name)) return ECHO_DECODES.has(name);
  }
  return 'both';
}
export type EchoEscapes = boolean | 'both';

const ECHO_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** The escapes echo knows (\a … \v, \\, \0NNN, zsh's \xHH); any other backslash stays; \c ends the output. */
function decodeEcho(body: string): string {
  return body.replace(/\\c[\s\S]*$/, '').replace(/\\(0[0-7]{0,3}|x[0-9A-Fa-f]{1,2}|[abefnrtv\\])/g, (_m, e: string) =>
    e.startsWith('0') ? String.fromCharCode(parseInt(e.slice(1) || '0', 8))
      : e.startsWith('x') ? String.fromCharCode(parseInt(e.slice(1), 16)) : ECHO_ESCAPES[e]!);
}

export type StdinText =
  | { kind: 'text'; text: string; source: StdinSource }
  | { kind: 'unknown'; why: string; onServer?: true }
  | { kind: 'none' };

export function readLocal(scope: Scope, path: string, cwd: string | null): string | null {
  const p = openedPath(scope.files, cwd, path);
  if (p === null) return null;
  const r = scope.files.read(p);
  return r.kind === 'text' ? r.text : null;
}

/** Resolve what a command reads on stdin to text, when that can be known statically. */
export function stdinText(scope: Scope, src: StdinSource | null, reader: string): StdinText {
  if (src === null) return { kind: 'none' };
  if (src.kind === 'text') return hereString(scope, src) ?? { kind: 'text', text: src.text, source: src };
  if (src.kind === 'opaque') return { kind: 'unknown', why: src.why };
  if (scope.target.kind === 'remote') return serverStdin(scope, src, reader);
  if (src.kind === 'file') {
    if (src.path === null) return { kind: 'unknown', why: `${reader} reads a file named at run time` };
    if (src.path === '/dev/null') return { kind: 'text', text: '', source: { kind: 'text', text: '', expands: false } };
    // bash opens /dev/tcp/HOST/PORT and /dev/udp/HOST/PORT itself (bash(1) REDIRECTION): a script from the network.
    if (/^\/dev\/(?:tcp|udp)\//.test(src.path)) return { kind: 'unknown', why: `${reader} reads ${src.path}, a network connection bash opens` };
    const read = scope.files.read(openedPath(scope.files, scope.cwd ?? scope.run0.options.cwd, src.path)!);
    // A missing file: the shell fails to open it and runs nothing.
    if (read.kind === 'missing') return { kind: 'text', text: '', source: { kind: 'text', text: '', expands: false } };
    if (read.kind !== 'text') return { kind: 'unknown', why: `${reader} reads ${src.path}, which cannot be read` };
    return { kind: 'text', text: read.text, source: { kind: 'text', text: read.text, expands: false } };
  }
  if (src.kind === 'process') {
    const out = outputOfText(scope, src.text);
    return out === null ? { kind: 'unknown', why: `${reader} reads the output of \`${src.text.trim()}\`, which cannot be known statically` }
      : { kind: 'text', text: out, source: { kind: 'text', text: out, expands: false } };
  }
  // The producer's cwd is relative to the text it was in (`cd x && cat f | sh`).
  const base = scope.job.cwd;
  const produced = staticOutput(src.from, (p, cwd) => readLocal(scope, p, base === null ? null : resolve(base, cwd ?? '.')), echoDecodes(scope));
  if (produced === null) {
    const what = src.from.words[0]?.text ?? 'a command';
    return { kind: 'unknown', why: `${reader} runs the output of \`${what}\`, which cannot be known statically` };
  }
  return { kind: 'text', text: produced, source: { kind: 'text', text: produced, expands: false } };
}

/**
 * A here-string whose word the shell computes from parts the guard knows (`<<< "$(echo …)"`, `<<< "$x"`
 * of `x=$(echo …)` set once, known-vars.ts fixedNames): the text it feeds. bash expands the word without
 * splitting or globbing it.
 */
function hereString(scope: Scope, src: StdinSource & { kind: 'text' }): StdinText | null {
  if (src.word === undefined || !fixedNames(scope, namesOf(src.word))) return null;
  const value = knownValue(scope, src.word, undefined, { unsplit: true });
  if (value === null) return null;
  const text = value + '\n';
  return { kind: 'text', text, source: { kind: 'text', text, expands: false } };
}

/**
 * Stdin a command on the server reads from the server's text (`< FILE`, `cat FILE |`, `< <(…)`):
 * a file there is not the file of that name here, so only what the text itself prints is known
 * (`echo uptime | sh`, a heredoc through `cat`); anything else is the server's, `onServer`.
 */
function serverStdin(scope: Scope, src: StdinSource, reader: string): StdinText {
  const none = (): null => null;
  if (src.kind === 'file' && src.path === '/dev/null') return { kind: 'text', text: '', source: { kind: 'text', text: '', expands: false } };
  const out = src.kind === 'pipe' ? staticOutput(src.from, none, echoDecodes(scope))
    : src.kind === 'process' ? outputOfText(scope, src.text, none) : null;
  if (out !== null) return { kind: 'text', text: out, source: { kind: 'text', text: out, expands: false } };
  const what = src.kind === 'file' ? `${src.path ?? 'a file named at run time'}` : src.kind === 'pipe' ? `the output of \`${src.from.words[0]?.text ?? 'a command'}\``
    : src.kind === 'process' ? `the output of \`${src.text.trim()}\`` : 'its input';
  return { kind: 'unknown', why: `${reader} reads ${what} on the server, which is not known here`, onServer: true };
}

/** What a simple producer writes to stdout, when it is static: echo, printf, cat of a heredoc or file. */
export function staticOutput(cmd: SimpleCommand, read: (path: string, cwd: string | null) => string | null, echoEscapes: EchoEscapes = false): string | null {
  const [head, ...rest] = cmd.words;
  const name = head?.value ? basename(head.value) : null;
  // tee writes its input to stdout as well as to its files (which may be computed: `tee >(sh)`).
  if (name === 'tee') return cmd.stdin?.kind === 'text' ? cmd.stdin.text : null;
  const vals = rest.map((w) => w.value);
  if (vals.some((v) => v === null)) return null;
  const args = vals as string[];
  if (name === 'echo') {
    let i = 0;
    let newline = true;
    // -e / -E as written; otherwise the shell's own default (dash, zsh: decode).
    let escapes: boolean | null = null;
    while (i < args.length && /^-[neE]+$/.test(args[i]!)) {
      const f = args[i]!;
      if (f.includes('n')) newline = false;
      if (f.includes('e')) escapes = f.lastIndexOf('e') > f.lastIndexOf('E');
      else if (f.includes('E')) escapes = false;
      i++;
    }
    const body = args.slice(i).join(' ');
    const end = newline ? '\n' : '';
    if (escapes === true) return decodeAnsiC(body.replace(/\\c[\s\S]*$/, '')) + end;
    if (escapes === false || echoEscapes === false) return body + end;
    // Where the shell is not known, both readings run (their commands are judged together).
    const decoded = decodeEcho(body);
    return (echoEscapes === true || decoded === body ? decoded : `${body}\n${decoded}`) + end;
  }
  if (name === 'printf') {
    // `printf -- FORMAT …`: the `--` ends printf's options and is not the format.
    const [fmt, ...fargs] = args[0] === '--' ? args.slice(1) : args;
    if (fmt === undefined) return null;
    // The format's escapes are decoded as bash's printf does; %b decodes its argument's escapes too.
    let k = 0;
    if (/%[^sbdq%]/.test(fmt.replace(/%%/g, ''))) return null;
    const one = (): string => decodeAnsiC(fmt).replace(/%[sbdq%]/g, (m) => {
      if (m === '%%') return '%';
      const a = fargs[k++] ?? '';
      return m === '%b' ? decodeAnsiC(a) : a;
    });
    let out = one();
    // The format is reused while arguments remain.
    for (let guard = 0; k < fargs.length && guard < 100 && /%[sbdq]/.test(fmt); guard++) out += one();
    return out;
  }
  if (name === 'cat') {
    const files = args.filter((a) => !a.startsWith('-') || a === '-');
    if (files.length === 0 || (files.length === 1 && files[0] === '-')) {
      return cmd.stdin?.kind === 'text' ? cmd.stdin.text : null;
    }
    let text = '';
    for (const f of files) {
      const t = read(f, cmd.cwd);
      if (t === null) return null;
      text += t;
    }
    return text;
  }
  return null;
}

/**
 * Is this word a command substitution of a tool that prints its own shell setup (`"$(pyenv init -)"`,
 * `<(kubectl completion bash)`)? Its output runs nothing the policy is about; the tool itself is
 * read as a command where it stands.
 */
export function isSetupSubstitution(text: string): boolean {
  const m = /^"?(?:\$\((.*)\)|`(.*)`|<\((.*)\))"?$/s.exec(text.trim());
  const inner = m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
  if (inner === null) return false;
  const commands = plainCommands(inner.trim());
  if (!commands || commands.length !== 1) return false;
  const words = commands[0]!.words.map((w) => w.value ?? '');
  if (words.length >= 2 && words[1] === 'completion') return true;
  return SETUP_GENERATORS.some((g) => g.every((part, i) => (i === 0 ? basename(words[0] ?? '') === part : words[i] === part)));
}

/** The static output of shell text that is one simple producer (`echo …`, `printf …`), else null. */
export function outputOfText(scope: Scope, text: string, read?: (path: string, cwd: string | null) => string | null): string | null {
  const plain = plainCommands(text);
  const parsed = plain ? { ok: true as const, commands: plain }
    : parserLoaded() ? withTree(text, (root) => collectCommands(text, root)) : null;
  const commands = parsed && 'ok' in parsed && parsed.ok ? parsed.commands : null;
  return commands?.length === 1 ? staticOutput(commands[0]!, read ?? ((p, cwd) => readLocal(scope, p, cwd ?? scope.cwd))) : null;
}

/** Output that reads the same wherever the shell puts it: no quotes, expansions, globs or separators. */
const PLAIN_OUTPUT = /^[\w.,:/@%+= -]*$/;

/**
 * The static output of a command substitution `$(printf …)`, `` `echo …` `` (the whole of `text`,
 * or, with `within`, one inside it), trailing newlines removed, when it is plain text (or any text,
 * without `plain`: where the shell neither splits nor globs it); files are not read (on a server
 * they are not the files here). Null otherwise.
 */
export function substitutionOutput(scope: Scope, inner: string, plain = true): string | null {
  const out = outputOfText(scope, inner, () => null);
  if (out === null) return null;
  const value = out.replace(/\n+$/, '');
  // A backslash left in echo's output is decoded by dash's and zsh's echo, not by bash's: not one known text.
  return plain ? (PLAIN_OUTPUT.test(value) ? value : null) : value.includes('\\') ? null : value;
}

/** A word that is one command substitution (`$(…)`, `` `…` ``, maybe in double quotes): its text inside. */
export function substitutionInner(text: string): string | null {
  const m = /^("?)(?:\$\(([^()]*)\)|`([^`]*)`)\1$/.exec(text);
  return m ? (m[2] ?? m[3] ?? null) : null;
}
