// The remote family: ssh and the other ssh clients. The remote command (or a script on ssh's
// stdin) is shell again with target remote(host); ssh options that run local commands
// (ProxyCommand, LocalCommand, KnownHostsCommand) are shell on this machine.
import { getopt, optionIs, valueOf } from '../getopt.js';
import type { Target } from '../invocation.js';
import { parseSsh, sshOption } from '../programs/ssh.js';
import { SFTP_SERVER, SSH_ENV_KEYS, SSH_WRITES, SSHFS_RUNS } from '../grammars/managed.js';
import { abs } from './written-paths.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { readLocal, stdinText } from './output.js';
import { runScriptFile } from './scripts.js';
import { remoteVariants } from './remote-values.js';
import { configEntries, configFromStdin, runLocalKeys, stdinConfig } from './ssh-local.js';
import { remoteRunner } from './remote-runners.js';
import { ansiblePlaybook, ansibleTarget } from './ansible.js';
import { REMOTE_RUNNERS } from '../grammars/remote-runners.js';
import { FANOUT } from '../grammars/fanout.js';
import { fanOut } from './fanout.js';
import { SALT_PROGRAMS, salt } from './salt.js';

/** Other clients that take ssh's command line (after their own options). */
const SSH_CLIENTS: Record<string, { options: { short?: string; long?: readonly string[] }; skip?: number }> = {
  slogin: { options: {} },
  autossh: { options: {} },
  sshpass: { options: { short: 'ehvf:d:p:P:' } },
  dbclient: { options: {} },
  tsh: { options: {} },
};

export function remoteFamily(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (name === 'ssh') { ssh(scope, args, 'ssh'); return true; }
  const client = SSH_CLIENTS[name];
  if (client) {
    // `sshpass -p pw ssh host cmd`: the command after sshpass's options is the ssh command line.
    const scan = getopt(args.map(argOf), client.options);
    const rest = name === 'autossh' ? autosshArgs(args) : args.slice(scan.firstOperand);
    if (name === 'sshpass' || name === 'tsh') { scope.continueWith(rest, name); return true; }
    ssh(scope, rest, name);
    return true;
  }
  if (name === 'mosh') { mosh(scope, args); return true; }
  if (remoteRunner(scope, name, args)) return true;
  // kitty's `kitten ssh` takes ssh's command line; its other kittens are programs nobody here knows.
  if (name === 'kitten') { if (args[0]?.value !== 'ssh') return false; ssh(scope, args.slice(1), 'kitten ssh'); return true; }
  if (salt(scope, name, args) || fanOut(scope, name, args)) return true;
  if (name === 'ansible') { ansible(scope, args); return true; }
  if (name === 'ansible-playbook') { ansiblePlaybook(scope, args); return true; }
  return false;
}

/** Every program this family reads, for the fast path (expand/names.ts). */
export const REMOTE_CLIENTS: readonly string[] = [...Object.keys(SSH_CLIENTS), 'mosh', 'kitten', ...Object.keys(FANOUT), 'ansible', 'ansible-playbook', ...REMOTE_RUNNERS, ...SALT_PROGRAMS];

/** Modules of ansible ad-hoc commands that run their arguments as a command, and modules that only look. */
const ANSIBLE_COMMAND = /^(?:ansible\.builtin\.|ansible\.legacy\.)?(?:shell|command|raw)$/;
const ANSIBLE_LOOK = /^(?:ansible\.builtin\.)?(?:ping|setup|gather_facts|stat|debug|slurp|find|service_facts|package_facts)$/;

