// Every way a gitops-guard command can end: one exit code per kind of outcome, and one machine-readable
// failure. With --json, a failing command prints {"ok": false, "error": {"code", "message", "next"}}
// on stdout (one object, as on success), whatever failed. The table is docs/cli.md's; a test holds
// them to each other. deploy, status and every other command reach it by throwing (errors.ts,
// remote/, gitops/) or through CliError.

/** Exit codes. 0 and 2 keep their meaning for agent hosts: 0 lets a command run, 2 blocks it. */
export const EXIT = {
  ok: 0,
  allow: 0,
  /** Usage or config error: a wrong option, a config or rule file that does not validate. */
  usage: 1,
  config: 1,
  /** The policy denies (check); also any unexpected failure, so that a crash blocks. */
  deny: 2,
  internal: 2,
  /** The policy wants a person to decide (check). */
  ask: 3,
  /** The server cannot be reached, or its host key is unknown, changed or revoked. */
  unreachable: 4,
  /** git or the repository refused (behind, wrong branch, push refused, nothing to deploy). */
  refused: 5,
  /** The compose files or the rule examples do not validate. */
  invalid: 6,
  /** Pushed, but the server has not applied the commit yet. */
  pending: 7,
  /** Applied but not healthy, or a check found a problem (doctor: a hook is not live). */
  failed: 8,
} as const;

export type ErrorCode = 'usage' | 'config' | 'unreachable' | 'host-key' | 'refused' | 'validation' | 'pending' | 'unhealthy'
  | 'not-live' | 'internal';

const EXIT_OF: Readonly<Record<ErrorCode, number>> = {
  usage: EXIT.usage, config: EXIT.config, unreachable: EXIT.unreachable, 'host-key': EXIT.unreachable,
  refused: EXIT.refused, validation: EXIT.invalid, pending: EXIT.pending, unhealthy: EXIT.failed, 'not-live': EXIT.failed,
  internal: EXIT.internal,
};

/** What to do next, when the message itself does not say. */
const NEXT_OF: Readonly<Record<ErrorCode, string>> = {
  usage: 'run the command with --help',
  config: 'fix the file the message names, then run again (gitops-guard doctor checks the setup)',
  unreachable: 'check that ssh reaches the host, then run gitops-guard doctor',
  'host-key': 'check the fingerprint with the server\'s admin, then add the key as the message says',
  refused: 'do what the message says, then run the command again',
  validation: 'run gitops-guard validate and fix each problem it lists',
  pending: 'run gitops-guard status until the server shows the commit',
  unhealthy: 'run gitops-guard status and gitops-guard logs SERVICE',
  'not-live': 'run gitops-guard doctor and follow each fix it prints',
  internal: 'this is a bug in gitops-guard: report it with the message',
};

/** A failure a person can act on, with its code and, where known, the next step. */
export class CliError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly next?: string) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string): CliError => new CliError('usage', message);

/** A command that asks the servers, for an environment with none. */
export const noHost = (environment: string): CliError => new CliError('config', environment === 'default'
  ? 'no server configured: set "host" in gitops-guard.json (an ssh destination)'
  : `no server configured for environment "${environment}": set its "host" or "hosts" in gitops-guard.json`);

export interface Failure {
  readonly code: ErrorCode;
  readonly message: string;
  readonly next: string;
  readonly exit: number;
  /** A person can act on it (else it is a crash, reported with its stack). */
  readonly known: boolean;
}

/** "… run git pull --rebase, then …" → "git pull --rebase". */
function nextFromMessage(message: string): string | undefined {
  const m = /\b(?:run|use) ((?:git|gitops-guard|ssh|ssh-add|ssh-keyscan|npm|npx) [^;:()]+?)(?:,? then\b|[.;]|$)/m.exec(message);
  return m?.[1]?.trim();
}

/** Classify anything thrown by a command. By name, not class: the executable is two bundles. */
export function failureOf(e: unknown): Failure {
  const err = e instanceof Error ? e : new Error(String(e));
  const name = err.name;
  const any = err as Error & { code?: unknown; kind?: unknown; step?: unknown; next?: unknown };
  const message = err.message.trim();
  let code: ErrorCode | undefined;
  if (err instanceof CliError || name === 'CliError') code = any.code as ErrorCode;
  else if (typeof any.code === 'string' && any.code.startsWith('ERR_PARSE_ARGS')) code = 'usage';
  else if (['ConfigError', 'RuleError', 'InstallError', 'UnsafeValue'].includes(name)) code = 'config';
  else if (name === 'SshError') {
    code = any.kind === 'config' || any.kind === 'key' ? 'config'
      : ['unknown-host-key', 'changed-host-key', 'revoked-host-key'].includes(String(any.kind)) ? 'host-key' : 'unreachable';
  } else if (name === 'KubeError') code = any.kind === 'network' ? 'unreachable' : 'config';
  else if (name === 'ServerError') code = /^no server configured/.test(err.message) ? 'config' : 'unreachable';
  // simple-git's GitError (minified, so known by its `task`): git itself said no (not a repository, …).
  else if (name === 'GitError' || ('task' in err && /^(fatal|error): /.test(err.message))) code = 'refused';
  else if (name === 'GitOpsError') {
    code = any.step === 'validate' || /compose files are not valid/.test(err.message) ? 'validation'
      : any.step === 'wait' ? 'pending'
        : any.step === 'fetch' && /^git fetch .* failed/.test(err.message) ? 'unreachable' : 'refused';
  }
  const known = code !== undefined;
  const c: ErrorCode = code ?? 'internal';
  const next = typeof any.next === 'string' && any.next ? any.next : nextFromMessage(err.message) ?? NEXT_OF[c];
  return { code: c, message: known ? message : `internal error, blocking to stay safe: ${message}`, next, exit: EXIT_OF[c], known };
}

/** The one JSON object a failing command prints with --json. */
export function failureJson(f: Failure): string {
  return JSON.stringify({ ok: false, error: { code: f.code, message: f.message, next: f.next } }, null, 2) + '\n';
}

/** The exit code of an error code (for commands that report a failure without throwing). */
export const exitOf = (code: ErrorCode): number => EXIT_OF[code];

/** Whether a command's arguments ask for JSON (only options count: not what follows `--`). */
export function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).includes('--json');
}
