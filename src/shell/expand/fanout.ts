// Tools that run one command on many hosts (grammars/fanout.ts): the command is judged on the first
// host named, as `ssh HOST CMD` would be; files they copy there are a command that writes there.
import { getopt, optionIs, type Arg, type Option, type Scan } from '../getopt.js';
import type { Target } from '../invocation.js';
import { FANOUT, type FanOut } from '../grammars/fanout.js';
import { argOf, type Word } from '../words.js';
import type { Scope } from './driver.js';
import { readLocal } from './output.js';
import { quoteForScan } from './code-literals.js';
import { abs } from './written-paths.js';

export function fanOut(scope: Scope, name: string, args: readonly Word[]): boolean {
  const spec = FANOUT[name];
  if (!spec) return false;
  const scan = getopt(args.map(argOf), spec.options);
  const fetched = fetchedInto(scan, spec, scope.cwd);
  scope.emit(scope.argv, name, { scan, ...(fetched ? { writes: [fetched.into] } : {}) });
  if (fetched) return true;
  if (scan.options.some((o) => optionIs(o, spec.prints ?? []))) return true;
  const hostOpt = scan.options.find((o) => optionIs(o, spec.hosts));
  const first = typeof hostOpt?.value === 'string' ? hostOpt.value.split(',')[0]!.replace(/^.*@/, '') : hostOpt?.value === null ? '?' : '(hosts file)';
  const remote: Target = { kind: 'remote', host: first };
  sshOptions(scope, scan, spec, name, first);
  const words = commandWords(scope, scan, spec, name, remote);
  if (words === undefined || words.length === 0) return true;
  if (words.some((w) => w === null)) { scope.target = remote; scope.raise('dynamic-remote-command', `the command ${name} sends is computed at run time`); return true; }
  scope.nested((words as string[]).join(' '), `${name} ${first}`, { target: remote, env: new Map(), spliceable: false });
  return true;
}

/**
 * The ssh options it hands on (one `-o` each, or more of ssh's command line in one string): judged as
 * the ssh command line they make (`ssh OPTIONS -- HOST true`), where a ProxyCommand runs here.
 */
function sshOptions(scope: Scope, scan: Scan, spec: FanOut, name: string, host: string): void {
  const parts: string[] = [];
  for (const o of scan.options) {
    const one = optionIs(o, spec.sshOption ?? []);
    if ((!one && !optionIs(o, spec.sshArgs ?? [])) || o.value === undefined) continue;
    if (o.value === null) { scope.raise('dynamic-command', `the ssh options \`${name} ${o.name}\` hands on are computed at run time`); continue; }
    parts.push(one ? `-o ${quoteForScan(o.value)}` : o.value);
  }
  if (parts.length > 0) scope.nested(`ssh ${parts.join(' ')} -- ${quoteForScan(host)} true`, `${name} (its ssh options)`, { spliceable: false });
}

/** Where files copied from the hosts land here (the working directory without `dest`), when it copies from them. */
function fetchedInto(scan: Scan, spec: FanOut, cwd: string | null): { into: string | null } | undefined {
  if (!scan.options.some((o) => optionIs(o, spec.fetch ?? []))) return undefined;
  const dest = destination(scan, spec);
  return { into: dest === null ? null : abs(dest ?? '.', cwd) };
}

/** The last `dest` option's value: undefined without one, null when computed. */
function destination(scan: Scan, spec: FanOut): Arg | undefined {
  return spec.dest === undefined ? undefined : scan.options.filter((o) => optionIs(o, [spec.dest!])).pop()?.value;
}

/** The command line run on each host (undefined: nothing, or a reason raised already). */
function commandWords(scope: Scope, scan: Scan, spec: FanOut, name: string, remote: Target): Arg[] | undefined {
  const operands = scan.operands.map((o) => o.value);
  const given = (names: readonly string[] | undefined): Option[] => scan.options.filter((o) => optionIs(o, names ?? []));
  const always = spec.copy === 'always';
  if (always || given(spec.copy).length > 0) {
    const dest = destination(scan, spec);
    // clush -c without --dest copies each file to the same place there.
    const files = dest === undefined && always ? operands : [...operands, dest ?? operands[0] ?? null];
    return files.some((f) => f === null) ? [null] : ['cp', '-r', '--', ...(files as string[]).map(quoteForScan)];
  }
  if (spec.command === undefined) return operands;
  const lines: Arg[] = given(spec.command).map((o) => o.value ?? null);
  for (const o of given(spec.script)) {
    const text = o.value === null || o.value === undefined ? null : readLocal(scope, o.value, scope.cwd);
    if (text === null) { scope.target = remote; scope.raise('unreadable-script', `the script \`${name} ${o.name}\` sends cannot be read`); return undefined; }
    lines.push(text);
  }
  return lines.some((l) => l === null) ? [null] : [(lines as string[]).join('\n')];
}