function ansible(scope: Scope, args: readonly Word[]): void {
  const scan = getopt(args.map(argOf), { short: 'bCDKkvm:a:i:u:e:f:l:M:c:t:T:B:P:', long: ['module-name=|m', 'args=|a', 'inventory=|i', 'user=|u', 'extra-vars=|e', 'forks=|f', 'limit=|l', 'become|b', 'check|C', 'diff|D', 'connection=|c', 'tree=|t', 'timeout=|T', 'background=|B', 'poll=|P', 'become-user=', 'become-method=', 'private-key=', 'key-file=', 'vault-password-file=', 'ask-pass|k', 'ask-become-pass|K', 'list-hosts', 'syntax-check', 'one-line|o', 'playbook-dir='], permute: true });
  const pattern = scan.operands[0]?.value;
  const inventory = valueOf(scan, '-i');
  const host = typeof inventory === 'string' && inventory.endsWith(',') ? inventory.split(',')[0]! : pattern ?? '?';
  // localhost (or a local connection) is this machine, as a play's hosts are (ansible.ts).
  const remote: Target = ansibleTarget(pattern ?? '?', inventory, valueOf(scan, '-c'));
  const module = valueOf(scan, '-m') ?? 'command';
  const a = valueOf(scan, '-a');
  scope.emit(scope.argv, 'ansible', { scan });
  if (scan.options.some((o) => optionIs(o, ['--list-hosts', '--syntax-check', '-C']))) return;
  if (module === null || a === null) { scope.target = remote; scope.raise('dynamic-remote-command', 'the module or arguments ansible sends are computed at run time'); return; }
  if (ANSIBLE_COMMAND.test(module)) { if (a) scope.nested(a, `ansible -m ${module} on ${host}`, { target: remote, env: new Map(), spliceable: false }); return; }
  if (ANSIBLE_LOOK.test(module)) return;
  // Any other module changes something on the server (copy, service, docker_container, …).
  scope.target = remote;
  scope.emit([{ value: `ansible-module:${module}`, tail: null, text: `-m ${module}`, start: 0, end: 0 }], `ansible-module:${module}`);
}


/**
 * ssh hops read through before the rest counts as a limit run out (`ssh a ssh b ssh c …`: each hop is
 * the whole rest of the text read again). A jump through a bastion is two.
 */
const MAX_SSH_HOPS = 3;
const HOP_LABEL = /^(?:ssh|slogin|autossh|dbclient|mosh|tsh|kitten ssh) /;

/** An ssh command line (`args` after the program name), read as ssh reads it; `label` names the client. */
export function sshSession(scope: Scope, args: readonly Word[], label: string): void {
  ssh(scope, args, label);
}

/** ssh's command line, once for each turn of the loops it is in when their values fill it (remote-values.ts). */
function ssh(scope: Scope, given: readonly Word[], label: string): void {
  for (const args of remoteVariants(scope, given)) sshWith(scope, args, label);
}

