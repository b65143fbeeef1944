// From invocations to a verdict: each invocation is judged by the first rule that matches it; the
// command as a whole is as bad as its worst part (deny > ask > allow); rewrites of the offending
// parts are spliced into the original text at their source ranges.
import type { Invocation } from '../shell/invocation.js';
import { RuleIndex, View, type MatchContext } from './match.js';
import { render, renderText, templateValues, type RewriteValues } from './rewrite.js';
import type { Decision, Rule } from './rules.js';

export interface Finding {
  readonly ruleId: string;
  readonly decision: Decision;
  readonly message: string;
  /** The offending text: `input.slice(start, end)`. */
  readonly text: string;
  /** The command that runs, when it was found inside `text` (a script, a wrapper's payload, a string). */
  readonly command?: string;
  readonly start: number;
  readonly end: number;
  /** `local`, or the host the command runs on. */
  readonly target: string;
  /** How it was reached (`sudo`, `bash -c`, `ssh host`, `./deploy.sh`, …). */
  readonly via: readonly string[];
  /** The GitOps equivalent: a command (perhaps with `<placeholders>`), or steps. */
  readonly suggestion?: string;
  /** A runnable replacement for [start, end). */
  readonly rewrite?: string;
  /** The rule says its rewrite only looks, so a hook may run it in place (apply mode). */
  readonly readOnlyRewrite?: true;
  /** What the parser could not see through, for shell events. */
  readonly detail?: string;
}

export interface Verdict {
  readonly decision: Decision;
  /** Written for the agent: what is blocked, why, and what to run instead. */
  readonly reason: string;
  /** The whole command with every offending part replaced, when each has a runnable equivalent. */
  readonly rewrite?: string;
  readonly findings: Finding[];
}

const RANK: Record<Decision, number> = { allow: 0, ask: 1, deny: 2 };

export function worst(a: Decision, b: Decision): Decision {
  return RANK[a] >= RANK[b] ? a : b;
}

export interface Judge {
  readonly index: RuleIndex;
  readonly match: MatchContext;
  readonly values: RewriteValues;
}

export function judge(input: string, invocations: readonly Invocation[], j: Judge): Verdict {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const [i, inv] of invocations.entries()) {
    const view = new View(inv, j.match, () => invocations.slice(0, i), input);
    const rule = j.index.first(view);
    if (!rule) continue;
    const f = finding(input, inv, view, rule, j.values);
    const key = `${f.ruleId}\0${f.start}\0${f.end}\0${f.target}\0${f.detail ?? ''}\0${f.rewrite ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(f);
  }
  let decision: Decision = 'allow';
  for (const f of findings) decision = worst(decision, f.decision);
  const rewrite = decision === 'allow' ? undefined : splice(input, findings);
  return { decision, reason: reasonOf(decision, findings, rewrite), ...(rewrite !== undefined ? { rewrite } : {}), findings };
}

function finding(input: string, inv: Invocation, view: View, rule: Rule, values: RewriteValues): Finding {
  const eq = rule.equivalent;
  let suggestion: string | undefined;
  let rewrite: string | undefined;
  if (rule.decision !== 'allow' && eq) {
    const vars = templateValues(values, view);
    if (eq.rewrite) {
      const r = render(eq.rewrite, vars);
      suggestion = r.text;
      if (r.runnable && inv.spliceable) rewrite = r.text;
    }
    if (eq.steps) {
      const steps = eq.steps.map((s) => renderText(s, vars)).join(' → ');
      suggestion = suggestion ? `${suggestion} (${steps})` : steps;
    }
  }
  return {
    ruleId: rule.id,
    decision: rule.decision,
    message: rule.message.trim(),
    text: input.slice(inv.start, inv.end),
    ...(innerCommand(input, inv) !== undefined ? { command: innerCommand(input, inv)! } : {}),
    start: inv.start,
    end: inv.end,
    target: inv.target.kind === 'local' ? 'local' : inv.target.host,
    via: inv.via,
    ...(suggestion !== undefined ? { suggestion } : {}),
    ...(rewrite !== undefined ? { rewrite } : {}),
    ...(rewrite !== undefined && eq?.read_only ? { readOnlyRewrite: true as const } : {}),
    ...(inv.detail !== undefined ? { detail: inv.detail } : {}),
  };
}

/**
 * Replace each offending range with its rewrite. Only when every non-allowed part has a runnable
 * rewrite, parts sharing a range agree on it, and ranges do not overlap.
 */
function splice(input: string, findings: readonly Finding[]): string | undefined {
  const groups = new Map<string, { start: number; end: number; rewrite: string | undefined; agree: boolean }>();
  for (const f of findings) {
    if (f.decision === 'allow') continue;
    const key = `${f.start}:${f.end}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { start: f.start, end: f.end, rewrite: f.rewrite, agree: true });
    else if (g.rewrite !== f.rewrite) g.agree = false;
  }
  const list = [...groups.values()].sort((a, b) => a.start - b.start);
  for (let i = 0; i < list.length; i++) {
    const g = list[i]!;
    if (!g.agree || g.rewrite === undefined) return undefined;
    const next = list[i + 1];
    if (next && next.start < g.end) return undefined;
  }
  let out = input;
  for (const g of [...list].reverse()) {
    out = out.slice(0, g.start) + group(g.rewrite!, input.slice(0, g.start), input.slice(g.end)) + out.slice(g.end);
  }
  return out;
}

