// Whether a package manager's command adds, removes, replaces or relinks gitops-guard itself
// (grammars/writes.ts PACKAGE_CHANGES): the hooks run that package, so a person decides.
import { GUARD_PACKAGE, PACKAGE_CHANGES } from '../shell/grammars/writes.js';
import type { Invocation } from '../shell/invocation.js';

/** Does this invocation change the installed gitops-guard package? A computed operand counts when the subcommand changes packages. */
export function changesGuardPackage(inv: Invocation): boolean {
  const subs = inv.program === null ? undefined : PACKAGE_CHANGES[inv.program];
  if (!subs) return false;
  const words = inv.argv.slice(1).map((w) => w.value);
  // The first word that is such a subcommand (an option's value before it, `--prefix DIR`, is skipped
  // over; a later value that names gitops-guard reads as an operand, which errs towards asking).
  const at = words.findIndex((w) => w !== null && subs.includes(w));
  if (at < 0) return false;
  return words.slice(at + 1).some((w) => w !== null && !w.startsWith('-') && GUARD_PACKAGE.test(w));
}
