// How a gitops-guard process starts and ends, shared by the two entry points (main.ts, bin.ts).

/** Errors that carry a message a person can act on (errors.ts, remote/, gitops/). */
const KNOWN_ERRORS = new Set(['ConfigError', 'RuleError', 'SshError', 'ServerError', 'UnsafeValue', 'GitOpsError']);

/** Whether a command's arguments ask for the version (only options count: not what follows `--`). */
export function asksVersion(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  return options.includes('--version') || options.includes('-V');
}

/**
 * Set the exit code from a command's result. Errors a person can act on (usage, config, rules,
 * SSH, git) exit 1 with their message; anything unexpected exits 2, the code every agent host
 * treats as "no", so that a crash blocks.
 */
export function finish(result: Promise<number>): void {
  result.then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      const usageError = typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith('ERR_PARSE_ARGS');
      // By name, not class: the executable is two bundles, each with its own copy of errors.ts.
      const known = e instanceof Error && (usageError || KNOWN_ERRORS.has(e.name));
      if (known) {
        process.stderr.write(`gitops-guard: ${(e as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      // A bug, not the user's situation. The stack only on request: it helps a report, not a user.
      const detail = process.env.GITOPS_GUARD_DEBUG === '1' ? ((e as Error)?.stack ?? String(e))
        : `${(e as Error)?.message ?? String(e)} (set GITOPS_GUARD_DEBUG=1 to see where)`;
      process.stderr.write(`gitops-guard: internal error, blocking to stay safe: ${detail}\n`);
      process.exitCode = 2;
    },
  );
}
