// `gitops-guard audit [--since 1h] [--json]`: print the audit log (src/audit/log.ts): every deny and
// ask the hooks answered, and every trust decision, oldest first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AUDIT_FILE, auditDir, rotatedFiles, type AuditRecord } from '../audit/log.js';

export const usage = `Usage: gitops-guard audit [--since DURATION|TIME] [--json]

Print the audit log: each deny and ask an agent's hook answered (time, host, session, directory,
command or file, decision, rule ids) and each trust decision, oldest first. The log is
${'$'}XDG_STATE_HOME/gitops-guard/audit.jsonl (~/.local/state when unset), rotated at 5 MiB
(GITOPS_GUARD_AUDIT_MAX_BYTES); the last rotated files are read too.

Options:
  --since D   only records newer than D: 30s, 10m, 1h, 2d, or an ISO time
  --json      print the records as a JSON array
  -h, --help  show this help
`;

/** The cut-off time for `--since`, or an error message. */
export function sinceTime(value: string, now = Date.now()): number | string {
  const m = /^(\d+(?:\.\d+)?)(s|m|h|d)$/.exec(value.trim());
  if (m) return now - Number(m[1]) * { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3 }[m[2] as 's' | 'm' | 'h' | 'd'];
  const t = Date.parse(value);
  return Number.isNaN(t) ? `--since: expected a duration (30s, 10m, 1h, 2d) or an ISO time, got "${value}"` : t;
}

/** Every record in the log and its rotated files, oldest first; lines that do not parse are skipped and counted. */
export function readAudit(dir = auditDir()): { records: AuditRecord[]; bad: number } {
  const records: AuditRecord[] = [];
  let bad = 0;
  for (const file of [...rotatedFiles(dir), join(dir, AUDIT_FILE)]) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (line === '') continue;
      try {
        records.push(JSON.parse(line) as AuditRecord);
      } catch {
        bad++;
      }
    }
  }
  return { records, bad };
}

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { since: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    process.stderr.write(`gitops-guard audit: ${(e as Error).message}\n\n${usage}`);
    return 1;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  let since = -Infinity;
  if (values.since !== undefined) {
    const t = sinceTime(values.since);
    if (typeof t === 'string') {
      process.stderr.write(`gitops-guard audit: ${t}\n`);
      return 1;
    }
    since = t;
  }
  const { records, bad } = readAudit();
  const shown = records.filter((r) => Date.parse(r.time) >= since);
  if (values.json) {
    process.stdout.write(JSON.stringify(shown, null, 2) + '\n');
  } else if (shown.length === 0) {
    process.stdout.write(`No audit records${values.since ? ` since ${values.since}` : ''} in ${auditDir()}.\n`);
  } else {
    for (const r of shown) {
      const what = r.command !== undefined ? r.command : r.file !== undefined ? `file ${r.file}` : '';
      const rules = r.rules.length > 0 ? ` [${r.rules.join(', ')}]` : '';
      process.stdout.write(`${r.time}  ${r.host}${r.session ? `/${r.session}` : ''}  ${r.decision.toUpperCase()}${rules}  ${what}  (in ${r.cwd})\n`);
    }
  }
  if (bad > 0) process.stderr.write(`gitops-guard audit: ${bad} line(s) that are not JSON were skipped.\n`);
  return 0;
}
