// The remote family: ssh and the other ssh clients. The remote command (or a script on ssh's
// stdin) is shell again with target remote(host); ssh options that run local commands
// (ProxyCommand, LocalCommand, KnownHostsCommand) are shell on this machine.
import { getopt } from '../getopt.js';
import type { Target } from '../invocation.js';
import { parseSsh } from '../programs/ssh.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { stdinText } from './output.js';

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
  return false;
}

function ssh(scope: Scope, args: readonly Word[], label: string): void {
  const facts = parseSsh(args.map(argOf));
  scope.emit(scope.argv, 'ssh', { facts: { kind: 'ssh', ssh: facts } });
  for (const c of facts.localCommands) {
    if (c.value === null) scope.raise('dynamic-command', `an \`${label} -o\` option is computed at run time`);
    else scope.nested(c.value, `${label} ${c.key}`, { spliceable: false });
  }
  if (facts.noCommand || facts.destination === undefined) return;
  const host = facts.destination === null ? (args.find((w) => w.value === null)?.text ?? '?') : facts.host ?? facts.destination;
  const remote: Target = { kind: 'remote', host };
  const words = facts.command.length > 0 ? facts.command
    : facts.remoteCommandOption !== undefined ? [facts.remoteCommandOption] : [];
  if (words.some((w) => w === null)) {
    scope.target = remote;
    scope.raise('dynamic-remote-command', `the command sent to ${host} is computed at run time`);
    return;
  }
  const stdin = stdinText(scope, scope.stdin, `${label} ${host}`);
  if (words.length > 0) {
    // The remote command gets ssh's stdin; a shell there (`bash -s`) runs it as a script.
    scope.nested(words.join(' '), `${label} ${host}`, {
      target: remote, env: new Map(),
      stdin: stdin.kind === 'text' ? stdin.source : stdin.kind === 'unknown' ? { kind: 'opaque', why: stdin.why } : null,
    });
    return;
  }
  if (stdin.kind === 'text') {
    scope.nested(stdin.text, `${label} ${host} (stdin)`, { target: remote, env: new Map(), spliceable: false });
  } else if (stdin.kind === 'unknown') {
    scope.target = remote;
    scope.raise('unreadable-script', stdin.why);
  }
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
