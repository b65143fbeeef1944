// Running one hook call: read the host's JSON, classify the shell command, answer in the host's
// protocol. Fail closed: a crash, a timeout, unreadable or malformed input, a broken config — each
// is answered with the host's block, never with a pass.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Verdict } from '../policy/classify.js';
import { decideCommand, type Classify } from '../decide.js';
import type { FileEdit } from './edits.js';
import { HookInputError, type HookAdapter, type HookPart, type Outcome, type Reply } from './types.js';

/**
 * zod, loaded only for input the quick check cannot take. Required rather than imported: the
 * executable runs from a V8 code cache (src/cli/code-cache.ts), where import() has no loader.
 */
const zodV3 = (): typeof import('zod/v3').z => (createRequire(import.meta.url)('zod/v3') as typeof import('zod/v3')).z;

/** Hook input larger than this is refused (a command is at most 64 KiB; the JSON around it is small). */
export const MAX_HOOK_INPUT = 4 * 1024 * 1024;

/** The principle every block restates, from the team's own workflow document. */
export const PRINCIPLE = 'Git is the single source of truth for this deployment: every change is edit → validate → '
  + 'commit "deploy: …" → push, and the server reconciles. Nobody runs docker by hand or edits files on the server; '
  + 'looking over SSH is fine.';

export interface HookOptions {
  /** The directory the hook runs in (the host's cwd field wins when present). */
  readonly cwd: string;
  /** Classify a command (the CLI's one-shot classifier; injectable for tests). */
  readonly classify: Classify;
}

/** Answer one hook call. Never throws: every failure is the host's block. */
export async function answer(adapter: HookAdapter, raw: string, options: HookOptions): Promise<Reply> {
  try {
    if (Buffer.byteLength(raw) > MAX_HOOK_INPUT) {
      return adapter.block(`gitops-guard: blocked: the ${adapter.name} hook input is larger than 4 MiB.`);
    }
    let input: unknown;
    try {
      input = JSON.parse(raw);
    } catch (e) {
      return adapter.block(`gitops-guard: blocked: the ${adapter.name} hook input is not valid JSON (${(e as Error).message}).`);
    }
    const parsed = adapter.quick(input) ?? adapter.parse(input, zodV3());
    if (parsed.kind === 'other') return adapter.reply({ decision: 'allow', reason: '' }, input);
    if (parsed.kind !== 'many') return adapter.reply(await judge(adapter, adapter.can, parsed, input, options), input);
    // Several parts: each is judged (a replacement command cannot stand for the whole call), and
    // the strictest answer is sent.
    const can = { ...adapter.can, rewriteOnAllow: false, rewriteOnAsk: false };
    const outcomes: Outcome[] = [];
    for (const part of parsed.parts) outcomes.push(await judge(adapter, can, part, input, options));
    const strictest = outcomes.find((o) => o.decision === 'deny') ?? outcomes.find((o) => o.decision === 'ask');
    return adapter.reply(strictest ?? { decision: 'allow', reason: '' }, input);
  } catch (e) {
    const what = e instanceof HookInputError ? e.message : `${(e as Error)?.message ?? String(e)}`;
    const reason = `gitops-guard: blocked, because the guard could not decide: ${what}`;
    await audit(adapter, null, options.cwd, {}, 'deny', ['hook-error'], reason).catch(() => undefined);
    return adapter.block(reason);
  }
}


/** One part of a call: a shell command judged by the classifier, a file edit by its paths, or a refusal. */
async function judge(adapter: HookAdapter, can: HookAdapter['can'], part: HookPart, input: unknown,
  options: HookOptions): Promise<Outcome> {
  if (part.kind === 'edit') return judgeEdit(adapter, part.edit, input, options);
  if (part.kind === 'refuse') {
    await audit(adapter, input, options.cwd, { file: part.path }, 'deny', [part.rule], part.reason);
    return { decision: 'deny', reason: part.reason };
  }
  return judgeShell(adapter, can, part.call.command, resolve(options.cwd, part.call.cwd ?? '.'), input, options);
}

/** A shell command (or the shell text an edit amounts to), through the classifier. */
async function judgeShell(adapter: HookAdapter, can: HookAdapter['can'], command: string, cwd: string, input: unknown,
  options: HookOptions): Promise<Outcome> {
  const { verdict, config } = await decideCommand(command, cwd, { classify: options.classify });
  const readOnly = verdict.findings.filter((f) => f.decision !== 'allow').every((f) => f.readOnlyRewrite === true);
  const outcome = fit(verdict, readOnly, config.rewriteMode, can, (kind) => explain(kind, verdict));
  if (outcome.decision !== 'allow') {
    await audit(adapter, input, cwd, { command }, outcome.decision, ruleIds(verdict), verdict.reason);
  }
  return outcome;
}

