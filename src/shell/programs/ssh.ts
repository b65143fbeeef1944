// ssh's command line as OpenSSH reads it: options, the destination, options again (unless `--`
// ended them), then the remote command. `-o` takes `Key=value` or `Key value`, keys in any case.
import { getopt, type Arg, type Option } from '../getopt.js';
import { configLine } from './ssh-config.js';
import { FORGE_SSH_HOSTS, SSH, SSH_LOCAL_COMMAND_KEYS, SSH_NO_COMMAND } from '../grammars/managed.js';

export interface SshCommand {
  /** The destination as written (`user@host`, `ssh://host:22`); null when computed, undefined when absent. */
  readonly destination: Arg | undefined;
  /** The host part of the destination. */
  readonly host: string | null;
  /** Words of the remote command (may be empty). */
  readonly command: readonly Arg[];
  /** `-o RemoteCommand=…` when given. */
  readonly remoteCommandOption: Arg | undefined;
  /** Commands ssh runs on the local machine (`ProxyCommand`, `LocalCommand`, `KnownHostsCommand`). */
  readonly localCommands: readonly { key: string; value: Arg }[];
  /** No remote command runs: -N, -G, -V, -Q, -W or -O. */
  readonly noCommand: boolean;
  readonly options: readonly Option[];
}

/** An `-o` option's keyword (lower-cased) and value, read as a config line is (ssh-config.ts); null when it has none. */
export const sshOption = (value: string): { key: string; value: string } | null => configLine(value);

export function parseSsh(args: readonly Arg[]): SshCommand {
  const first = getopt(args, SSH);
  let options = [...first.options];
  const rest = first.operands.map((o) => o.value);
  const terminated = first.endOfOptions >= 0;
  const destination = rest[0];
  let command = rest.slice(1);
  if (destination !== undefined && !terminated && command.length > 0) {
    const again = getopt(command, SSH);
    options = [...options, ...again.options];
    command = again.operands.map((o) => o.value);
  }
  // ssh.c joins the words with blanks: one empty word leaves the command empty, and the server
  // starts the login shell as for no command at all.
  if (command.length === 1 && command[0] === '') command = [];
  let remoteCommandOption: Arg | undefined;
  const localCommands: { key: string; value: Arg }[] = [];
  for (const o of options) {
    if (o.name !== '-o') continue;
    if (o.value === null || o.value === undefined) { localCommands.push({ key: 'option', value: null }); continue; }
    const kv = sshOption(o.value);
    if (!kv) continue;
    if (kv.key === 'remotecommand') remoteCommandOption = kv.value;
    if (SSH_LOCAL_COMMAND_KEYS.includes(kv.key)) localCommands.push({ key: kv.key, value: kv.value });
  }
  const noCommand = options.some((o) => SSH_NO_COMMAND.includes(o.name));
  return {
    destination,
    host: destination ? hostOf(destination) : null,
    command,
    remoteCommandOption,
    localCommands,
    noCommand,
    options,
  };
}

/**
 * A session where anything can be typed: a destination, no remote command, no script on stdin, and
 * not a forge's git service (FORGE_SSH_HOSTS: no shell there).
 */
export function interactiveSession(ssh: SshCommand, stdin: unknown): boolean {
  if (ssh.host !== null && FORGE_SSH_HOSTS.includes(ssh.host.toLowerCase()) && !renamesHost(ssh.options)) return false;
  return !ssh.noCommand && ssh.destination !== undefined && ssh.command.length === 0
    && ssh.remoteCommandOption === undefined && stdin === null;
}

/** `-o HostName=…` or a config file (`-F`, which may set it) sends the session to another machine than the one named. */
function renamesHost(options: readonly Option[]): boolean {
  return options.some((o) => o.name === '-F' || (o.name === '-o' && (typeof o.value !== 'string' || sshOption(o.value)?.key === 'hostname')));
}

/** `user@host`, `ssh://user@host:port/`, `[::1]` → the host. */
export function hostOf(destination: string): string | null {
  let d = destination;
  const uri = /^ssh:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/.exec(d);
  if (uri) return uri[1]!.replace(/^\[|\]$/g, '');
  const at = d.lastIndexOf('@');
  if (at >= 0) d = d.slice(at + 1);
  if (d === '') return null;
  return d.replace(/^\[|\]$/g, '');
}

/**
 * Local ports (or socket paths) that ssh listens on for `-L [bind:]port:host:hostport` and
 * `-o LocalForward=…`: traffic to them reaches whatever the server reaches.
 */
export function localForwards(options: readonly Option[]): string[] {
  const out: string[] = [];
  for (const o of options) {
    let spec: string | null | undefined;
    if (o.name === '-L') spec = o.value;
    else if (o.name === '-o' && typeof o.value === 'string') {
      const kv = sshOption(o.value);
      if (kv?.key === 'localforward') spec = kv.value.trim().split(/\s+/)[0];
    }
    if (typeof spec !== 'string') continue;
    // [bind_address:]port:… or a socket path; a bracketed IPv6 bind address has colons of its own.
    const parts = spec.replace(/^\[[^\]]*\]:/, 'bind:').split(':');
    const port = parts.length >= 4 ? parts[1] : parts[0];
    if (port !== undefined && port !== '') out.push(port);
  }
  return out;
}
