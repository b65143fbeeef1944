// rclone (programs/rclone.ts): the commands its options run, here (`--password-command`, the sftp
// backend's `ssh`) or on the server (`server_command`, `md5sum_command`), are judged where they run.
// The remotes a command can use are those of the config file it reads (`--config`, $RCLONE_CONFIG,
// the default one; as written earlier in the text, or on disk) and those earlier commands defined
// (`rclone config create NAME sftp host H`, `config rename|copy`).
import { join } from 'node:path';
import type { ProgramFacts } from '../invocation.js';
import { homeDir } from '../invocations.js';
import { parseRclone } from '../programs/rclone.js';
import { applyChange, parseConfigFile } from '../programs/rclone-config.js';
import type { RcloneRemotes } from '../programs/rclone-remotes.js';
import type { Arg } from '../getopt.js';
import type { Scope } from './driver.js';
import { SFTP_SERVER } from '../grammars/managed.js';
import { RCLONE_CONFIG_ENV, RCLONE_CONFIG_FILES } from '../grammars/rclone.js';
import { abs } from './written-paths.js';
import { whenWritten } from './writes.js';

interface Defined {
  /** Remotes the text defined so far (an empty map: deleted or renamed away). */
  readonly remotes: Map<string, ReadonlyMap<string, string>>;
  /** `rclone config` asked on the terminal earlier: what it defined is not known. */
  unknown: boolean;
  /** Commands that may run after later ones (a loop, a background job, a trap): judged again once a later one defines a remote. */
  readonly later: (() => void)[];
}

const MAX_LATER = 64;

/** What each text has defined so far, by the expansion that reads it. */
const defined = new WeakMap<object, Defined>();

/** `again`: judged again after a later command changed the remotes (nothing it defines is applied twice). */
export function rcloneFacts(scope: Scope, values: readonly Arg[], again = false): ProgramFacts {
  let state = defined.get(scope.run0);
  if (state === undefined) { state = { remotes: new Map(), unknown: false, later: [] }; defined.set(scope.run0, state); }
  const text = state;
  let known: RcloneRemotes = new Map();
  let path: string | null = null;
  const r = parseRclone(values, scope.env, (configFile) => {
    const file = configFileRemotes(scope, configFile);
    path = file.path;
    known = new Map([...file.remotes, ...text.remotes]);
    return { remotes: known, unknown: file.unknown || text.unknown };
  });
  if (!again && r.config) {
    if (r.config.kind === 'unknown') text.unknown = true;
    else applyChange(text.remotes, known, r.config);
    for (const judge of text.later) judge();
  }
  if (!again) judgedLater(scope, values, text, path);
  for (const run of r.runs) {
    const server = run.where === 'server';
    if (run.command === null) {
      if (server) scope.target = { kind: 'remote', host: run.host };
      scope.raise(server ? 'dynamic-remote-command' : 'dynamic-command', `\`${run.label}\` runs a command computed at run time`);
    } else if (run.sftpServer && SFTP_SERVER.test(run.command)) {
      continue; // the sftp server the transfer itself talks to: what it writes is judged as the transfer
    } else if (server) {
      scope.nested(run.command, `${run.label} on ${run.host}`, { target: { kind: 'remote', host: run.host }, env: new Map(), spliceable: false });
    } else {
      scope.nested(run.command, run.label, { spliceable: false });
    }
  }
  // `rclone config create|update|…` writes the config file it reads.
  const writes = r.config && path !== null && (r.configFile !== undefined || scope.env.has(RCLONE_CONFIG_ENV)) ? [path] : [];
  return { kind: 'transfer', transfer: writes.length > 0 ? { ...r.transfer, localWrites: writes } : r.transfer };
}

/**
 * A command that may run after the commands written after it (`for …; do rclone copy x p:…; rclone
 * config create p sftp host H; done`) is judged again when one of those defines a remote or writes
 * the config file it reads.
 */
function judgedLater(scope: Scope, values: readonly Arg[], state: Defined, configPath: string | null): void {
  const judge = (): void => { scope.emit(scope.argv, 'rclone', { facts: rcloneFacts(scope, values, true) }); };
  if (scope.command.later || scope.via.some((v) => v === 'trap' || v.startsWith('trap '))) {
    // Each later definition judges them all again: past a bound that is a limit, as any other.
    if (state.later.length >= MAX_LATER) scope.raise('limit', `more than ${MAX_LATER} rclone commands that run after later ones`, scope.run0.input);
    else state.later.push(judge);
  }
  if (configPath !== null) whenWritten(scope, configPath, judge);
}

/**
 * The remotes the config file defines: `--config FILE` (`""`: none), else $RCLONE_CONFIG, else the
 * first default one there is. Unknown when its name is computed or its text cannot be known here
 * (written earlier with content not in the text, unreadable, encrypted). On a server, not read.
 */
function configFileRemotes(scope: Scope, configFile: string | null | undefined): { path: string | null; remotes: RcloneRemotes; unknown: boolean } {
  const none = { path: null, remotes: new Map(), unknown: false };
  if (!scope.local) return none;
  // The variable as the text sets it, else as the agent's own environment has it (as XDG_CONFIG_HOME below).
  const given = configFile !== undefined ? configFile : scope.env.has(RCLONE_CONFIG_ENV) ? scope.env.get(RCLONE_CONFIG_ENV)! : process.env[RCLONE_CONFIG_ENV];
  if (given === null) return { ...none, unknown: true };
  if (given === '') return none;
  const candidates = given !== undefined ? [abs(given, scope.cwd)] : defaultConfigFiles(scope);
  for (const path of candidates) {
    if (path === null) return { ...none, unknown: true };
    const read = scope.files.read(path);
    if (read.kind === 'missing') continue;
    const remotes = read.kind === 'text' ? parseConfigFile(read.text) : null;
    return remotes === null ? { path, remotes: new Map(), unknown: true } : { path, remotes, unknown: false };
  }
  return { ...none, path: candidates[0] ?? null };
}

function defaultConfigFiles(scope: Scope): (string | null)[] {
  const xdg = scope.env.has('XDG_CONFIG_HOME') ? scope.env.get('XDG_CONFIG_HOME') : process.env.XDG_CONFIG_HOME;
  const home = homeDir();
  return RCLONE_CONFIG_FILES.flatMap((f) => {
    if (f.startsWith('$XDG_CONFIG_HOME/')) return xdg === undefined || xdg === '' ? [] : [xdg === null ? null : join(xdg, f.slice('$XDG_CONFIG_HOME/'.length))];
    return [f.startsWith('~/') ? (home === null ? null : join(home, f.slice(2))) : f];
  });
}