function sshWith(scope: Scope, args: readonly Word[], label: string): void {
  if (scope.via.filter((v) => HOP_LABEL.test(v)).length >= MAX_SSH_HOPS) {
    scope.raise('limit', `ssh run through more than ${MAX_SSH_HOPS} hosts in a row`, scope.run0.input);
    return;
  }
  const facts = parseSsh(args.map(argOf));
  scope.emit(scope.argv, 'ssh', { facts: { kind: 'ssh', ssh: facts }, writes: sshWrites(facts.options, scope.cwd) });
  const fromFile = localSshCommands(scope, facts.options, label);
  const remoteCommandFromFile = fromFile.find((c) => c.key === 'remotecommand')?.value;
  if (facts.noCommand || facts.destination === undefined) return;
  const host = facts.destination === null ? (args.find((w) => w.value === null)?.text ?? '?') : facts.host ?? facts.destination;
  const remote: Target = { kind: 'remote', host };
  const words = facts.command.length > 0 ? facts.command
    : facts.remoteCommandOption !== undefined ? [facts.remoteCommandOption]
      : remoteCommandFromFile !== undefined ? [remoteCommandFromFile] : [];
  if (words.some((w) => w === null)) {
    scope.target = remote;
    scope.raise('dynamic-remote-command', `the command sent to ${host} is computed at run time`);
    return;
  }
  // A config read from stdin (`-F /dev/stdin`) has taken the input: the session gets none of it.
  const stdin = configFromStdin(facts.options) ? { kind: 'none' as const } : stdinText(scope, scope.stdin, `${label} ${host}`);
  // SetEnv/SendEnv give the remote command variables (GIT_PAGER, BASH_ENV, …).
  const remoteEnv = new Map<string, string | null>();
  for (const o of facts.options) {
    const kv = o.name === '-o' && typeof o.value === 'string' ? sshOption(o.value) : null;
    if (kv?.key !== 'setenv') continue;
    for (const m of kv.value.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g)) remoteEnv.set(m[1]!, m[2]!.replace(/^["']|["']$/g, ''));
  }
  if (words.length > 0) {
    // The remote command gets ssh's stdin; a shell there (`bash -s`) runs it as a script.
    scope.nested(words.join(' '), `${label} ${host}`, {
      target: remote, env: remoteEnv,
      stdin: stdin.kind === 'text' ? stdin.source : stdin.kind === 'unknown' ? { kind: 'opaque', why: stdin.why } : null,
    });
    return;
  }
  if (stdin.kind === 'text') {
    scope.nested(stdin.text, `${label} ${host} (stdin)`, { target: remote, env: remoteEnv, spliceable: false });
  } else if (stdin.kind === 'unknown') {
    scope.target = remote;
    scope.raise('unreadable-script', stdin.why);
  }
}

/** The files ssh writes here (grammars/managed.ts SSH_WRITES): `-E log_file`, a UserKnownHostsFile (also through scp's and sftp's `-o`); null where computed. */
export function sshWrites(options: readonly { name: string; value?: string | null }[], cwd: string | null): (string | null)[] {
  const out: (string | null)[] = [];
  for (const o of options) {
    const kv = o.name === '-o' && typeof o.value === 'string' ? sshOption(o.value) : null;
    const files = (SSH_WRITES.options as readonly string[]).includes(o.name) ? [o.value] : kv && (SSH_WRITES.keys as readonly string[]).includes(kv.key) ? kv.value.trim().split(/\s+/) : [];
    for (const f of files) if (f !== undefined) out.push(f === null ? null : abs(f, cwd));
  }
  return out;
}

/** `mosh [options] host -- command`: an ssh session whose command runs on the host. */
function mosh(scope: Scope, args: readonly Word[]): void {
  const scan = getopt(args.map(argOf), { short: '46anp:', long: ['ssh=', 'port=|p', 'predict=', 'server=', 'client=', 'family=', 'local', 'no-init', 'experimental-remote-ip='], permute: false });
  const ops = scan.operands;
  const host = ops[0]?.value;
  const cmd = ops.slice(1).filter((o) => o.value !== '--').map((o) => o.value);
  const synthetic: Word[] = [{ value: 'ssh', tail: 'ssh', text: 'ssh', start: 0, end: 0 },
    ...[host, ...cmd].map((v) => ({ value: v ?? null, tail: null, text: v ?? '$computed', start: 0, end: 0 }))];
  for (const o of scan.options) {
    if (o.name === '--ssh' && o.value) scope.nested(o.value, 'mosh --ssh', { spliceable: false });
  }
  ssh(scope, synthetic.slice(1), 'mosh');
}

/** autossh takes only -M PORT, -f and -V itself (anywhere); every other word is ssh's. */
function autosshArgs(args: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '-M') { i++; continue; }
    if (v === '-f' || v === '-V' || (v !== null && /^-M\d+$/.test(v))) continue;
    out.push(args[i]!);
  }
  return out;
}

/**
 * Commands ssh (or scp, sftp) runs locally from its options: `-o Key=value` in any spelling and the
 * keys of a config file named with `-F`; `-S` names the ssh program itself. Returns the config
 * file's entries (a RemoteCommand there is the remote command).
 */
