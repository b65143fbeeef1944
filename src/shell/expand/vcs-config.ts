// Mercurial's, Sapling's and Jujutsu's configuration that runs commands (grammars/vcs-config.ts), as
// managed.ts reads git's: given for one run (`hg --config hooks.pre-status=CMD`, `jj --config
// ui.pager=CMD`, `--config-toml`, `--config-file`/`--configfile`, the files JJ_CONFIG and HGRCPATH
// name), stored for later runs (`jj config set`, `sl config --local`), or written into the files they
// read (content-judged.ts kinds `hgrc` and `jj-config`, judged by host-files.ts). A value that runs a
// shell command is judged as one; Python loaded into hg (an extension, a `python:` hook) asks.
import { isAbsolute, resolve } from 'node:path';
import { getopt, has, valuesOf, type Arg } from '../getopt.js';
import { HG_COMMAND_KEYS, HG_GLOBAL, JJ_COMMAND_KEYS, SL_CONFIG_SET, VCS_COMMAND_ENV, VCS_CONFIG_ENV, type VcsKey, type VcsValue } from '../grammars/vcs-config.js';
import { JJ_CONFIG_SET } from '../grammars/vcs-fronts.js';
import type { Scope } from './driver.js';
import { quoteForScan } from './code-literals.js';
import { parseToml } from './task-files.js';

/** One configuration entry: a dotted key and its value (a string, a TOML array or table; null when computed at run time). */
interface Entry { readonly key: string; readonly value: unknown }

const keysOf = (program: string): readonly VcsKey[] => (program === 'jj' ? JJ_COMMAND_KEYS : HG_COMMAND_KEYS);

/** Judge each entry `program` (hg, sl, jj) runs a command from. */
function judgeEntries(scope: Scope, program: string, entries: readonly Entry[], label: string): void {
  const keys = keysOf(program);
  for (const e of entries) {
    const how = keys.find((k) => k.key.test(e.key))?.how;
    if (how === undefined) continue;
    if (e.value === null) { scope.raise('dynamic-command', `${label} ${e.key} is computed at run time`); continue; }
    const text = commandText(e.value);
    if (text !== null) runValue(scope, program, how, text, `${label} ${e.key}`);
  }
}

/** A command as jj and hg write one: a string, an argv array, or a table whose `command` is one. */
function commandText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').map(quoteForScan).join(' ');
  if (value !== null && typeof value === 'object' && 'command' in value) return commandText((value as { command: unknown }).command);
  return null;
}

function runValue(scope: Scope, program: string, how: VcsValue, text: string, what: string): void {
  const value = text.trim();
  if (how === 'extension') {
    // `extensions.rebase =` loads a bundled extension, `!` disables one; a path or a module is code the text does not show.
    if (value !== '' && !value.startsWith('!')) scope.raise('unreadable-script', `${what} loads ${value} into ${program} as Python: code the text does not show`);
    return;
  }
  if (how === 'hook' && value.startsWith('python:')) { scope.raise('unreadable-script', `${what} runs the Python hook ${value}: code the text does not show`); return; }
  if (value === '' || (how === 'shell' && value.startsWith(':'))) return; // jj's built-in tools (`:builtin`, `:git`)
  if (how === 'args' || (how === 'alias' && !value.startsWith('!'))) { scope.nested(`${program} ${value}`, what, { spliceable: false }); return; }
  scope.nested(value.replace(/^!/, ''), what, { spliceable: false });
}

/** Dotted entries of a TOML document, stopping at a key that runs a command (its value may be a table). */
function flatten(doc: Record<string, unknown>, keys: readonly VcsKey[], prefix = ''): Entry[] {
  const out: Entry[] = [];
  for (const [k, v] of Object.entries(doc)) {
    const key = prefix + k;
    if (keys.some((x) => x.key.test(key)) || v === null || typeof v !== 'object' || Array.isArray(v)) out.push({ key, value: v });
    else out.push(...flatten(v as Record<string, unknown>, keys, `${key}.`));
  }
  return out;
}

/** A jj config file's text: its entries (none when it is not TOML: jj refuses to run with it). */
function jjEntries(text: string): Entry[] {
  try { return flatten(parseToml(text), JJ_COMMAND_KEYS); } catch { return []; }
}

/** A jj value as `--config NAME=VALUE` and `jj config set` read it: TOML, else the string itself. */
function jjValue(value: string): unknown {
  try { return parseToml(`v = ${value}`).v; } catch { return value; }
}

