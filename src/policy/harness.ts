// The rule test harness: every example of every loaded rule, plus case files (`*.cases.yaml`), run
// through the real classifier with the real rule order. Users run it on their own rules in CI.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument, isNode, isSeq } from 'yaml';
// zod's v3 API: a hook loads it in ~13 ms where the v4 API costs ~55 ms (measured), and every
// hook call validates its input.
import { z } from 'zod/v3';
import type { ConfigInput } from '../config.js';
import { findRepoRoot, loadConfig } from '../config-file.js';
import { RuleError } from '../errors.js';
import { createGuard, type Guard } from '../guard.js';
import { remoteAllowRules } from './ruleset.js';
import type { Verdict } from './classify.js';
import { DECISIONS, type Decision, type ExampleMatch, type Rule } from './rules.js';

export interface Failure {
  /** `file:line` and what was tested (`container-restart match`, a case file). */
  readonly where: string;
  readonly command: string;
  readonly expected: string;
  readonly got: string;
}

export interface HarnessResult {
  passed: number;
  failed: number;
  failures: Failure[];
  /** Every example and case in order, passed or not, when the caller asks for them (test reporters). */
  cases?: { readonly where: string; readonly command: string; readonly failure?: Failure }[];
}

const CaseSchema = z.object({
  command: z.string().min(1),
  decision: z.enum(DECISIONS),
  rewrite: z.string().nullable().optional(),
  reason: z.string().optional(),
  /** Rule ids that must be among the findings. */
  rules: z.array(z.string()).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  cwd: z.string().optional(),
  /** The class of issue 10 section 2 the case belongs to ("2.7"): for reports, not for the check. */
  class: z.string().regex(/^\d+(\.\d+)*$/).optional(),
}).strict();
const CaseFileSchema = z.object({
  config: z.record(z.string(), z.unknown()).optional(),
  // An empty list is written `cases: []` (a file of open findings once all are settled); a bare
  // `cases:` is a mistake and stays one.
  cases: z.array(CaseSchema),
}).strict();

interface Expectation {
  decision: Decision;
  rewrite?: string | null;
  reason?: string;
  /** This rule id must (true) or must not (false) be among the findings. */
  rule?: { id: string; present: boolean };
  rules?: string[];
}

function describeVerdict(v: Verdict): string {
  const ids = [...new Set(v.findings.map((f) => `${f.ruleId}:${f.decision}`))];
  return `${v.decision}${v.rewrite !== undefined ? `, rewrite \`${v.rewrite}\`` : ', no rewrite'}`
    + (ids.length > 0 ? ` (findings: ${ids.join(', ')})` : ' (no findings)');
}

function describeExpectation(e: Expectation): string {
  const parts: string[] = [];
  if (e.rule) parts.push(e.rule.present ? `rule ${e.rule.id} to match` : `rule ${e.rule.id} not to match`);
  if (e.rule?.present !== false) parts.push(e.decision);
  if (e.rewrite === null) parts.push('no rewrite');
  else if (e.rewrite !== undefined) parts.push(`rewrite \`${e.rewrite}\``);
  if (e.reason !== undefined) parts.push(`reason containing "${e.reason}"`);
  if (e.rules) parts.push(`findings from ${e.rules.join(', ')}`);
  return parts.join(', ');
}

function check(v: Verdict, e: Expectation): boolean {
  if (e.rule) {
    const present = v.findings.some((f) => f.ruleId === e.rule!.id);
    if (present !== e.rule.present) return false;
    if (!e.rule.present) return true;
  }
  if (v.decision !== e.decision) return false;
  if (e.rewrite === null && v.rewrite !== undefined) return false;
  if (typeof e.rewrite === 'string' && v.rewrite !== e.rewrite) return false;
  if (e.reason !== undefined && !v.reason.includes(e.reason)) return false;
  if (e.rules && !e.rules.every((id) => v.findings.some((f) => f.ruleId === id))) return false;
  return true;
}

