// git configuration the same text writes before a later git reads it: `git config --global KEY VALUE`
// writes ~/.gitconfig (git-config(1) FILES), a plain `git config KEY VALUE` the repository's config,
// and both are read by every later git there (an alias `p = push -f` written first makes `git p` a
// force push). An include written that way (`include.path`, `includeIf.<cond>.path`) pulls in the
// file it names as that later git reads it, whatever the text wrote into it by then; one whose
// content cannot be known makes what git runs unknown. `git config --file F KEY VALUE` writes F,
// whose content a later include (or `-c include.path=F`) reads. And the files this run's
// configuration includes (`-c include.path=FILE`): read as git reads them, whether the text wrote
// them or not (a missing file that nothing in the text writes, included on purpose: the guard asks).
import { dirname, isAbsolute, resolve } from 'node:path';
import type { GitConfig } from '../git-config.js';
import { configPath, findRepo, homeOf, includedEntries } from '../git-repo.js';
import { configSet, type GitCommand, type GitHead } from '../programs/git.js';
import type { ConfigFile } from '../programs/git-remote.js';
import type { Scope } from './driver.js';
import { placeOf } from './git-place.js';

/** An entry written into the user's, the system's or the repository's configuration. */
interface WrittenEntry {
  readonly entry: GitConfig;
  /** For an include: the directory of the file it was written to (a relative path is relative to it); null when not known. */
  readonly base: string | null;
  readonly home: string | null;
}

/** The configuration as the text leaves it for a later git: its entries (included files spliced in), those files, and why it cannot be known. */
export interface WrittenConfig {
  readonly entries: readonly GitConfig[];
  /** Files the written includes pull in (absolute), for what they run to be judged. */
  readonly files: readonly string[];
  readonly unknown?: string;
}

const NONE: WrittenConfig = { entries: [], files: [] };

/** Keys that include another file (git-config(1) INCLUDES). */
export const INCLUDE_KEY = /^(?:include\.path|includeif\..*\.path)$/;

/** Per expansion and machine: the entries written so far, in order. */
const WRITTEN = new WeakMap<object, Map<string, WrittenEntry[]>>();
/** Per expansion: a `git config --file` named a file computed at run time (any later include may be it). */
const COMPUTED_FILE = new WeakSet<object>();

const machine = (scope: Scope): string => (scope.target.kind === 'local' ? '' : scope.target.host);

/** Record what `git config` writes into the user's or the repository's configuration, or into a file it names. */
export function recordConfigWrite(scope: Scope, git: GitCommand): void {
  const set = configSet(git);
  if (set === undefined) return;
  if (typeof set.file === 'object') { writeNamedFile(scope, git, set.file.file, set); return; }
  const all = WRITTEN.get(scope.run0) ?? new Map<string, WrittenEntry[]>();
  WRITTEN.set(scope.run0, all);
  const list = all.get(machine(scope)) ?? [];
  all.set(machine(scope), list);
  // A computed key may be any key: an alias among them.
  if (set.key === null) { scope.raise('dynamic-command', '`git config` writes a key computed at run time, which later git commands read'); return; }
  const entry: GitConfig = { key: set.key, written: set.written ?? set.key, value: set.value };
  list.push({ entry, ...(INCLUDE_KEY.test(set.key) ? includeBase(scope, git, set.file) : { base: null, home: null }) });
}

/** The directory of the config file `git config --global|--system|--local` writes (GIT_CONFIG_GLOBAL/SYSTEM name another). */
function includeBase(scope: Scope, head: GitHead, file: Exclude<ConfigFile, object>): { base: string | null; home: string | null } {
  const place = placeOf(scope, head);
  if (typeof place === 'string') return { base: null, home: null };
  const home = homeOf(place.env);
  if (file === 'local') {
    const repo = findRepo(scope.files, place);
    return { base: repo.ok && repo.value !== null ? repo.value.commonDir : null, home };
  }
  const named = place.env(file === 'system' ? 'GIT_CONFIG_SYSTEM' : 'GIT_CONFIG_GLOBAL');
  if (named === null) return { base: null, home };
  if (named) return { base: dirname(resolve(place.cwd, named)), home };
  return { base: file === 'system' ? '/etc' : home, home };
}

