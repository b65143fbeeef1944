// Remote runners that reach the server as ssh does, each read as the ssh command line it amounts to
// (grammars/remote-runners.ts): PuTTY's plink, Fabric's `fab -H HOST -- CMD` (for tasks.ts), and
// xpra, whose sessions start commands here or on the host an ssh:// address names.
import { getopt, optionIs, type Arg, type Option } from '../getopt.js';
import { hostOf } from '../programs/ssh.js';
import {
  FAB_REMOTE, PLINK, SYSTEMD_REMOTE, PLINK_AS_SSH, PLINK_COMMAND_FILE, PLINK_PRINTS, PLINK_SESSION, XPRA, XPRA_COMMANDS, XPRA_CONTROL, XPRA_REMOTE, XPRA_SSH,
} from '../grammars/remote-runners.js';
import { argOf, quoteWord, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { sshSession } from './remote.js';
import { STDIN_PATHS } from './scripts.js';
import { stdinText } from './output.js';

export function remoteRunner(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (name === 'plink') plink(scope, args);
  else if (name === 'xpra') xpra(scope, args);
  else return false;
  return true;
}

/** A word the text did not spell (an option given to ssh for a runner's): computed when `value` is null. */
export function made(value: Arg, text = value ?? '$computed'): Word {
  return { value, tail: null, text, start: 0, end: 0 };
}

/** `plink [options] [user@]host [command]`: ssh with plink's options as ssh's (PLINK_AS_SSH). */
function plink(scope: Scope, args: readonly Word[]): void {
  const scan = getopt(args.map(argOf), PLINK);
  if (scan.options.some((o) => optionIs(o, PLINK_PRINTS))) { scope.emit(scope.argv, 'plink', { scan }); return; }
  const words: Word[] = [];
  let commandFile: Arg | undefined;
  for (const o of scan.options) {
    if (o.name === PLINK_SESSION) scope.raise('unreadable-script', `\`plink ${PLINK_SESSION}\` reads a saved session (its host, remote command and proxy command), which gitops-guard does not read`);
    if (o.name === PLINK_COMMAND_FILE) commandFile = o.value;
    const as = PLINK_AS_SSH[o.name];
    if (as === undefined) continue;
    const [flag, prefix] = as === '' ? [o.name, undefined] : as.split(' ');
    words.push(made(prefix !== undefined ? '-o' : flag ?? o.name));
    if (o.value !== undefined) words.push(made(o.value === null ? null : `${prefix ?? ''}${o.value}`));
  }
  const host = args[scan.firstOperand];
  if (host === undefined) { scope.emit(scope.argv, 'plink', { scan }); return; }
  let command = args.slice(scan.firstOperand + 1);
  if (commandFile !== undefined) {
    const text = commandFile === null ? null : fileText(scope, commandFile);
    if (text === null) { scope.target = { kind: 'remote', host: hostOf(host.value ?? '?') ?? '?' }; scope.raise('unreadable-script', `the commands \`plink -m\` sends are in a file that cannot be read`); return; }
    command = [made(text)];
  }
  // Every word after the host is the command's: `--` keeps ssh from reading options there.
  sshSession(scope, [...words, made('--'), host, ...command], 'plink');
}

/** The text of the file `plink -m` names: its own stdin when that is what it names. */
function fileText(scope: Scope, path: string): string | null {
  if (STDIN_PATHS.has(path)) { const t = stdinText(scope, scope.stdin, 'plink -m'); return t.kind === 'text' ? t.text : null; }
  const r = scope.files.read(path.startsWith('/') || scope.cwd === null ? path : `${scope.cwd}/${path}`);
  return r.kind === 'text' ? r.text : null;
}

/**
 * Fabric's remainder: the words after the first `--` (invoke splits argv there before parsing) run as
 * one shell command on each `-H` host, as `ssh HOST CMD` would (here when no host is given). Returns the
 * words before it, which name the fabfile's tasks.
 */
export function fabRemainder(scope: Scope, words: readonly Word[], options: (before: readonly Word[]) => readonly Option[]): readonly Word[] {
  const at = words.findIndex((w) => w.value === '--');
  if (at < 0) return words;
  const before = words.slice(0, at);
  const rest = words.slice(at + 1);
  if (rest.length === 0) return before;
  const opts = options(before);
  const ssh: Word[] = [];
  let hosts: Arg[] = [];
  for (const o of opts) {
    if (optionIs(o, FAB_REMOTE.hosts)) hosts = o.value === null ? [null] : (o.value ?? '').split(',').filter((h) => h !== '');
    const as = FAB_REMOTE.asSsh[o.name];
    if (as !== undefined && o.value !== undefined) ssh.push(made(as), made(o.value));
  }
  if (hosts.length === 0) { scope.nested(rest.map((w) => w.text).join(' '), 'fab --', { spliceable: false }); return before; }
  if (hosts.length > 16) scope.raise('unreadable-script', `fab names ${hosts.length} hosts; past 16 they are not read`);
  for (const h of hosts.slice(0, 16)) {
    // `user@host:port`
    const m = h === null ? null : /^(.*?)(?::(\d+))?$/.exec(h);
    const port = m?.[2] !== undefined ? [made('-p'), made(m[2])] : [];
    sshSession(scope, [...ssh, ...port, made('--'), made(m ? m[1]! : null, h ?? '$HOSTS'), ...rest], 'fab');
  }
  if (hosts.length > 16) scope.raise('unreadable-script', 'fab runs the command on more than 16 hosts', scope.run0.input);
  return before;
}

/**
 * `xpra start|start-desktop|shadow|… [ssh://HOST/] --start=CMD`: the commands a session starts run on
 * the host an `ssh://` address names, else here; `--ssh=CMD` is the ssh client run here.
 */
function xpra(scope: Scope, args: readonly Word[]): void {
  const scan = getopt(args.map(argOf), XPRA);
  scope.emit(scope.argv, 'xpra', { scan });
  const ops = scan.operands.map((o) => o.value);
  const address = ops.find((v) => v === null || XPRA_REMOTE.test(v));
  const host = address === undefined ? null : address === null ? '?' : XPRA_REMOTE.exec(address)![1]!.replace(/^.*@/, '').replace(/:\d+$/, '');
  const commands: { label: string; value: Arg }[] = [];
  for (const o of scan.options) {
    if (o.value === undefined) continue;
    if (optionIs(o, [XPRA_SSH])) {
      if (o.value === null) scope.raise('dynamic-command', 'the ssh command `xpra --ssh` runs is computed at run time');
      else scope.nested(o.value, 'xpra --ssh', { spliceable: false });
    }
    if (optionIs(o, XPRA_COMMANDS)) commands.push({ label: o.name, value: o.value });
  }
  if (ops[0] === XPRA_CONTROL.mode && XPRA_CONTROL.starts.includes(ops[2] ?? '')) commands.push({ label: `control ${ops[2]}`, value: joined(ops.slice(3)) });
  const where = host === null ? {} : { target: { kind: 'remote', host } as const, env: new Map<string, string | null>() };
  for (const c of commands) {
    if (c.value !== null) { scope.nested(c.value, host === null ? `xpra ${c.label}` : `xpra on ${host}`, { ...where, spliceable: false }); continue; }
    if (where.target) scope.target = where.target;
    scope.raise(host === null ? 'dynamic-command' : 'dynamic-remote-command', `the command \`xpra ${c.label}\` starts is computed at run time`);
  }
}

/** Words joined with spaces, as a runner joins its operands into one command line; null when any is computed. */
export function joined(words: readonly Arg[]): Arg {
  return words.some((w) => w === null) ? null : words.join(' ');
}

/** `systemctl -H HOST restart docker` (and systemd's other clients): judged as `ssh HOST systemctl restart docker`. */
export function systemdRemote(scope: Scope, name: string, args: readonly Word[]): boolean {
  const grammar = SYSTEMD_REMOTE[name];
  if (grammar === undefined) return false;
  const scan = getopt(args.map(argOf), grammar);
  const hostOption = scan.options.find((o) => optionIs(o, ['-H', '--host']));
  if (hostOption === undefined) return false;
  // [USER@]HOST[:PORT][/CONTAINER]
  const host = hostOption.value === null || hostOption.value === undefined ? '?' : hostOf(hostOption.value.replace(/[:/].*$/, '')) ?? '?';
  // A host computed at run time is some server: the command is judged as on any (`?`).
  // The same words without -H and its value (a cluster keeps its other letters).
  const drop = hostWords(args, scan.options);
  const rest = args.filter((_, i) => !drop.has(i));
  const text = [name, ...rest.map((w) => (w.value === null ? w.text : quoteWord(w.value)))].join(' ');
  scope.nested(text, `${name} -H ${host}`, { target: { kind: 'remote', host }, env: new Map(), spliceable: false });
  return true;
}

/** The words of the -H option: its own, and the next when the value is not attached (`-H x`, `-qH x`, `--host x`). */
function hostWords(args: readonly Word[], options: readonly Option[]): Set<number> {
  const out = new Set<number>();
  for (const o of options) {
    if (!optionIs(o, ['-H', '--host'])) continue;
    out.add(o.index);
    const text = args[o.index]?.value ?? '';
    const attached = text.startsWith('--') ? text.includes('=') : !text.endsWith('H');
    if (!attached) out.add(o.index + 1);
  }
  return out;
}
