#!/usr/bin/env node
// gitops-guard's command line, as ES modules. The installed executable (bin.ts, bundled) runs
// `hook` and `check` itself and hands every other command here; this entry also runs them all on
// its own. Subcommands are loaded on demand. Any unexpected failure blocks: exit 2, the code that
// every agent host treats as "no".
import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from '../paths.js';
import { asksVersion, finish } from './process.js';

interface Command {
  readonly summary: string;
  load(): Promise<{ run(argv: string[]): Promise<number> }>;
}

const COMMANDS: Record<string, Command> = {
  check: { summary: 'classify a shell command: allow, deny or ask, with its GitOps equivalent', load: () => import('./check.js') },
  test: { summary: 'run the rule examples and case files (for your rules in CI)', load: () => import('./test.js') },
  validate: { summary: 'check the compose files: YAML, the Compose schema, and what a schema cannot check', load: () => import('./validate.js') },
  deploy: { summary: 'validate, commit "deploy: …", push, and wait until the server runs it', load: () => import('./deploy.js') },
  history: { summary: 'list deploy commits, with the live one marked', load: async () => ({ run: (await import('./deploy.js')).runHistory }) },
  rollback: { summary: 'git revert a deploy commit, push, and verify', load: async () => ({ run: (await import('./deploy.js')).runRollback }) },
  reconcile: { summary: 'print the reconciler script that applies git on the server', load: () => import('./reconcile.js') },
  server: { summary: 'server install [--apply] | uninstall: print, install or remove over SSH what runs the reconciler every minute (systemd or cron)', load: async () => ({ run: (await import('./reconcile.js')).runServer }) },
  status: { summary: 'show what runs on the server and which commit is live (read-only, over SSH)', load: () => import('./status.js') },
  logs: { summary: "show a service's logs from the server, stdout and stderr apart", load: () => import('./logs.js') },
  mcp: { summary: 'the MCP server for coding agents (stdio): deploy, status, logs, check_command, history, rollback, plan', load: () => import('./mcp.js') },
  init: { summary: 'install the hooks, a starter gitops-guard.json and the MCP server in this project', load: () => import('./init.js') },
  'shell-init': { summary: 'print a bash or zsh snippet that stops forbidden commands typed at the prompt', load: () => import('./shell-init.js') },
  trust: { summary: 'approve what this project\'s config loosens (--revoke, --list); an agent running it is asked about', load: () => import('./trust.js') },
  audit: { summary: 'print the audit log of denies, asks and trust decisions (--since 1h, --json)', load: () => import('./audit.js') },
  hook: { summary: 'the pre-execution filter for an agent host (claude, codex, cursor, gemini, copilot, windsurf, cline)', load: () => import('./hook.js') },
};

function version(): string {
  return (JSON.parse(readFileSync(`${PACKAGE_ROOT}/package.json`, 'utf8')) as { version: string }).version;
}

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: gitops-guard <command> [options]

Keeps coding agents inside a GitOps deployment workflow: git is the single source of truth.

Commands:
${lines.join('\n')}

Options:
  -h, --help     show help (also after a command)
  -V, --version  show the version

Run "gitops-guard <command> --help" for a command's options.
`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(help());
    return name === undefined ? 1 : 0;
  }
  if (name === '-V' || name === '--version' || name === 'version') {
    process.stdout.write(`gitops-guard ${version()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`gitops-guard: unknown command "${name}"\n\n${help()}`);
    return 1;
  }
  if (asksVersion(rest)) {
    process.stdout.write(`gitops-guard ${version()}\n`);
    return 0;
  }
  return (await command.load()).run(rest);
}

finish(main(process.argv.slice(2)));
