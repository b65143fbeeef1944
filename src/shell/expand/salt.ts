// Salt (grammars/salt.ts): salt-ssh reaches a host over ssh, salt through the master's minions,
// salt-call runs on this very machine. Each function called is judged as the command it stands for
// where it runs: cmd.run's arguments as a shell command, docker.* as the docker command line.
import { getopt, optionIs, type Arg } from '../getopt.js';
import type { Target } from '../invocation.js';
import { hostOf } from '../programs/ssh.js';
import { SALT_CLIS, SALT_MODULES, type SaltCli, type SaltModule } from '../grammars/salt.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { localSshCommands } from './remote.js';
import { quoteForScan } from './code-literals.js';
import { joined, made } from './remote-runners.js';

export const SALT_PROGRAMS: readonly string[] = Object.keys(SALT_CLIS);

/** `salt-ssh|salt TARGET FUNCTION [ARGS]`, `salt-call FUNCTION [ARGS]` (or salt-ssh's `-r TARGET 'shell command'`). */
export function salt(scope: Scope, name: string, args: readonly Word[]): boolean {
  const cli: SaltCli | undefined = SALT_CLIS[name];
  if (!cli) return false;
  const scan = getopt(args.map(argOf), cli.options);
  scope.emit(scope.argv, name, { scan });
  if (scan.options.some((o) => optionIs(o, cli.prints))) return true;
  if (cli.sshOption) localSshCommands(scope, scan.options.filter((o) => o.name === cli.sshOption).map((o) => ({ name: '-o', value: o.value })), name);
  const operands = scan.operands.map((o) => o.value);
  const target = cli.targeted ? operands.shift() : undefined;
  const [fn, ...rest] = operands;
  if ((cli.targeted && target === undefined) || fn === undefined) return true;
  const host = target === undefined ? null : target === null ? '?' : hostOf(target) ?? target;
  const where: Target = host === null ? scope.target : { kind: 'remote', host };
  const label = host === null ? name : `${name} ${host}`;
  if (scan.options.some((o) => optionIs(o, cli.raw ?? []))) { judgeShell(scope, [joined([fn, ...rest])], label, where); return true; }
  if (fn === null) { scope.target = where; scope.raise('dynamic-remote-command', `the function ${label} calls is named at run time`); return true; }
  // `salt '*' test.ping,cmd.run '' 'ls'`: several functions at once, each with its own arguments; every argument is judged with each.
  for (const one of fn.split(',').filter((f) => f !== '')) saltFunction(scope, one, rest.filter((a) => a !== ','), label, where);
  return true;
}

function saltFunction(scope: Scope, fn: string, rest: readonly Arg[], label: string, where: Target): void {
  const dot = fn.indexOf('.');
  const module: SaltModule | undefined = SALT_MODULES[fn.slice(0, dot)];
  const name = fn.slice(dot + 1);
  const is = (pattern: string | undefined): boolean => pattern !== undefined && new RegExp(pattern).test(name);
  const on = where.kind === 'remote' ? ` on ${where.host}` : '';
  if (dot > 0 && module) {
    if (is(module.looks) && module.stands === undefined) return;
    if (is(module.shell)) {
      // The command is the first argument or `cmd=`; `stdin=` is fed to it: every argument but the known keyword ones is judged.
      const kwarg = (a: string): boolean => /^\w+=/.test(a) && (module.kwargs ?? []).includes(a.slice(0, a.indexOf('=')));
      judgeShell(scope, rest.filter((a) => a === null || !kwarg(a)).map((a) => a?.replace(/^(?:cmd|stdin)=/, '') ?? null), label, where);
      return;
    }
    if (is(module.unreadable)) { scope.target = where; scope.raise('unreadable-script', `\`${label} ${fn}\` runs a script or code${on} that the text does not show`); return; }
    if (module.stands !== undefined) {
      const sub = module.rename?.[name] ?? name;
      const operands = module.noArgs ? [] : rest.map((a) => a === null ? '"$computed"' : a.replace(/^name=/, '')).filter((a) => !/^\w+=/.test(a));
      scope.nested([module.stands, sub, ...operands.map(quoteForScan)].join(' '), `${label} ${fn}`, { target: where, ...fresh(where), spliceable: false });
      return;
    }
  }
  // Here, state files the text does not show may run anything (a docker_container state, cmd.run).
  if (where.kind === 'local' && is(module?.applies)) { scope.raise('unreadable-script', `\`${label} ${fn}\` applies states the text does not show`); return; }
  // Any other function changes the host (file.remove, state.apply, pkg.install, …).
  scope.target = where;
  scope.emit([made(`salt-function:${fn}`, fn)], `salt-function:${fn}`);
}

function judgeShell(scope: Scope, words: readonly Arg[], label: string, where: Target): void {
  if (words.some((w) => w === null)) { scope.target = where; scope.raise('dynamic-remote-command', `the command ${label} runs is computed at run time`); return; }
  for (const w of words as string[]) scope.nested(w, label, { target: where, ...fresh(where), spliceable: false });
}

/** A function run on another host starts with that host's environment; here it inherits this one's. */
function fresh(where: Target): { env?: Map<string, string | null> } {
  return where.kind === 'remote' ? { env: new Map() } : {};
}