/** Guards share the rule list and differ only in config and working directory. */
class Guards {
  private cache = new Map<string, Guard>();
  constructor(private readonly rules: readonly Rule[]) {}
  async get(config: Record<string, unknown>, cwd: string): Promise<Guard> {
    const key = JSON.stringify([config, cwd]);
    let g = this.cache.get(key);
    if (!g) {
      // The directory a case runs in is its project's top, as if the config sat there.
      // A case's own config (as a trusted file would): its remoteAllow entries are tried first.
      const resolved = await loadConfig({ cwd, config: config as ConfigInput, root: cwd });
      g = await createGuard({ resolved, cwd, root: cwd, rules: [...remoteAllowRules(resolved), ...this.rules] });
      this.cache.set(key, g);
    }
    return g;
  }
}

/** Run every example of every rule with the whole rule list. */
export async function runExamples(rules: readonly Rule[], result: HarnessResult = emptyResult()): Promise<HarnessResult> {
  const guards = new Guards(rules);
  for (const rule of rules) {
    const cases: [ExampleMatch, boolean][] = [
      ...rule.examples.match.map((e): [ExampleMatch, boolean] => [e, true]),
      ...rule.examples.not_match.map((e): [ExampleMatch, boolean] => [e, false]),
    ];
    for (const [ex, present] of cases) {
      // Examples run at the top of the project the rules belong to, as an agent's commands do.
      const cwd = ex.cwd ? resolve(rule.dir, ex.cwd) : findRepoRoot(rule.dir) ?? rule.dir;
      const guard = await guards.get(ex.config ?? rule.exampleConfig, cwd);
      const expectation: Expectation = {
        decision: ex.decision ?? rule.decision,
        rule: { id: rule.id, present },
        ...('rewrite' in ex ? { rewrite: ex.rewrite ?? null } : {}),
        ...(ex.reason !== undefined ? { reason: ex.reason } : {}),
      };
      record(result, guard.classify(ex.command), expectation, `${rule.source} ${rule.id} ${present ? 'match' : 'not_match'}`, ex.command);
    }
  }
  return result;
}

/** Run one case file. */
export async function runCaseFile(file: string, rules: readonly Rule[], result: HarnessResult = emptyResult()):
  Promise<HarnessResult> {
  const text = readFileSync(file, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new RuleError(`${file}:${lines.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`);
  }
  const parsed = CaseFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RuleError(`${file}: ${issue.message} (at ${issue.path.join('.')})`);
  }
  const guards = new Guards(rules);
  const seq = doc.get('cases', true);
  const dir = resolve(file, '..');
  for (const [i, c] of parsed.data.cases.entries()) {
    const node = isSeq(seq) ? seq.items[i] : undefined;
    const line = isNode(node) && node.range ? lines.linePos(node.range[0]).line : 0;
    const guard = await guards.get(c.config ?? parsed.data.config ?? {}, c.cwd ? resolve(dir, c.cwd) : dir);
    const expectation: Expectation = {
      decision: c.decision,
      ...(c.rewrite !== undefined ? { rewrite: c.rewrite } : {}),
      ...(c.reason !== undefined ? { reason: c.reason } : {}),
      ...(c.rules !== undefined ? { rules: c.rules } : {}),
    };
    record(result, guard.classify(c.command), expectation, `${file}:${line}`, c.command);
  }
  return result;
}

function record(result: HarnessResult, v: Verdict, e: Expectation, where: string, command: string): void {
  if (check(v, e)) {
    result.passed++;
    result.cases?.push({ where, command });
  } else {
    const failure = { where, command, expected: describeExpectation(e), got: describeVerdict(v) };
    result.failed++;
    result.failures.push(failure);
    result.cases?.push({ where, command, failure });
  }
}

export function emptyResult(): HarnessResult {
  return { passed: 0, failed: 0, failures: [] };
}

/** Split harness paths into rule packs and case files (directories contribute both). */
export function classifyPaths(paths: readonly string[]): { packs: string[]; cases: string[] } {
  const packs: string[] = [];
  const cases: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new RuleError(`${p}: no such file or directory`);
    }
    if (isDir) {
      for (const name of readdirSync(p).sort()) {
        if (/\.cases\.ya?ml$/.test(name)) cases.push(resolve(p, name));
        else if (/\.ya?ml$/.test(name)) packs.push(resolve(p, name));
      }
    } else if (/\.cases\.ya?ml$/.test(p)) {
      cases.push(resolve(p));
    } else {
      packs.push(resolve(p));
    }
  }
  return { packs, cases };
}
