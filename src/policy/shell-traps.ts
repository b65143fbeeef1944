// The `traps-debug` fact: a `trap` that sets, replaces or removes the DEBUG trap, which is the bash
// shell guard. bash takes signal names in any case and with or without SIG (`trap - debug`,
// `trap '' SIGDEBUG`), several in one command (`trap - ERR EXIT DEBUG`), and `trap DEBUG` alone
// resets it; a signal computed at run time may be DEBUG.
import type { Invocation } from '../shell/invocation.js';

const DEBUG = /^(?:sig)?debug$/i;

export function trapsDebug(inv: Invocation): boolean {
  if (inv.program !== 'trap') return false;
  const scan = inv.scan;
  const words = scan ? scan.operands.map((o) => o.value) : inv.argv.slice(1).map((w) => w.value);
  if (scan?.options.some((o) => o.name === '-p' || o.name === '-l')) return false;
  // `trap SIGNAL…` with one operand resets it; otherwise the first operand is the action.
  const signals = words.length === 1 ? words : words.slice(1);
  return signals.some((s) => s === null || DEBUG.test(s));
}