/**
 * A rewrite that is itself a list (`a && b`) keeps its meaning inside `x && …` or `…; y`, but not
 * next to operators that bind differently (`x || …`, `… | y`, `… &`, `! …`): there it is braced.
 */
function group(rewrite: string, before: string, after: string): string {
  if (!/&&|\|\||;|\|/.test(rewrite)) return rewrite;
  const prev = before.trimEnd();
  const next = after.trimStart();
  const tight = /(\|\||\||!)$/.test(prev) || /^(\|\||\|(?!\|)|&(?!&))/.test(next);
  return tight ? `{ ${rewrite}; }` : rewrite;
}

function reasonOf(decision: Decision, findings: readonly Finding[], rewrite: string | undefined): string {
  if (decision === 'allow') {
    const allowedBy = [...new Set(findings.map((f) => f.ruleId))];
    return allowedBy.length > 0
      ? `Allowed: read-only or permitted by ${allowedBy.join(', ')}.`
      : 'Allowed: no managed command is mutated.';
  }
  const lines: string[] = [];
  // What blocks comes first: the agent reads the first line as the answer.
  const shown = findings.filter((f) => f.decision !== 'allow').sort((a, b) => RANK[b.decision] - RANK[a.decision]);
  for (const f of shown) {
    const where = f.target === 'local' ? '' : ` on ${f.target}`;
    const detail = f.detail ? ` (${f.detail})` : '';
    const runs = f.command !== undefined ? ` runs \`${clip(f.command)}\`` : '';
    let line = `${f.decision === 'deny' ? 'Blocked' : 'Needs a person'}: \`${clip(f.text)}\`${runs}${where}${detail}. ${f.message} [${f.ruleId}]`;
    if (!rewrite && f.suggestion) line += `\n  Instead: ${f.suggestion}`;
    lines.push(line);
  }
  if (rewrite) lines.push(`Run instead: ${rewrite}`);
  return lines.join('\n');
}

function clip(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ⏎ ');
  return oneLine.length > 160 ? oneLine.slice(0, 157) + '…' : oneLine;
}

/** The invocation's own words, when it was reached inside another command and they are not its text. */
function innerCommand(input: string, inv: Invocation): string | undefined {
  if (inv.event || inv.argv.length === 0 || inv.via.length === 0) return undefined;
  const own = inv.argv.map((w) => w.text).join(' ');
  const outer = input.slice(inv.start, inv.end);
  return outer.includes(own) ? undefined : own;
}
