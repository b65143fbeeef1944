// git configuration the same text writes before a later git reads it: `git config --global KEY VALUE`
// writes ~/.gitconfig (git-config(1) FILES), a plain `git config KEY VALUE` the repository's config,
// and both are read by every later git there (an alias `p = push -f` written first makes `git p` a
// force push). And the files this run's configuration includes (`-c include.path=FILE`): read as git
// reads them, whether the text wrote them or not; one whose content cannot be known makes what git
// runs unknown (a missing file that nothing in the text writes included on purpose: the guard asks).
import type { GitConfig } from '../git-config.js';
import { configPath, homeOf, includedEntries } from '../git-repo.js';
import { configSet, type GitCommand, type GitHead } from '../programs/git.js';
import type { Scope } from './driver.js';
import { placeOf } from './git-place.js';

/** Per expansion and machine: the entries written so far, in order. */
const WRITTEN = new WeakMap<object, Map<string, GitConfig[]>>();

const machine = (scope: Scope): string => (scope.target.kind === 'local' ? '' : scope.target.host);

/** Record what `git config` writes into the user's or the repository's configuration (a named file is a file write). */
export function recordConfigWrite(scope: Scope, git: GitCommand): void {
  const set = configSet(git);
  if (set === undefined || typeof set.file === 'object') return;
  const all = WRITTEN.get(scope.run0) ?? new Map<string, GitConfig[]>();
  WRITTEN.set(scope.run0, all);
  const list = all.get(machine(scope)) ?? [];
  all.set(machine(scope), list);
  // A computed key may be any key: an alias among them.
  if (set.key === null) scope.raise('dynamic-command', '`git config` writes a key computed at run time, which later git commands read');
  else list.push({ key: set.key, value: set.value });
}

/** The entries the text wrote earlier into the configuration a git command on this machine reads. */
export function writtenConfig(scope: Scope): readonly GitConfig[] {
  return WRITTEN.get(scope.run0)?.get(machine(scope)) ?? [];
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
