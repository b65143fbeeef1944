import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { GIT_RUNS_KEYWORDS } from './grammars/git.js';
import { allRunnerNames, fileRunnerNames } from './grammars/runner-names.js';

// Cheap text checks that need no parser. Kept free of heavy imports: the CLI and the hooks load this
// module alone to decide whether the parser is needed at all.

/**
 * What a rule set is about, for text searches: program names any of which makes a command worth
 * reading, and programs that matter only beside one of their keywords (`git` only with `push`,
 * `-c`, `alias`…). Derived from the rules (see RuleIndex.names) and stored by the build in
 * dist/fastpath.json for the built-in packs.
 */
export interface ManagedNames {
  readonly names: readonly string[];
  /** Of `names`, those that are programs (the rest are keywords of rules that name no program). */
  readonly programs?: readonly string[];
  readonly guarded: readonly { readonly program: string; readonly keywords: readonly string[] }[];
}

let builtin: ManagedNames | null | undefined;

/** The built-in packs' names, as the build stored them; null when not built (then nothing is fast). */
export function builtinNames(): ManagedNames | null {
  if (builtin === undefined) {
    try {
      builtin = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'dist', 'fastpath.json'), 'utf8')) as ManagedNames;
    } catch {
      builtin = null;
    }
  }
  return builtin;
}

/**
 * Names that run text the command line does not show (a script file, stdin, package.json scripts,
 * a Makefile): derived from the runner table, plus the script runners of the scripts family.
 */
const FILE_RUNNERS = fileRunnerNames();
const RUNNER_NAMES = [...new Set([...FILE_RUNNERS.names, 'eval', 'make', 'gmake', 'npm', 'pnpm', 'yarn', 'bun', 'just', 'task', 'mise', 'rtx', 'rake',
  // ssh clients other than ssh (see expand/remote.ts)
  'slogin', 'autossh', 'sshpass', 'dbclient', 'mosh', 'tsh', 'pdsh', 'pssh', 'parallel-ssh', 'pdcp', 'ansible', 'ansible-playbook'])]
  .filter((n) => n !== '.');
/** Any of them as a word of its own (a version suffix allowed: `python3.12`). */
const RUNNER_WORD = new RegExp(`(?:^|[^A-Za-z0-9_.-])(?:${RUNNER_NAMES.map((n) => n.replace(/[.+]/g, '\\$&')).join('|')})[0-9.]*(?=$|[^A-Za-z0-9_-])`);

/** Every program of the runner table: one of them with a path among its words may run a script. */
const WRAPPERS = new Set(allRunnerNames().filter((n) => n !== '.' && n !== '-'));

/** Could the shell compute part of this text (`$…`, backticks, `\$`)? Single-quoted text is literal. */
function expands(text: string): boolean {
  if (!text.includes('$') && !text.includes('`')) return false;
  let single = false;
  let double = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (single) { if (c === "'") single = false; continue; }
    if (c === '\\') return true;
    if (c === "'" && !double) { single = true; continue; }
    if (c === '"') { double = !double; continue; }
    if (c === '$' || c === '`') return true;
  }
  return single || double;
}

/** Text with quotes and backslashes removed and `$'…'` escapes decoded, for name searches. */
export function unquoted(text: string): string {
  let t = text;
  if (t.includes("$'")) {
    t = t.replace(/\$'((?:[^'\\]|\\.)*)'/gs, (_m, body: string) =>
      body.replace(/\\x([0-9a-fA-F]{1,2})|\\u([0-9a-fA-F]{1,4})|\\([0-7]{1,3})|\\(.)/gs,
        (_e, x?: string, u?: string, o?: string, c?: string) =>
          x ? String.fromCharCode(parseInt(x, 16)) : u ? String.fromCharCode(parseInt(u, 16))
            : o ? String.fromCharCode(parseInt(o, 8)) : c ?? ''));
  }
  return t.replace(/\\\n/g, '').replace(/['"\\\0]/g, '');
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
    const words = (list: readonly string[]): RegExp | null => {
      const ws = list.filter((n) => /^[A-Za-z0-9_.+-]+$/.test(n) && /^[A-Za-z0-9_]/.test(n));
      return ws.length === 0 ? null
        // Without case: `Docker` runs docker on a case-insensitive file system.
        : new RegExp(`(?:^|[^A-Za-z0-9_])(?:${ws.map((n) => n.replace(/[.+]/g, '\\$&')).join('|')})(?=$|[^A-Za-z0-9_])`, 'i');
    };
    const named = words(names.names);
    const others = names.names.filter((n) => !/^[A-Za-z0-9_]/.test(n) || !/^[A-Za-z0-9_.+-]+$/.test(n));
    const guarded = names.guarded.map((g) => ({ program: words([g.program]), keywords: g.keywords }));
    m = (text) => (named?.test(text) ?? false) || others.some((k) => text.includes(k))
      || guarded.some((g) => (g.program?.test(text) ?? false) && g.keywords.some((k) => text.includes(k)));
    matchers.set(names, m);
  }
  return m(t);
}

/** Programs that run other commands only beside one of these words (shell-layer knowledge, see grammars/git.ts). */
const SHELL_GUARDED: ManagedNames = { names: [], guarded: [{ program: 'git', keywords: GIT_RUNS_KEYWORDS }, ...FILE_RUNNERS.guarded] };

/** Does a managed tool's name appear once quotes and escapes are removed? (Unbuilt: assume so.) */
export function mentionsManaged(text: string, names: ManagedNames | null = builtinNames()): boolean {
  return names === null || namesManaged(unquoted(text), names);
}

/**
 * True when `text` certainly contains no managed command: no managed or runner name (after quote
 * and escape removal), nothing the shell computes (`$`, backticks), and no command run by path or
 * glob. Sound, not complete: false means "parse it", never "deny it".
 */
export function cannotHideManaged(text: string, names: ManagedNames | null = builtinNames()): boolean {
  if (names === null || expands(text)) return false;
  const t = unquoted(text);
  if (namesManaged(t, names) || namesManaged(t, SHELL_GUARDED)) return false;
  if (RUNNER_WORD.test(t)) return false;
  for (const segment of t.split(/[;&|()\n]+/)) {
    const words = segment.trim().split(/\s+/).filter(Boolean);
    let i = 0;
    while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!)) i++;
    const first = words[i];
    if (first === undefined) continue;
    if (first === '.' || first === '-' || /[/*?[\]{}~]/.test(first)) return false;
    if (words.some((w) => WRAPPERS.has(w)) && words.some((w) => /[/*?[\]{}~]/.test(w) || w === '.')) return false;
  }
  return true;
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
  // eval runs its own arguments, which are in the text: not hidden.
  return RUNNER_WORD.test(unquoted(text).replace(/(^|[^A-Za-z0-9_.-])eval(?=$|[^A-Za-z0-9_-])/g, '$1'));
}
