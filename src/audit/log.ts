// The audit log: every deny and ask a hook answers, and every trust decision, as one JSON line in
// $XDG_STATE_HOME/gitops-guard/audit.jsonl (~/.local/state when unset).
//
// Many hooks run at once (agents run tool calls in parallel). Each record is written with one
// write(2) on a descriptor opened with O_APPEND, so the kernel places it at the end as a whole and
// records never interleave. At the size limit the file is renamed to a name of its own
// (audit.<time>-<pid>.jsonl) and the next writer starts a new one: a writer that still holds the old
// descriptor appends to the renamed file, so nothing is lost; only the oldest rotated files are
// removed. Writing never throws and never waits: a log that cannot be written is said once on
// stderr, and the hook goes on.
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { guardDirs } from '../policy/guarded.js';

export interface AuditRecord {
  /** ISO time. */
  readonly time: string;
  /** The agent host (claude, codex, …), `cli` for a person's command. */
  readonly host: string;
  readonly session?: string;
  readonly cwd: string;
  readonly command?: string;
  readonly file?: string;
  /** deny, ask, or for trust records trust / revoke. */
  readonly decision: 'deny' | 'ask' | 'trust' | 'revoke';
  readonly rules: readonly string[];
  /** The first line of the reason. */
  readonly reason?: string;
}

export const AUDIT_FILE = 'audit.jsonl';
/** Rotate once the log is this large (GITOPS_GUARD_AUDIT_MAX_BYTES). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Rotated files kept besides the current one (GITOPS_GUARD_AUDIT_KEEP). */
export const KEEP_ROTATED = 3;
/** A command or path longer than this is cut, so that a record stays one small write. */
const MAX_FIELD = 4096;

export function auditDir(env: NodeJS.ProcessEnv = process.env): string {
  return guardDirs(env).state;
}

const cut = (s: string | undefined): string | undefined =>
  (s === undefined || s.length <= MAX_FIELD ? s : `${s.slice(0, MAX_FIELD)}… (${s.length} characters)`);

/** The record as the line written: one JSON object and a newline. */
export function auditLine(r: AuditRecord): string {
  return JSON.stringify({ ...r, command: cut(r.command), file: cut(r.file), reason: cut(r.reason) }) + '\n';
}

function maxBytes(env: NodeJS.ProcessEnv): number {
  const n = Number(env.GITOPS_GUARD_AUDIT_MAX_BYTES);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_MAX_BYTES;
}

/** Rotated files, oldest first (their names sort by time). */
export function rotatedFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => /^audit\.\d+-\d+\.jsonl$/.test(n)).sort().map((n) => join(dir, n));
  } catch {
    return [];
  }
}

function keep(env: NodeJS.ProcessEnv): number {
  const v = env.GITOPS_GUARD_AUDIT_KEEP;
  const n = v === undefined || v.trim() === '' ? NaN : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : KEEP_ROTATED;
}

function rotate(dir: string, file: string, kept: number): void {
  try {
    const stamp = String(Date.now()).padStart(15, '0');
    renameSync(file, join(dir, `audit.${stamp}-${process.pid}.jsonl`));
  } catch {
    // another writer rotated it first
  }
  const old = rotatedFiles(dir);
  for (const f of old.slice(0, Math.max(0, old.length - kept))) rmSync(f, { force: true });
}

/**
 * Append one record. Returns null when written, else what went wrong (also said on stderr unless
 * `quiet`). Never throws.
 */
export function appendAudit(record: AuditRecord, env: NodeJS.ProcessEnv = process.env, quiet = false): string | null {
  const dir = auditDir(env);
  const file = join(dir, AUDIT_FILE);
  const line = auditLine(record);
  let fd: number | undefined;
  try {
    try {
      fd = openSync(file, 'a', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      fd = openSync(file, 'a', 0o600);
    }
    if (fstatSync(fd).size + line.length > maxBytes(env)) {
      closeSync(fd);
      fd = undefined;
      rotate(dir, file, keep(env));
      fd = openSync(file, 'a', 0o600);
    }
    writeSync(fd, line);
    return null;
  } catch (e) {
    const why = `gitops-guard: could not write the audit log ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the decision stands.`;
    if (!quiet) {
      try {
        // Straight to the descriptor, as the hook's answer is: a hook ends as soon as that is written.
        writeSync(2, why + '\n');
      } catch {
        // nowhere to say it
      }
    }
    return why;
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
  }
}