export function localSshCommands(scope: Scope, options: readonly { name: string; value?: string | null }[], label: string): { key: string; value: string }[] {
  const entries: { key: string; value: string }[] = [];
  for (const [name, key] of Object.entries(SSH_ENV_KEYS)) {
    const v = scope.env.get(name);
    if (v === null) scope.raise('dynamic-command', `${name} for \`${label}\` is computed at run time`);
    else if (v !== undefined && v !== '') entries.push({ key, value: v });
  }
  for (const o of options) {
    if (o.name === '-o') {
      if (o.value === null || o.value === undefined) { scope.raise('dynamic-command', `an \`${label} -o\` option is computed at run time`); continue; }
      const kv = sshOption(o.value);
      if (kv) entries.push(kv);
    } else if (o.name === '-F' && o.value !== undefined) {
      if (o.value === null) { scope.raise('unreadable-script', `${label} reads a config file named at run time`); continue; }
      const fromStdin = stdinConfig(scope, o.value, label);
      const text = fromStdin === undefined ? readLocal(scope, o.value, scope.cwd) : fromStdin;
      if (text !== null) entries.push(...configEntries(scope, text, label));
    } else if (o.name === '-I' && label === 'ssh' && o.value !== undefined) {
      entries.push({ key: 'pkcs11provider', value: o.value ?? '$computed' });
    } else if ((o.name === '-S' || (o.name === '-D' && TRANSFER_CLIENTS.has(label))) && label !== 'ssh' && o.value !== undefined) {
      // scp -S PROGRAM: the program run instead of ssh; scp's and sftp's -D: a local sftp server run instead of a connection (its words split).
      if (o.value === null) { scope.raise('dynamic-command', `\`${label} ${o.name}\` runs a program named at run time`); continue; }
      if (o.value.includes('/') && !/\s/.test(o.value)) runScriptFile(scope, { value: o.value, tail: null, text: o.value, start: 0, end: 0 }, `${label} ${o.name} ${o.value}`, 'exec');
      else if (o.value !== 'ssh') scope.nested(o.value, `${label} ${o.name}`, { spliceable: false });
    }
  }
  runLocalKeys(scope, entries, label);
  return entries;
}

/** Clients whose -D is a local sftp server program (scp(1), sftp(1)); ssh's -D is a forwarded port. */
const TRANSFER_CLIENTS: ReadonlySet<string> = new Set(['scp', 'sftp']);

/**
 * sftp's -s: a value with a blank or a `/` is no subsystem but the command ssh runs on the server
 * (sftp(1) -s sftp_server), judged there unless it is an sftp server; sshfs's `sftp_server` likewise.
 */
export function sftpServerCommand(scope: Scope, value: string | null | undefined, host: string, label: string): void {
  if (value === undefined || (value !== null && (!/[\s/]/.test(value) || SFTP_SERVER.test(value)))) return;
  if (value === null) { scope.raise('dynamic-remote-command', `the sftp server \`${label}\` runs on ${host} is computed at run time`); return; }
  scope.nested(value, `${label} on ${host}`, { target: { kind: 'remote', host }, env: new Map(), spliceable: false });
}

/** FUSE's `-o a,b=c\\,d`: items split at commas a backslash does not escape. */
function fuseOptions(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) cur += value[++i];
    else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  return [...out, cur];
}

/**
 * sshfs's options that run programs (grammars/managed.ts SSHFS_RUNS): `ssh_command` here,
 * `sftp_server` on the server (unless it is an sftp server); the other `-o` items are ssh's.
 */
export function sshfsCommands(scope: Scope, options: readonly { name: string; value?: string | null }[], host: string): void {
  const rest: { name: string; value?: string | null }[] = [];
  for (const o of options) {
    if (o.name !== '-o' || typeof o.value !== 'string') { rest.push(o); continue; }
    for (const item of fuseOptions(o.value)) {
      const eq = item.indexOf('=');
      const key = eq < 0 ? item : item.slice(0, eq);
      const value = item.slice(eq + 1).trim();
      if (eq >= 0 && SSHFS_RUNS.local.includes(key)) scope.nested(value, `sshfs ${key}`, { spliceable: false });
      else if (eq >= 0 && SSHFS_RUNS.remote.includes(key)) sftpServerCommand(scope, value, host, `sshfs ${key}`);
      else rest.push({ name: '-o', value: item });
    }
  }
  localSshCommands(scope, rest, 'sshfs');
}
