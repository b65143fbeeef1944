// Whether a later command of a text runs only once an earlier one succeeded: what lets a switch the
// text makes (a kube context, a git branch) count for the command after it.
import type { Invocation } from '../shell/invocation.js';

/**
 * Does `inv` run only once `e` has succeeded? Both are commands of the text itself (ranges apart), `e`
 * is not negated nor after `||`, and between them is nothing but `&&` and the commands it joins.
 */
export function runsAfterSuccess(input: string, e: Invocation, inv: Invocation, between: readonly Invocation[]): boolean {
  if (e.end > inv.start || e.event !== undefined) return false;
  if (/(?:\|\||!)\s*$/.test(input.slice(0, e.start))) return false;
  let gap = input.slice(e.end, inv.start);
  for (const b of between) {
    if (b.start < e.end || b.end > inv.start) continue;
    const from = b.start - e.end;
    const to = b.end - e.end;
    gap = gap.slice(0, from) + ' '.repeat(to - from) + gap.slice(to);
  }
  return /^\s*&&(?:\s*&&)*\s*$/.test(gap);
}
