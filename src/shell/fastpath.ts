import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import type { ShellNames } from './expand/names.js';
import { notWordChar, WordSet } from './word-set.js';
import { quotedSpaceGlob } from './quoted-glob.js';
import { setsState } from './set-vars.js';
import { expands, hasBraces } from './computed-text.js';

// Cheap text checks that need no parser. Kept free of heavy imports: the CLI and the hooks load this
// module alone to decide whether the parser is needed at all. What they search for is derived by
// the build (scripts/build-rules.mjs) and read from dist/fastpath.json: the rules' names, and the
// shell layer's (expand/names.ts, shellNames); a test checks that file against both.

/**
 * What a rule set is about, for text searches: program names any of which makes a command worth
 * reading, and programs that matter only beside one of their keywords (`git` only with `push`,
 * `-c`, `alias`…). Derived from the rules (see RuleIndex.names).
 */
export interface ManagedNames {
  readonly names: readonly string[];
  /** Of `names`, those that are programs (the rest are keywords of rules that name no program). */
  readonly programs?: readonly string[];
  readonly guarded: readonly { readonly program: string; readonly keywords: readonly string[] }[];
}

/** dist/fastpath.json. */
export interface FastPathNames {
  readonly rules: ManagedNames;
  readonly shell: ShellNames;
}

let stored: FastPathNames | null | undefined;

/** What the build stored; null when not built (then nothing is fast). */
function storedNames(): FastPathNames | null {
  if (stored === undefined) {
    try {
      stored = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'dist', 'fastpath.json'), 'utf8')) as FastPathNames;
    } catch {
      stored = null;
    }
  }
  return stored;
}

/** The built-in packs' names; null when not built. */
export function builtinNames(): ManagedNames | null {
  return storedNames()?.rules ?? null;
}

interface ShellMatchers {
  /** Programs that run text the command line does not show (a script file, stdin, package.json scripts, a Makefile). */
  readonly runnerWord: { test(text: string): boolean };
  /** Programs that run other commands only beside one of their words. */
  readonly guarded: ManagedNames;
  /** Every program of the runner table: one of them with a path among its words may run a script. */
  readonly wrappers: ReadonlySet<string>;
  /** git subcommands that run no hook. */
  readonly gitNoHooks: ReadonlySet<string>;
  /** git's own commands: another subcommand may be an alias the config files define. */
  readonly gitCommands: ReadonlySet<string>;
  /** Variables whose assignment moves a file a program reads by itself. */
  readonly variables: ReadonlySet<string>;
}

let shell: ShellMatchers | null | undefined;

/**
 * Any runner as a word of its own: not inside a longer name (`my-python`, `sh.bak` are not runners)
 * and with a version suffix allowed (`python3.12`). A name that is not a plain word is searched
 * for anywhere.
 */
function runnerWords(names: readonly string[]): { test(text: string): boolean } {
  const words = new WordSet(names, { before: notWordChar('.-'), after: notWordChar('-'), suffix: (c) => c === 46 || (c >= 48 && c <= 57) });
  const others = names.filter((n) => !WordSet.accepts(n));
  return { test: (text) => words.test(text) || others.some((n) => text.includes(n)) };
}

/** The shell layer's names as matchers; null when not built. */
function shellMatchers(): ShellMatchers | null {
  if (shell === undefined) {
    const s = storedNames()?.shell;
    shell = s === undefined ? null : {
      runnerWord: runnerWords(s.runners),
      guarded: { names: [], guarded: s.guarded },
      wrappers: new Set(s.wrappers),
      gitNoHooks: new Set(s.gitNoHooks),
      gitCommands: new Set(s.gitCommands),
      variables: new Set(s.variables ?? []),
    };
  }
  return shell;
}

/** An assignment that changes where bare names are looked up: PATH, or zsh's `path` and `fpath` (tied to PATH and FPATH). */
const SETS_PATH = /^(?:PATH|path|fpath|FPATH)\+?=/;

/** Words that may stand before a command word: reserved words and `time`. */
const PREFIX_WORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'select', 'case', 'esac', 'in', '!', '{', '}', 'time', 'coproc', 'function']);

/** Builtins that change what a later bare name runs: an alias, a hashed path, a function, the PATH. */
export const SHELL_STATE = new Set(['alias', 'hash', 'enable', 'export', 'declare', 'typeset', 'readonly', 'local', 'builtin', 'command']);

/** Names a glob as a command name is tested against: managed programs, runners, wrappers; null when not built. */
export function commandNames(names: ManagedNames | null = builtinNames()): readonly string[] | null {
  const s = storedNames()?.shell;
  if (names === null || s === undefined) return null;
  return [...new Set([...(names.programs ?? names.names), ...names.guarded.map((g) => g.program),
    ...s.runners, ...s.wrappers, ...s.guarded.map((g) => g.program)])].filter((n) => /^[A-Za-z0-9_][\w.+-]*$/.test(n));
}

