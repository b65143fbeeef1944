// The subcommands of the command line, each loaded on demand (main.ts runs them; completion.ts lists them).
export interface Command {
  readonly summary: string;
  load(): Promise<{ run(argv: string[]): Promise<number>; usage?: string }>;
}

export const COMMANDS: Record<string, Command> = {
  check: { summary: 'classify a shell command: allow, deny or ask, with its GitOps equivalent', load: () => import('./check.js') },
  test: { summary: 'run the rule examples and case files (for your rules in CI)', load: () => import('./test.js') },
  validate: { summary: 'check the compose files: YAML, the Compose schema, and what a schema cannot check', load: () => import('./validate.js') },
  deploy: { summary: 'validate, commit "deploy: …", push, and wait until the server runs it', load: () => import('./deploy.js') },
  plan: { summary: 'what a deploy would carry now: not pushed, not applied, not committed (read-only)', load: () => import('./plan.js') },
  history: { summary: 'list deploy commits, with the live one marked', load: async () => { const m = await import('./deploy.js'); return { run: m.runHistory, usage: m.historyUsage }; } },
  rollback: { summary: 'git revert a deploy commit, push, and verify', load: async () => { const m = await import('./deploy.js'); return { run: m.runRollback, usage: m.rollbackUsage }; } },
  reconcile: { summary: 'print the reconciler script that applies git on the server', load: () => import('./reconcile.js') },
  server: { summary: 'server install [--apply] | uninstall: print, install or remove over SSH what runs the reconciler every minute (systemd or cron)', load: async () => { const m = await import('./reconcile.js'); return { run: m.runServer, usage: m.serverUsage }; } },
  environments: { summary: 'each environment: its branch head, and each host\'s live commit, how far behind, and health (read-only)', load: () => import('./environments.js') },
  promote: { summary: 'give environment TO the commit FROM runs healthy: a fast-forward push of TO\'s branch, then wait like deploy', load: () => import('./promote.js') },
  status: { summary: 'show what runs on the server and which commit is live (read-only, over SSH)', load: () => import('./status.js') },
  logs: { summary: "show a service's logs from the server, stdout and stderr apart", load: () => import('./logs.js') },
  mcp: { summary: 'the MCP server for coding agents (stdio): deploy, status, logs, check_command, history, rollback, plan, environments, promote', load: () => import('./mcp.js') },
  init: { summary: 'install the hooks, a starter gitops-guard.json and the MCP server in this project', load: () => import('./init.js') },
  doctor: { summary: 'run each installed hook with a forbidden and a benign probe; check config, server and reconciler', load: () => import('./doctor.js') },
  uninstall: { summary: 'remove exactly what init added, keeping everything else', load: () => import('./uninstall.js') },
  'shell-init': { summary: 'print a bash, zsh or fish snippet that stops forbidden commands typed at the prompt', load: () => import('./shell-init.js') },
  completion: { summary: 'print shell completion for gitops-guard (bash or zsh)', load: () => import('./completion.js') },
  trust: { summary: 'approve what this project\'s config loosens (--revoke, --list); an agent running it is asked about', load: () => import('./trust.js') },
  audit: { summary: 'print the audit log of denies, asks and trust decisions (--since 1h, --json)', load: () => import('./audit.js') },
  hook: { summary: 'the pre-execution filter for an agent host (claude, codex, cursor, gemini, copilot, windsurf, cline)', load: () => import('./hook.js') },
};