/** `git config --file F KEY VALUE`: F holds what it held with the entry added (unknown when the key, value or F's text is). */
function writeNamedFile(scope: Scope, head: GitHead, file: string | null, set: { written: string | null; value: string | null }): void {
  if (!scope.local) return;
  const place = placeOf(scope, head);
  const path = file === null || typeof place === 'string' ? null : configPath(file, place.cwd, homeOf(place.env));
  if (path === null) { COMPUTED_FILE.add(scope.run0); return; }
  const before = scope.files.read(path);
  const text = before.kind === 'text' ? before.text : before.kind === 'missing' ? '' : null;
  const after = text === null || set.written === null || set.value === null ? null : text + entryText(set.written, set.value);
  scope.run0.written.set(path, after);
  scope.run0.feeds.get(path)?.(after);
}

/** An entry as `git config` writes it: `[section "subsection"]` and `name = "value"`. */
function entryText(key: string, value: string): string {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first < 0) return '';
  const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const section = last > first ? `${key.slice(0, first)} "${esc(key.slice(first + 1, last))}"` : key.slice(0, first);
  return `\n[${section}]\n\t${key.slice(last + 1)} = "${esc(value).replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"\n`;
}

/** The entries the text wrote earlier into the configuration a git command on this machine reads, with what their includes pull in now. */
export function writtenConfig(scope: Scope): WrittenConfig {
  const list = WRITTEN.get(scope.run0)?.get(machine(scope));
  if (list === undefined || list.length === 0) return NONE;
  const entries: GitConfig[] = [];
  const files: string[] = [];
  let unknown: string | undefined;
  for (const w of list) {
    entries.push(w.entry);
    if (!INCLUDE_KEY.test(w.entry.key)) continue;
    const r = writtenInclude(scope, w);
    if (typeof r === 'string') unknown ??= r;
    else { entries.push(...r.entries); files.push(r.path); }
  }
  return { entries, files, ...(unknown !== undefined ? { unknown } : {}) };
}

/** The file a written include names and its entries as a git run now reads them; a string says why they cannot be known. */
function writtenInclude(scope: Scope, w: WrittenEntry): { path: string; entries: readonly GitConfig[] } | string {
  const value = w.entry.value;
  const what = `\`git config ${w.entry.written ?? w.entry.key} ${value ?? '…'}\``;
  if (!scope.local) return `${what} includes a file on the server, which is not read here`;
  if (value === null) return `${what} includes a file named at run time`;
  const relative = !isAbsolute(value) && value !== '~' && !value.startsWith('~/');
  const path = relative ? (w.base === null ? null : resolve(w.base, value)) : configPath(value, '/', w.home);
  if (path === null) return `${what} includes a file whose directory is not known`;
  // git skips a missing include, unless a file named at run time was written just before.
  if (COMPUTED_FILE.has(scope.run0) && scope.files.read(path).kind === 'missing') return `${what} includes ${path}, and \`git config --file\` wrote a file named at run time`;
  const found = includedEntries(scope.files, { key: 'include.path', value: path }, '/', w.home);
  return found.ok ? { path, entries: found.value } : `${what}: ${found.why}`;
}

/** The entries of a file this run's configuration includes, or why they cannot be known (IncludedConfig). */
export function includedConfig(scope: Scope, head: GitHead, entry: GitConfig): readonly GitConfig[] | string {
  const what = `\`git -c ${entry.key}=${entry.value ?? '…'}\``;
  if (!scope.local) return `${what} includes a file on the server, which is not read here`;
  if (entry.value === null) return `${what} includes a file named at run time`;
  const place = placeOf(scope, head);
  if (typeof place === 'string') return place;
  const path = configPath(entry.value, place.cwd, homeOf(place.env));
  if (path === null) return `${what} names the home directory, which is not known`;
  // git skips a missing include; one that nothing writes, included on purpose, is read as unknown.
  if (scope.files.read(path).kind === 'missing') return `${what} includes ${path}, which does not exist and nothing in the text writes`;
  const found = includedEntries(scope.files, entry, place.cwd, homeOf(place.env));
  return found.ok ? found.value : `${what}: ${found.why}`;
}