/** Text with quotes, backslashes and empty substitutions removed and `$'…'` escapes decoded, for name searches. */
export function unquoted(text: string): string {
  let t = text;
  if (t.includes("$'")) {
    t = t.replace(/\$'((?:[^'\\]|\\.)*)'/gs, (_m, body: string) =>
      body.replace(/\\x([0-9a-fA-F]{1,2})|\\u([0-9a-fA-F]{1,4})|\\([0-7]{1,3})|\\(.)/gs,
        (_e, x?: string, u?: string, o?: string, c?: string) =>
          x ? String.fromCharCode(parseInt(x, 16)) : u ? String.fromCharCode(parseInt(u, 16))
            : o ? String.fromCharCode(parseInt(o, 8)) : c ?? ''));
  }
  // An empty substitution gives nothing: `doc$( )ker` names docker.
  return t.replace(/\\\n/g, '').replace(/\$\(\s*\)|`\s*`/g, '').replace(/['"\\\0]/g, '');
}

const matchers = new WeakMap<ManagedNames, (t: string) => boolean>();

/**
 * Does text that has been through `unquoted` name something of `names`? A program name counts as a
 * word of its own (`docker`, `/usr/bin/docker`, `docker-compose`; not the `oc` in `process`); a
 * keyword with punctuation (`.sock`, `/api/`) anywhere.
 */
function namesManaged(t: string, names: ManagedNames): boolean {
  let m = matchers.get(names);
  if (!m) {
    // Without case: `Docker` runs docker on a case-insensitive file system.
    const words = (list: readonly string[]): WordSet => new WordSet(list, { before: notWordChar(), after: notWordChar(), caseless: true });
    const named = words(names.names);
    const others = names.names.filter((n) => !WordSet.accepts(n));
    // A guarded program's keywords are looked for only once the program is found: one search for all of them.
    const keywords = new Map<string, string[]>();
    for (const g of names.guarded) keywords.set(g.program.toLowerCase(), [...keywords.get(g.program.toLowerCase()) ?? [], ...g.keywords]);
    const programs = words([...keywords.keys()]);
    m = (text) => named.test(text) || others.some((k) => text.includes(k))
      || programs.some(text, (p) => keywords.get(p)!.some((k) => text.includes(k)));
    matchers.set(names, m);
  }
  return m(t);
}

/** Does a managed tool's name appear once quotes and escapes are removed? (Unbuilt: assume so.) */
export function mentionsManaged(text: string, names: ManagedNames | null = builtinNames()): boolean {
  if (names === null || namesManaged(unquoted(text), names)) return true;
  // An escape that printf, `echo -e` or a program decodes ends a word too: `printf 'x\ndocker …' > FILE`, env -S's `\_`.
  if (/\\[abefnrtv0_]/.test(text) && namesManaged(unquoted(text.replace(/\\[abefnrtv0_]/g, ' ')), names)) return true;
  // A quote also ends a word: Python's bytes `b"docker …"`, `env -S'docker …'`.
  return /\w['"]/.test(text) && namesManaged(unquoted(text.replace(/['"]/g, ' ')), names);
}

/** git's own options that change nothing about where it runs or what it runs. */
const GIT_PLAIN_OPTIONS = new Set(['--no-pager', '-P', '--paginate', '-p', '--no-optional-locks', '--no-replace-objects', '--literal-pathspecs', '--no-advice']);
/** git's own options that print and run nothing. */
const GIT_PRINTS = new Set(['--version', '--help', '-h', '-v', '--html-path', '--man-path', '--info-path']);
/** A program that copies, links or writes a file, with a bin directory among its words. */
const PUTS_INTO_BIN = /(?:^|[\s;&|(])(?:sudo\s+)?(?:cp|mv|install|ln|rsync|tee|dd|sponge|curl|wget|unzip|tar)\s[^;&|\n]*\/s?bin\//;
/** Commands that change the directory later commands run in. */
const CHANGES_DIR = new Set(['cd', 'pushd', 'popd']);

/**
 * How a segment runs git: `none` (not at all, or a subcommand that runs no hook), `here` (a
 * subcommand that may run the hooks of the repository of the working directory), `other` (git as
 * an argument, or with options that may name another repository: the classifier reads it).
 */
function gitIn(words: readonly string[], at: number, sh: ShellMatchers): 'none' | 'here' | 'other' {
  let use: 'none' | 'here' = 'none';
  for (let j = 0; j < words.length; j++) {
    const w = words[j]!.toLowerCase();
    // git's dashed commands (`git-commit`) and hub, which is git.
    if (w.startsWith('git-')) return 'other';
    if (w !== 'git' && w !== 'hub') continue;
    if (j !== at) return 'other';
    let k = j + 1;
    while (k < words.length && GIT_PLAIN_OPTIONS.has(words[k]!)) k++;
    const sub = words[k];
    if (sub === undefined || GIT_PRINTS.has(sub)) continue;
    if (sub.startsWith('-')) return 'other';
    // An alias (or a git-<sub> on the PATH) runs what a config file says: the classifier reads them.
    if (!sh.gitCommands.has(sub)) return 'other';
    if (sh.gitNoHooks.has(sub)) continue;
    use = 'here';
  }
  return use;
}

/**
 * True when `text` certainly contains no managed command: no managed or runner name (after quote
 * and escape removal), nothing the shell computes (`$`, backticks), and no command run by path or
 * glob. Sound, not complete: false means "parse it", never "deny it". A git command that may run
 * the repository's hooks is fast only when `hooksCannotRun` (the one entry's probe of the working
 * directory's repository, git-repo.ts) says no hook can run there.
 */
export function cannotHideManaged(text: string, names: ManagedNames | null = builtinNames(), hooksCannotRun?: () => boolean): boolean {
  const sh = shellMatchers();
  if (names === null || sh === null || expands(text)) return false;
  // A quoted or escaped space joins a word that a glob then expands (`"ls "*` and `ls\ *` are one
  // word, a glob, to the shell, but two words once quotes are gone): leave it to the parser.
  if (quotedSpaceGlob(text) || (/\\\s/.test(text) && /[*?[]/.test(text))) return false;
  const t = unquoted(text);
  // Brace expansion builds words (`d{o..o}cker` is docker): the parser expands them.
  if (hasBraces(t)) return false;
  // A file put into a bin directory may run by a bare name later in the text (`cp x ~/bin/y && y`).
  if (/\/s?bin\//.test(t) && /[;&|\n]/.test(t)) return false;
  // A program put there under a name that runs now (`cp x /usr/local/bin/git`) is judged by its content.
  if (/\/s?bin\//.test(t) && (/>\s*\S*\/s?bin\//.test(t) || PUTS_INTO_BIN.test(t))) return false;
  if (namesManaged(t, names) || namesManaged(t, sh.guarded)) return false;
  // A quote also ends a word: `env -S'docker …'` is -S and then docker; so does an escape printf,
  // `echo -e` or a program decodes: `printf '#!/bin/sh\ndocker …' > FILE`, env -S's blank `\_`.
  const split = text.replace(/['"]/g, ' ');
  if (split !== text && namesManaged(unquoted(split), names)) return false;
  if (/\\[abefnrtv0_]/.test(text) && namesManaged(unquoted(text.replace(/\\[abefnrtv0_]/g, ' ')), names)) return false;
  if (sh.runnerWord.test(t)) return false;
  // Each way of reading the words: as written once quotes are gone (a string a runner parses again),
  // and as the shell splits them (`X="a b" ./x` is an assignment and ./x; a quoted `<` is no redirection).
  const masked = maskQuoted(text);
  const first = commandWords(t, names, sh, true);
  const second = masked === text ? first : commandWords(unquoted(masked), names, sh, true);
  if (first === 'no' || second === 'no') return false;
  // Hooks run from the repository of the directory the probe looked at.
  return (first !== 'git' && second !== 'git') || (hooksCannotRun !== undefined && hooksCannotRun());
}

/**
 * Could a command of this text run something it does not name: a command word that is a path, a
 * glob, `.`, or a builtin that changes what a later name runs? For text that could not be read
 * (bad input, a limit): `./bin/deploy` after it names no managed program, yet runs one. With
 * `computed`, a command word the shell computes (`$(printf dock)er`) counts too.
 */
export function runsUnnamed(text: string, names: ManagedNames = builtinNames() ?? { names: [], guarded: [] }, computed = false): boolean {
  const sh = shellMatchers();
  if (sh === null) return true;
  const masked = maskQuoted(text);
  return commandWords(unquoted(text), names, sh, false, computed) === 'no'
    || (masked !== text && commandWords(unquoted(masked), names, sh, false, computed) === 'no');
}

/** Blanks, `<`, `>` and separators inside quotes, and blanks after a backslash, replaced by \x01: one word to the shell. */
function maskQuoted(text: string): string {
  if (!/["'\\]/.test(text)) return text;
  let out = '';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    // A backslash quotes the next character, outside quotes and inside double quotes.
    if (c === '\\' && quote !== "'") {
      const next = text[i + 1] ?? '';
      out += /[ \t<>]/.test(next) ? '\x01' : c + next;
      i++;
      continue;
    }
    if (quote === '' && (c === '"' || c === "'")) quote = c;
    else if (c === quote) quote = '';
    else if (quote !== '' && /[\s<>;&|()]/.test(c)) { out += '\x01'; continue; }
    out += c;
  }
  // An unclosed quote: the shell refuses the text, and the reading without quotes is the one to judge.
  return quote === '' ? out : text;
}

/**
 * In each command of `t` (text without quotes), is the command word plain: no path, glob, `.` or
 * builtin that sets state? `no` when one is not; with `withGit`, `git` when every one is and a git
 * command may run the repository's hooks where the text starts (`no` after a `cd`: another repository).
 */
function commandWords(t: string, names: ManagedNames, sh: ShellMatchers, withGit: boolean, computed = false): 'no' | 'plain' | 'git' {
  let gitHere = false;
  let movesDir = false;
  const seen = new Set<string>(); // a command read once is read (10,000 × `$((` are 10,000 `$`)
  // `2>&1`, `<&3`, `>& file` and `>|` are redirections, not command separators.
  for (const segment of t.replace(/[0-9]*([<>])&/g, ' $1').replace(/>\|/g, '>').split(/[;&|()\n]+/)) {
    if (seen.has(segment)) continue;
    seen.add(segment);
    const words = segment.trim().split(/\s+/).filter(Boolean);
    let i = 0;
    // What comes before the command word: reserved words, assignments (`X=1`, `X+=1`) and redirections.
    for (; i < words.length; i++) {
      const w = words[i]!;
      if (/^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(w)) {
        // A PATH of its own makes any bare name a program of the text's choosing.
        if (SETS_PATH.test(w)) return 'no';
        // A config or startup file moved to one the text chooses (`AWS_CONFIG_FILE=x aws …`).
        if (sh.variables.has(w.slice(0, w.indexOf('=')).replace(/\+$/, ''))) return 'no';
        continue;
      }
      if (PREFIX_WORDS.has(w)) continue;
      const redirect = /^[0-9]*(?:<<<|<<-?|<>|>>|&>>|&>|<|>)(.*)$/.exec(w);
      if (redirect) { if (redirect[1] === '') i++; continue; }
      break;
    }
    const first = words[i];
    if (first === undefined) continue;
    if (first === '.' || first === '-' || /[/*?[\]{}~]/.test(first) || SHELL_STATE.has(first)) return 'no';
    // A name the shell computes (`$x`, `$(printf dock)er`, backticks) may be any program.
    if (computed && /[$`]/.test(first)) return 'no';
    // `read PATH`, `printf -v PATH …` set a variable without an assignment word.
    if (setsState(words.slice(i))) return 'no';
    if (words.some((w) => SETS_PATH.test(w))) return 'no';
    if (words.some((w) => sh.wrappers.has(w)) && words.some((w) => /[/*?[\]{}~]/.test(w) || w === '.')) return 'no';
    // A program whose rules wait for a word (git and push): a glob may make that word (`git *`).
    if (names.guarded.some((g) => g.program === first.toLowerCase()) && words.some((w) => /[*?[]/.test(w))) return 'no';
    if (!withGit) continue;
    const git = gitIn(words, i, sh);
    if (git === 'other') return 'no';
    if (git === 'here') gitHere = true;
    if (CHANGES_DIR.has(first)) movesDir = true;
  }
  if (!gitHere) return 'plain';
  return movesDir ? 'no' : 'git';
}

/**
 * Does this text start like a command line of a program the rules are about (`docker restart web`,
 * `git push --force origin main`)? For arguments of programs nobody knows.
 */
export function startsManaged(text: string, names: ManagedNames | null = builtinNames()): boolean {
  if (names === null) return false;
  const tokens = unquoted(text).trim().split(/\s+/);
  const first = tokens[0] ?? '';
  if (first === '') return false;
  const base = first.slice(first.lastIndexOf('/') + 1).toLowerCase();
  if ((names.programs ?? names.names).some((n) => n.toLowerCase() === base)) return true;
  return names.guarded.some((g) => g.program === base && g.keywords.some((k) => tokens.slice(1).join(' ').includes(k)));
}

/** Does text name a program that runs what the text does not show (`sh` reading stdin, `python FILE`)? */
export function mentionsRunner(text: string): boolean {
  const sh = shellMatchers();
  if (sh === null) return true;
  // eval runs its own arguments, which are in the text: not hidden.
  return sh.runnerWord.test(unquoted(text).replace(/(^|[^A-Za-z0-9_.-])eval(?=$|[^A-Za-z0-9_-])/g, '$1'));
}