/** hgrc(5) text: `[section]`, `name = value` (indented lines continue it), `#`/`;` comments, `%include FILE`. */
function hgrcEntries(text: string): { entries: Entry[]; includes: string[] } {
  const entries: { key: string; value: string }[] = [];
  const includes: string[] = [];
  let section = '';
  let last: { key: string; value: string } | undefined;
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (last !== undefined && /^[ \t]/.test(line) && t !== '') { last.value += `\n${t}`; continue; }
    last = undefined;
    if (t === '' || t.startsWith('#') || t.startsWith(';')) continue;
    const head = /^\[([^\]]+)\]/.exec(t);
    if (head) { section = head[1]!.trim(); continue; }
    const include = /^%include\s+(.+)$/.exec(t);
    if (include) { includes.push(include[1]!.trim()); continue; }
    const kv = /^([^=\s%][^=]*?)\s*=\s*(.*)$/.exec(t);
    if (kv && section !== '') { last = { key: `${section}.${kv[1]}`, value: kv[2]! }; entries.push(last); }
  }
  return { entries, includes };
}

/** What a jj config file written in the text makes every later jj run (content-judged.ts kind `jj-config`). */
export function jjConfigCommands(scope: Scope, text: string, label: string): void {
  judgeEntries(scope, 'jj', jjEntries(text), label);
}

/** What an hgrc written in the text makes every later hg (or sl) run (content-judged.ts kind `hgrc`). */
export function hgrcCommands(scope: Scope, text: string, label: string): void {
  const { entries, includes } = hgrcEntries(text);
  for (const i of includes) scope.raise('unreadable-script', `${label} includes ${i}, configuration that is not read here`);
  judgeEntries(scope, 'hg', entries, label);
}

/** A config file named for this run: judged as the program reads it (a missing one is skipped, as they do). */
function configFile(scope: Scope, program: string, path: Arg, label: string): void {
  if (path === null) { scope.raise('dynamic-command', `${label} names a configuration file computed at run time`); return; }
  const p = isAbsolute(path) ? path : scope.cwd === null ? null : resolve(scope.cwd, path);
  const r = p === null ? null : scope.files.read(p);
  if (r === null || r.kind === 'missing') return;
  if (r.kind !== 'text') { scope.raise('unreadable-script', `${label} reads ${path}, configuration whose content cannot be known here`); return; }
  if (program === 'jj') jjConfigCommands(scope, r.text, `${label} ${path}`);
  else hgrcCommands(scope, r.text, `${label} ${path}`);
}

/** `KEY=VALUE` as `--config` gives it; null key when computed. */
function pair(v: Arg): { key: string | null; value: string | null } {
  const eq = v === null ? -1 : v.indexOf('=');
  return v === null || eq < 0 ? { key: null, value: null } : { key: v.slice(0, eq), value: v.slice(eq + 1) };
}

/** What this run's configuration makes `program` (hg, sl, jj) run: its options, its environment, and what it stores for later. */
export function vcsRunConfig(scope: Scope, program: 'hg' | 'sl' | 'jj', words: readonly Arg[]): void {
  const jj = program === 'jj';
  const scan = getopt(words, jj ? JJ_CONFIG_SET : HG_GLOBAL);
  const given: Entry[] = [];
  for (const v of valuesOf(scan, '--config')) {
    const { key, value } = pair(v);
    if (key === null) scope.raise('dynamic-command', `\`${program} --config\` is computed at run time`);
    else given.push({ key, value: value === null ? null : jj ? jjValue(value) : value });
  }
  for (const t of valuesOf(scan, '--config-toml')) {
    if (t === null) scope.raise('dynamic-command', '`jj --config-toml` is computed at run time');
    else given.push(...jjEntries(t));
  }
  judgeEntries(scope, program, given, `${program} --config`);
  for (const f of valuesOf(scan, '--config-file', '--configfile')) configFile(scope, program, f, `${program} --config-file`);
  const env = scope.env.get(VCS_CONFIG_ENV[program]!);
  if (env !== undefined) for (const f of env === null ? [null] : env.split(':').filter((x) => x !== '')) configFile(scope, program, f, VCS_CONFIG_ENV[program]!);
  for (const name of VCS_COMMAND_ENV[program] ?? []) {
    const value = scope.env.get(name);
    if (value === null) scope.raise('dynamic-command', `${name} is computed at run time`);
    else if (value !== undefined) scope.nested(value, `${program} (${name})`, { spliceable: false });
  }
  storedConfig(scope, program, words);
}

/** `jj config set NAME VALUE`, `sl config --local|--user|--system NAME VALUE`: stored, and run by every later run. */
function storedConfig(scope: Scope, program: 'hg' | 'sl' | 'jj', words: readonly Arg[]): void {
  const jj = program === 'jj';
  const scan = getopt(words, jj ? JJ_CONFIG_SET : SL_CONFIG_SET);
  const ops = scan.operands.map((o) => o.value);
  const set = jj ? ops[0] === 'config' && ops[1] === 'set' : ops[0] === 'config' && has(scan, '--local', '--user', '--system');
  const at = jj ? 2 : 1;
  const key = ops[at];
  if (!set || key === undefined || ops[at + 1] === undefined) return;
  if (key === null) { scope.raise('dynamic-command', `\`${program} config\` stores a key computed at run time`); return; }
  const value = ops[at + 1]!;
  judgeEntries(scope, program, [{ key, value: value === null ? null : jj ? jjValue(value) : value }], `${program} config (runs later)`);
}
