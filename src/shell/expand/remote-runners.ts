// Remote runners that reach the server as ssh does, each read as the ssh command line it amounts to
// (grammars/remote-runners.ts): PuTTY's plink, Fabric's `fab -H HOST -- CMD` (for tasks.ts), and
// salt-ssh, whose execution modules are judged as the command each stands for on the host.
import { getopt, optionIs, type Arg, type Option } from '../getopt.js';
import type { Target } from '../invocation.js';
import { hostOf } from '../programs/ssh.js';
import {
  FAB_REMOTE, PLINK, PLINK_AS_SSH, PLINK_COMMAND_FILE, PLINK_PRINTS, PLINK_SESSION, SALT_MODULES, SALT_PRINTS, SALT_RAW, SALT_SSH,
  type SaltModule,
} from '../grammars/remote-runners.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { localSshCommands, sshSession } from './remote.js';
import { quoteForScan } from './code-literals.js';

export function remoteRunner(scope: Scope, name: string, args: readonly Word[]): boolean {
  if (name === 'plink') plink(scope, args);
  else if (name === 'salt-ssh') saltSsh(scope, args);
  else return false;
  return true;
}

/** A word the text did not spell (an option given to ssh for a runner's): computed when `value` is null. */
function made(value: Arg, text = value ?? '$computed'): Word {
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

function fileText(scope: Scope, path: string): string | null {
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
  for (const h of hosts.slice(0, 16)) {
    // `user@host:port`
    const m = h === null ? null : /^(.*?)(?::(\d+))?$/.exec(h);
    const port = m?.[2] !== undefined ? [made('-p'), made(m[2])] : [];
    sshSession(scope, [...ssh, ...port, made('--'), made(m ? m[1]! : null, h ?? '$HOSTS'), ...rest], 'fab');
  }
  if (hosts.length > 16) scope.raise('limit', 'fab runs the command on more than 16 hosts', scope.run0.input);
  return before;
}

/** `salt-ssh [options] TARGET FUNCTION [ARGS]` (or `-r TARGET 'shell command'`). */
function saltSsh(scope: Scope, args: readonly Word[]): void {
  const scan = getopt(args.map(argOf), SALT_SSH);
  scope.emit(scope.argv, 'salt-ssh', { scan });
  if (scan.options.some((o) => optionIs(o, SALT_PRINTS))) return;
  const sshOptions = scan.options.filter((o) => o.name === '--ssh-option').map((o) => ({ name: '-o', value: o.value }));
  localSshCommands(scope, sshOptions, 'salt-ssh');
  const [target, fn, ...rest] = scan.operands.map((o) => o.value);
  if (target === undefined || fn === undefined) return;
  const host = target === null ? '?' : hostOf(target) ?? target;
  const remote: Target = { kind: 'remote', host };
  const label = `salt-ssh ${host}`;
  if (scan.options.some((o) => optionIs(o, SALT_RAW))) { judgeShell(scope, [joined([fn, ...rest])], label, remote); return; }
  if (fn === null) { scope.target = remote; scope.raise('dynamic-remote-command', `the function salt-ssh calls on ${host} is named at run time`); return; }
  const dot = fn.indexOf('.');
  const module: SaltModule | undefined = SALT_MODULES[fn.slice(0, dot)];
  const name = fn.slice(dot + 1);
  const is = (pattern: string | undefined): boolean => pattern !== undefined && new RegExp(pattern).test(name);
  if (dot > 0 && module) {
    if (is(module.looks) && module.stands === undefined) return;
    if (is(module.shell)) {
      // The command is the first argument or `cmd=`; `stdin=` is fed to it: every argument but the known keyword ones is judged.
      const kwarg = (a: string): boolean => /^\w+=/.test(a) && (module.kwargs ?? []).includes(a.slice(0, a.indexOf('=')));
      judgeShell(scope, rest.filter((a) => a === null || !kwarg(a)).map((a) => a?.replace(/^(?:cmd|stdin)=/, '') ?? null), label, remote);
      return;
    }
    if (is(module.unreadable)) { scope.target = remote; scope.raise('unreadable-script', `\`salt-ssh ${fn}\` runs a script or code on ${host} that the text does not show`); return; }
    if (module.stands !== undefined) {
      const sub = module.rename?.[name] ?? name;
      const operands = module.noArgs ? [] : rest.map((a) => a === null ? '"$computed"' : a.replace(/^name=/, '')).filter((a) => !/^\w+=/.test(a));
      scope.nested([module.stands, sub, ...operands.map(quoteForScan)].join(' '), `${label} ${fn}`, { target: remote, env: new Map(), spliceable: false });
      return;
    }
  }
  // Any other function changes the host (file.remove, state.apply, pkg.install, …).
  scope.target = remote;
  scope.emit([made(`salt-function:${fn}`, fn)], `salt-function:${fn}`);
}

function judgeShell(scope: Scope, words: readonly Arg[], label: string, remote: Target): void {
  if (words.some((w) => w === null)) { scope.target = remote; scope.raise('dynamic-remote-command', `the command ${label} runs is computed at run time`); return; }
  for (const w of words as string[]) scope.nested(w, label, { target: remote, env: new Map(), spliceable: false });
}

function joined(words: readonly Arg[]): Arg {
  return words.some((w) => w === null) ? null : words.join(' ');
}
