// How a gitops-guard process starts and ends, shared by the two entry points (main.ts, bin.ts).
import { failureJson, failureOf, wantsJson } from './exit.js';

/** Whether a command's arguments ask for the version (only options count: not what follows `--`). */
export function asksVersion(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  return options.includes('--version') || options.includes('-V');
}

/**
 * Set the exit code from a command's result. Errors a person can act on exit with their kind's code
 * (exit.ts) and their message; anything unexpected exits 2, the code every agent host treats as
 * "no", so that a crash blocks. With --json the failure is also one JSON object on stdout.
 * `done`: the command's output is all written, and the process may end as soon as it returns.
 */
export function finish(result: Promise<number>, argv: readonly string[] = process.argv.slice(2), done?: () => boolean): void {
  // A hook that cannot deliver its answer fails closed; any other command just stops.
  quietOnClosedPipe(argv[0] === 'hook' ? 2 : 0);
  result.then(
    (code) => {
      process.exitCode = code;
      // A one-shot command whose output is all written ends now: a natural end would first wait for
      // V8's background work (optimizing compiles the run queued) and free the heap, a few
      // milliseconds of every hook call that no one waits for.
      if (done?.()) process.exit(code);
    },
    (e: unknown) => {
      const f = failureOf(e);
      if (wantsJson(argv)) process.stdout.write(failureJson(f));
      const help = f.code === 'usage' && typeof (e as { usage?: unknown })?.usage === 'string' ? `\n${(e as { usage: string }).usage}` : '';
      process.stderr.write(f.known ? `gitops-guard: ${f.message}\n${help}`
        // A bug, not the user's situation: the stack only on request (it helps a report, not a user).
        : `gitops-guard: ${f.message}\n${process.env.GITOPS_GUARD_DEBUG === '1' ? `${(e as Error)?.stack ?? ''}\n` : '(set GITOPS_GUARD_DEBUG=1 to see where)\n'}`);
      process.exitCode = f.exit;
    },
  );
}

/** Run a command; a usage error carries the command's usage text, which finish prints after it. */
export async function withUsage(run: (argv: string[]) => Promise<number>, usage: string | undefined, argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (e) {
    if (usage !== undefined && e instanceof Error && failureOf(e).code === 'usage') Object.assign(e, { usage });
    throw e;
  }
}

/**
 * What no promise catches. A reader that stops early (`gitops-guard completion bash | head`) is not
 * an error: end quietly, a hook still failing closed. Anything else is a crash, and a crash exits 2
 * like the rejections above. (Listening here, not on process.stdout and process.stderr, keeps a cold
 * hook from building a stream it never writes to.)
 */
function quietOnClosedPipe(fallback: number): void {
  process.on('uncaughtException', (e: NodeJS.ErrnoException) => {
    if (e?.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : fallback);
    try { process.stderr.write(`gitops-guard: internal error: ${e?.stack ?? String(e)}\n`); } catch { /* stderr is gone too */ }
    process.exit(2);
  });
}
