// What an ssh config makes ssh run on this machine: the keys that name a command (ProxyCommand,
// LocalCommand, KnownHostsCommand, XAuthLocation, each `Match exec`), the libraries it loads, and
// the files its Include lines pull in (readconf.c: read where ssh reads them, up to its depth).
import { join } from 'node:path';
import { argvSplit, configLines, matchExecs, type ConfigLine } from '../programs/ssh-config.js';
import { globFiles } from '../files.js';
import { SSH_LOCAL_COMMAND_KEYS } from '../grammars/managed.js';
import { homeDir } from '../cwd.js';
import type { Scope } from './driver.js';
import { stdinText } from './output.js';
import { STDIN_PATHS } from './scripts.js';

/** readconf.c READCONF_MAX_DEPTH: Include nested deeper than this is refused. */
const MAX_INCLUDE_DEPTH = 16;

/** The commands a config line runs here: a command key's value (XAuthLocation's program too), each `Match exec`'s. */
const localCommands = (e: { key: string; value: string }): string[] =>
  SSH_LOCAL_COMMAND_KEYS.includes(e.key) ? [e.value] : e.key === 'match' ? matchExecs(e.value) : [];

/**
 * An Include's file names: `~/` is the home directory, a relative name is under ~/.ssh in a user's
 * config (`-F` files, ~/.ssh/config) and under /etc/ssh in the system's (`system`: a file written
 * where either may be read, both), a glob in the last part is expanded. Null when they cannot be known.
 */
function includeFiles(scope: Scope, name: string, system: boolean): string[] | null {
  const home = homeDir();
  if (home === null && !name.startsWith('/')) return null;
  const paths = name.startsWith('/') ? [name] : name.startsWith('~/') ? [join(home!, name.slice(2))]
    : [join(home!, '.ssh', name), ...(system ? [join('/etc/ssh', name)] : [])];
  const found: string[] = [];
  for (const p of paths) {
    const hits = /[*?[]/.test(p) ? globFiles(scope.files, '/', p) : [p];
    if (hits === null) return null;
    found.push(...hits);
  }
  return found;
}

/** The keyword lines of config text, with those of the files its Include lines name (each where it stands). */
export function configEntries(scope: Scope, text: string, label: string, system = false, depth = 0): ConfigLine[] {
  const out: ConfigLine[] = [];
  for (const line of configLines(text)) {
    out.push(line);
    if (line.key !== 'include') continue;
    if (depth >= MAX_INCLUDE_DEPTH) { scope.raise('limit', `${label}: ssh_config Include nested more than ${MAX_INCLUDE_DEPTH} deep`); continue; }
    for (const name of argvSplit(line.value) ?? []) {
      const files = includeFiles(scope, name, system);
      if (files === null) { scope.raise('unreadable-script', `${label} includes ${name}, files that cannot be known`); continue; }
      for (const file of files) {
        const r = scope.files.read(file);
        if (r.kind === 'text') out.push(...configEntries(scope, r.text, label, system, depth + 1));
        else if (r.kind === 'unreadable') scope.raise('unreadable-script', `${label} includes ${file}, which ${r.why}`);
      }
    }
  }
  return out;
}

/**
 * `-F FILE` naming ssh's own stdin: the here-string, heredoc or pipe is the config (null when it
 * cannot be known, raised); undefined when FILE is not stdin.
 */
export function stdinConfig(scope: Scope, file: string, label: string): string | null | undefined {
  if (!STDIN_PATHS.has(file)) return undefined;
  const stdin = stdinText(scope, scope.stdin, `${label} -F ${file}`);
  if (stdin.kind === 'text') return stdin.text;
  if (stdin.kind === 'unknown') scope.raise('unreadable-script', `${label} reads its config from stdin: ${stdin.why}`);
  return null;
}

/** Does an `-F` option name ssh's stdin? */
export const configFromStdin = (options: readonly { name: string; value?: string | null }[]): boolean =>
  options.some((o) => o.name === '-F' && typeof o.value === 'string' && STDIN_PATHS.has(o.value));

/**
 * What an ssh config file written in the text (~/.ssh/config, /etc/ssh/ssh_config) makes every later
 * ssh, scp, sftp, rsync or git-over-ssh run here: its ProxyCommand, LocalCommand, KnownHostsCommand,
 * `Match exec`, and the providers it loads (content-judged.ts, kind `ssh-config`).
 */
export function sshConfigCommands(scope: Scope, text: string, label: string): void {
  runLocalKeys(scope, configEntries(scope, text, label, true), label);
}

export function runLocalKeys(scope: Scope, entries: readonly { key: string; value: string }[], label: string): void {
  for (const e of entries) {
    // A PKCS#11 or security-key provider is a library ssh loads into itself: code the text cannot show.
    if ((e.key === 'pkcs11provider' || e.key === 'securitykeyprovider') && e.value.toLowerCase() !== 'none' && e.value !== 'internal') {
      scope.raise('unreadable-script', `${label} loads the library ${e.value} (${e.key}), code the text cannot show`);
      continue;
    }
    for (const c of localCommands(e)) {
      const cmd = c.trim();
      if (cmd !== '' && cmd.toLowerCase() !== 'none') scope.nested(cmd, `${label} ${e.key}`, { spliceable: false });
    }
  }
}
