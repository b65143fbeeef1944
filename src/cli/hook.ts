// `gitops-guard hook HOST`: the pre-execution filter an agent host runs before each shell command.
// Reads the host's JSON on stdin, answers in the host's protocol. Every failure blocks, including a
// wrong host name and running out of time (GITOPS_GUARD_HOOK_TIMEOUT_MS, default 10 s).
import { appendAudit } from '../audit/log.js';
import { HOSTS, loadAdapter } from '../hooks/load.js';
import { answer, MAX_HOOK_INPUT, readInput } from '../hooks/run.js';
import { allWritten, writeAll } from '../hooks/output.js';
import { readStdinSync, TIMED_OUT } from '../hooks/stdin.js';
import type { Reply } from '../hooks/types.js';

export const usage = `Usage: gitops-guard hook HOST < hook-input.json

The pre-execution filter for an agent host. HOST is one of: ${HOSTS.join(', ')}.
Reads the host's hook JSON on stdin and answers in that host's protocol. Anything that goes wrong
(bad input, a broken config, a crash, a timeout) blocks the command.
Install it with "gitops-guard init".

Environment:
  GITOPS_GUARD_HOOK_TIMEOUT_MS  give up (and block) after this long (default 10000)
`;

/** The answer is written, all of it straight to its descriptors: the process may end at once. */
let delivered = false;
export const answered = (): boolean => delivered && allWritten();

/** Deliver the answer; one the host can no longer read blocks (exit 2), whatever it said. */
function write(reply: Reply): number {
  const out = reply.stdout ? writeAll(1, reply.stdout) : true;
  const err = reply.stderr ? writeAll(2, reply.stderr) : true;
  delivered = true;
  return out && err ? reply.exit : 2;
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  const [host, ...extra] = argv;
  const adapter = host === undefined ? undefined : await loadAdapter(host);
  if (!adapter || extra.length > 0) {
    // A misconfigured hook must still block: most hosts let the command run on any exit but 2.
    process.stderr.write(`gitops-guard hook: blocked: ${host === undefined ? 'no host named' : `unknown host "${[host, ...extra].join(' ')}"`}\n\n${usage}`);
    return 2;
  }
  const wanted = Number(process.env.GITOPS_GUARD_HOOK_TIMEOUT_MS ?? 10_000);
  const timeoutMs = Number.isFinite(wanted) && wanted > 0 ? wanted : 10_000;
  let settled = false;
  const timedOut = (): number => {
    settled = true;
    const reason = `gitops-guard: blocked: no decision within ${timeoutMs} ms.`;
    appendAudit({ time: new Date().toISOString(), host: adapter.id, cwd: process.cwd(), decision: 'deny', rules: ['hook-timeout'], reason });
    return write(adapter.block(reason));
  };
  const deadline = Date.now() + timeoutMs;
  const timer = setTimeout(() => {
    if (settled) return;
    process.exitCode = timedOut();
    process.exit();
  }, timeoutMs);
  try {
    const direct = readStdinSync(MAX_HOOK_INPUT, deadline);
    if (direct === TIMED_OUT) return timedOut();
    const raw = direct ?? await readInput(process.stdin);
    const reply = await answer(adapter, raw, {
      cwd: process.cwd(),
      classify: async (...args) => (await import('./classify-once.js')).classifyOnce(...args),
    });
    if (settled) return process.exitCode as number;
    // A decision reached past the deadline (work that never yielded to the timer) is not given: the limit ran out.
    if (Date.now() >= deadline) return timedOut();
    settled = true;
    return write(reply);
  } finally {
    clearTimeout(timer);
  }
}
