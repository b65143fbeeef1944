// Runner rows whose payload is another program's command line (grammars/types.ts `Run`): `program`
// (`byobu …` is `tmux …`), `programOption` (`start-stop-daemon --exec PATH -- ARGS`), and
// `sshSession` (`et HOST -c CMD`, judged as `ssh HOST CMD`).
import { optionIs, valueOf } from '../getopt.js';
import type { Word } from '../words.js';
import type { Row } from './payloads.js';

const word = (v: string | null): Word => ({ value: v, tail: v, text: v ?? '$computed', start: 0, end: 0 });

/** `program` alone: every word after the subcommand is that program's. */
export function wholeLine(r: Row): boolean {
  const { scope, run, words, base, label } = r;
  scope.continueWith([word(run.program!), ...words.slice(base)], label);
  return true;
}

/** `programOption` with `argv`: the option's value is the program, the operands from `argv` its arguments. */
export function programOption(r: Row): boolean {
  const { scope, run, scan, words, base, label } = r;
  const given = run.programOption!.map((n) => valueOf(scan, n)).find((v) => v !== undefined);
  if (given === undefined) { scope.emit(scope.argv, r.name, { scan }); return true; }
  if (given === null) { scope.raise('dynamic-command', `\`${label}\` runs a program named at run time`); return true; }
  const args = scan.operands.slice(run.argv ?? 0).map((o) => words[base + o.index]!);
  scope.continueWith([{ ...word(given), text: given }, ...args], label);
  return true;
}

/** `sshSession`: the host, the command and the options that stand for ssh's, as the ssh command line they amount to. */
export function sshSession(r: Row): boolean {
  const { scope, run, scan, label } = r;
  const spec = run.sshSession!;
  const fromOption = spec.hostOption ? valueOf(scan, ...spec.hostOption) : undefined;
  const host = fromOption !== undefined ? fromOption : scan.operands[spec.host]?.value;
  if (host === undefined) { scope.emit(scope.argv, r.name, { scan }); return true; }
  const out: Word[] = [word('ssh')];
  for (const o of scan.options) {
    const to = Object.entries(spec.options ?? {}).find(([from]) => optionIs(o, [from]))?.[1];
    if (to !== undefined) out.push(word(to), ...(o.value !== undefined ? [word(o.value)] : []));
  }
  // `host:2022` names the program's own port, not ssh's (an IPv6 address has more than one colon).
  out.push(word(host !== null && host.split(':').length === 2 ? host.replace(/:\d*$/, '') : host));
  const command = valueOf(scan, ...spec.command);
  if (command !== undefined) out.push(word(command));
  scope.continueWith(out, label);
  return true;
}
