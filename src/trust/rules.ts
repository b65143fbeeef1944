// Which of a project's own rules loosen the policy. A project's rules are tried before the built-in
// ones and the first match decides, so a rule of the project's that allows (or asks about) what a
// built-in rule denies (or asks about) lets more through. Whether two rules can match the same
// invocation is decided from their match specs alone, erring towards "they can": every rule that
// could shadow a stricter built-in rule counts as loosening (a sound over-approximation).
import type { Decision, Match, Rule } from '../policy/rules.js';

const STRICTNESS: Record<Decision, number> = { allow: 0, ask: 1, deny: 2 };

interface PathSpec { readonly words: string[]; readonly exact: boolean }

const pathSpecs = (m: Match): PathSpec[] | null => m.path?.map((p) => {
  const exact = p.endsWith('$');
  return { words: (exact ? p.slice(0, -1) : p).trim().split(/\s+/).filter(Boolean), exact };
}) ?? null;

/** Can one subcommand path satisfy both patterns? (`*` is any word; `$` fixes the length.) */
function pathsMeet(a: PathSpec, b: PathSpec): boolean {
  const n = Math.min(a.words.length, b.words.length);
  for (let i = 0; i < n; i++) {
    const x = a.words[i]!;
    const y = b.words[i]!;
    if (x !== '*' && y !== '*' && x !== y) return false;
  }
  if (a.exact && b.exact) return a.words.length === b.words.length;
  if (a.exact) return a.words.length >= b.words.length;
  if (b.exact) return b.words.length >= a.words.length;
  return true;
}

const meets = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined) =>
  a === undefined || b === undefined || a.some((x) => b.includes(x));

/** Could one invocation match both specs? False only when that is certain. */
export function mayOverlap(a: Match, b: Match): boolean {
  // An event rule matches only the parser's events; any other rule only real invocations.
  if ((a.event === undefined) !== (b.event === undefined)) return false;
  if (!meets(a.event, b.event)) return false;
  if (a.target !== 'any' && b.target !== 'any' && a.target !== b.target) return false;
  if (!meets(a.program, b.program)) return false;
  const pa = pathSpecs(a);
  const pb = pathSpecs(b);
  if (pa && pb && !pa.some((x) => pb.some((y) => pathsMeet(x, y)))) return false;
  // A fact one requires and the other forbids; flags one requires (any of) all forbidden by the other.
  if (a.facts?.some((f) => b.not_facts?.includes(f)) || b.facts?.some((f) => a.not_facts?.includes(f))) return false;
  if (a.flags && b.not_flags && a.flags.every((f) => b.not_flags!.includes(f))) return false;
  if (b.flags && a.not_flags && b.flags.every((f) => a.not_flags!.includes(f))) return false;
  return true;
}

export interface LooseRule {
  readonly rule: Rule;
  /** What it loosens, for a person. */
  readonly what: string;
}

/**
 * The project's rules that loosen: those that may shadow a stricter built-in rule, and, where hooks
 * apply rewrites in place, those that mark a rewrite read-only (apply mode would run it instead of
 * the command).
 */
export function looseRules(user: readonly Rule[], builtin: readonly Rule[], rewriteMode: string): LooseRule[] {
  const out: LooseRule[] = [];
  for (const u of user) {
    const shadowed = builtin.filter((b) => STRICTNESS[b.decision] > STRICTNESS[u.decision] && mayOverlap(u.match, b.match));
    if (shadowed.length > 0) {
      const ids = shadowed.slice(0, 3).map((b) => b.id).join(', ') + (shadowed.length > 3 ? `, … (${shadowed.length})` : '');
      out.push({ rule: u, what: `rule "${u.id}" (${u.source}) would ${u.decision} what ${ids} ${shadowed.some((b) => b.decision === 'deny') ? 'denies' : 'asks about'}` });
    } else if (rewriteMode === 'apply' && u.equivalent?.read_only && u.equivalent.rewrite) {
      out.push({ rule: u, what: `rule "${u.id}" (${u.source}) marks its rewrite read-only, which apply mode runs in place of the command` });
    }
  }
  return out;
}