/** A file edit: denied when it writes a guarded file (src/policy/guarded.ts), else untouched. */
async function judgeEdit(adapter: HookAdapter, edit: FileEdit, input: unknown, options: HookOptions): Promise<Outcome> {
  const { editReason, guardedEdit } = await import('./edits.js');
  const cwd = resolve(options.cwd, edit.cwd ?? '.');
  if (edit.unreadable !== undefined) {
    const reason = `gitops-guard: blocked this file edit, because it cannot tell which file it writes (${edit.unreadable}).`;
    await audit(adapter, input, cwd, { file: edit.paths.join(' ') }, 'deny', ['guarded-file'], reason);
    return { decision: 'deny', reason };
  }
  const hit = guardedEdit(edit, cwd);
  if (!hit) {
    // A file the host runs by itself is judged by what the edit writes there, as the same write from the shell.
    const { hostFileWrite } = await import('./host-files.js');
    const write = hostFileWrite(edit, input, cwd);
    if (write === null) return { decision: 'allow', reason: '' };
    const can = { ...adapter.can, rewriteOnAllow: false, rewriteOnAsk: false };
    return judgeShell(adapter, can, write, cwd, input, options);
  }
  const reason = editReason(edit.tool, hit);
  await audit(adapter, input, cwd, { file: hit.path }, 'deny', ['guarded-file'], reason);
  return { decision: 'deny', reason };
}

const ruleIds = (v: Verdict): string[] => [...new Set(v.findings.filter((f) => f.decision !== 'allow').map((f) => f.ruleId))];

/** Fields in which hosts send a session id (Claude, Codex, Gemini: session_id; Copilot: sessionId; Cursor: conversation_id; Cline: taskId; Windsurf: trajectory_id). */
const SESSION_FIELDS = ['session_id', 'sessionId', 'conversation_id', 'taskId', 'trajectory_id'];

/** One audit record for a deny or ask. Never fails the hook (the log says its own failure on stderr). */
async function audit(adapter: HookAdapter, input: unknown, cwd: string, what: { command?: string; file?: string },
  decision: 'deny' | 'ask', rules: string[], reason: string): Promise<void> {
  const { appendAudit } = await import('../audit/log.js');
  const record = input && typeof input === 'object' ? input as Record<string, unknown> : {};
  const session = SESSION_FIELDS.map((f) => record[f]).find((v): v is string => typeof v === 'string' && v !== '');
  appendAudit({
    time: new Date().toISOString(), host: adapter.id, ...(session ? { session } : {}), cwd, ...what, decision, rules,
    reason: reason.split('\n').find((l) => l.trim() !== '') ?? '',
  });
}

/** The text an agent reads: what was blocked, why, and exactly what to run instead. */
export function explain(kind: 'deny' | 'ask' | 'apply', verdict: Verdict): string {
  if (kind === 'apply') {
    return `gitops-guard ran the read-only GitOps equivalent instead: ${verdict.rewrite}\n${PRINCIPLE}`;
  }
  const head = kind === 'ask'
    ? 'gitops-guard needs a person to decide on this command.'
    : 'gitops-guard blocked this command.';
  return `${head} ${PRINCIPLE}\n${verdict.reason}`;
}

/**
 * Read all of a stream, up to a limit (one byte over is enough to refuse it): the hook's input
 * where stdin cannot be read directly without blocking (hooks/stdin.ts).
 */
export async function readInput(stream: NodeJS.ReadableStream, limit = MAX_HOOK_INPUT): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(b);
    size += b.length;
    if (size > limit) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Decide what to send, given what the host can do. */
export function fit(
  verdict: { decision: 'allow' | 'deny' | 'ask'; rewrite?: string; reason: string },
  readOnlyRewrite: boolean,
  mode: 'suggest' | 'ask' | 'apply',
  can: HookAdapter['can'],
  explain: (kind: 'deny' | 'ask' | 'apply') => string,
): Outcome {
  if (verdict.decision === 'allow') return { decision: 'allow', reason: '' };
  const rewrite = verdict.rewrite;
  if (verdict.decision === 'deny' && mode === 'apply' && rewrite && readOnlyRewrite && can.rewriteOnAllow) {
    return { decision: 'allow', reason: explain('apply'), updatedCommand: rewrite };
  }
  const wantsAsk = verdict.decision === 'ask' || mode === 'ask';
  if (wantsAsk && can.ask) {
    return {
      decision: 'ask',
      reason: explain('ask'),
      ...(rewrite && verdict.decision === 'deny' && can.rewriteOnAsk ? { updatedCommand: rewrite } : {}),
    };
  }
  return { decision: 'deny', reason: explain(verdict.decision === 'ask' ? 'ask' : 'deny') };
}
