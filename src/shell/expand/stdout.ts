// Where an invocation's standard output ends up (Invocation.stdout), from where its command's output
// goes (SimpleCommand.stdout) and what reads it there: a pipeline into programs that only read and
// print (grammars/stdout-readers.ts) ends at the terminal as the command alone does.
import { getopt, optionIs } from '../getopt.js';
import { STDOUT_READERS } from '../grammars/stdout-readers.js';
import type { StdoutGoes } from '../invocation.js';
import type { Redirect, SimpleCommand } from '../simple-command.js';
import { argOf } from '../words.js';
import type { Expansion, Scope } from './driver.js';

/** Readers one output may pass through before it counts as going to a program. */
const MAX_READERS = 16;

/** Does this redirection send standard output somewhere (`> f`, `&> f`, `>&2`, `1<> f`)? */
function redirectsStdout(r: Redirect): boolean {
  return r.op.includes('>') && (r.fd === 1 || (r.fd === null && r.op !== '<>'));
}

/**
 * Where the output of the command `scope` reads goes. Text another command runs (a string, a script,
 * a function's body), and a command under a wrapper, print where that command's output goes, which
 * is not followed here.
 */
export function stdoutGoes(scope: Scope): StdoutGoes {
  if (scope.job.depth > 0 || scope.job.source !== 'input' || scope.via.length > 0) return 'unknown';
  let command: SimpleCommand = scope.command;
  for (let hops = 0; ; hops++) {
    if (command.redirects.some(redirectsStdout)) return 'file';
    const out = command.stdout;
    if (out === undefined) return hops === 0 ? 'terminal' : 'readers';
    if (out.kind !== 'pipe') return out.kind;
    if (hops >= MAX_READERS || !reader(out.to, scope.run0)) return 'program';
    command = out.to;
  }
}

/** Does `command` only read its input and print it: a listed reader, by that name, in a harmless spelling? */
function reader(command: SimpleCommand, run0: Expansion): boolean {
  const [head, ...args] = command.words;
  const name = head?.value;
  if (!name || !Object.hasOwn(STDOUT_READERS, name) || run0.functions.has(name) || run0.aliases.has(name)) return false;
  const spec = STDOUT_READERS[name]!;
  if (args.some((w) => w.value === null)) return false;
  // A PATH the text sets may find another program by that name.
  const vars = [...command.env.keys(), ...command.assignments.map((a) => a.name)];
  if (vars.some((v) => v === 'PATH' || (spec.env?.test(v) ?? false))) return false;
  if (!spec.grammar) return true;
  const scan = getopt(args.map(argOf), spec.grammar);
  return !scan.options.some((o) => optionIs(o, spec.unsafe ?? []))
    && !scan.operands.some((o) => spec.commands?.test(o.value ?? '') ?? false);
}
