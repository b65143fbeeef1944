// `gitops-guard check [--json] [--config FILE] [--cwd DIR] COMMAND`: classify one command.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { decideCommand } from '../decide.js';
import { EXIT, usageError } from './exit.js';
import { guardlessShell } from './prompt-shells.js';
import { touchesGuardState } from './prompt-state.js';
import type { Verdict } from '../policy/classify.js';
import { formatVerdict, paint, useColour } from './output.js';

export const usage = `Usage: gitops-guard check [--json] [--config FILE] [--cwd DIR] COMMAND

Classify one shell command as an agent would run it: allow, deny or ask, with the GitOps
equivalent. COMMAND is one argument (quote it); "-" reads it from stdin.

Options:
  --json         print the verdict as JSON
  --config FILE  use this config file instead of the nearest gitops-guard.json
  --cwd DIR      the directory the command runs in (default: the current one)
  --prompt       the check of a command typed at a guarded prompt (shell-init): the user's own
                 home and config, cache and state directories, whatever the prompt's HOME and
                 XDG_* variables say
  -h, --help     show this help

Exit status: 0 allow, 2 deny, 3 ask, 1 usage or config error (docs/cli.md has every code).
`;


export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      config: { type: 'string' },
      cwd: { type: 'string' },
      prompt: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (positionals.length !== 1) {
    throw usageError(`check: expected one COMMAND argument, got ${positionals.length}${positionals.length > 1 ? ' (quote the command)' : ''}`);
  }
  if (values.prompt) fromPasswd();
  const command = positionals[0] === '-' ? readFileSync(0, 'utf8') : positionals[0]!;
  const cwd = resolve(values.cwd ?? process.cwd());
  const decided = await decideCommand(command, cwd, values.config !== undefined ? { configFile: values.config } : {});
  const verdict = values.prompt ? atPrompt(command, decided.verdict) : decided.verdict;
  if (values.json) process.stdout.write(JSON.stringify(verdict, null, 2) + '\n');
  else process.stdout.write(formatVerdict(verdict, paint(useColour(process.stdout))) + '\n');
  return EXIT[verdict.decision];
}

/**
 * At a guarded prompt the environment is the agent's: a HOME or XDG_* of its choosing would pick the
 * trust file, the user-level config and the config cache the check believes. Take the home directory
 * from the user database instead and the XDG defaults under it.
 */
function fromPasswd(): void {
  process.env.HOME = userInfo().homedir;
  for (const v of ['XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME', 'XDG_DATA_HOME']) delete process.env[v];
}

/**
 * At a guarded prompt, a shell started without the guard (prompt-shells.ts) and a line that reaches
 * the guard's own state (prompt-state.ts) are a person's decision.
 */
function atPrompt(command: string, verdict: Verdict): Verdict {
  if (verdict.decision !== 'allow') return verdict;
  const shell = guardlessShell(command);
  const state = shell === null ? touchesGuardState(command) : null;
  if (shell === null && state === null) return verdict;
  const message = shell !== null ? `${shell}: what is typed in it is not checked. A person has to decide, not the agent.`
    : `${state}, which can switch the shell guard off for this session. A person has to decide, not the agent.`;
  const ruleId = shell !== null ? 'guard-self-prompt-shell' : 'guard-self-prompt-state';
  return {
    decision: 'ask', reason: message,
    findings: [{ ruleId, decision: 'ask', message, text: command, start: 0, end: command.length, target: 'local', via: [] }],
  };
}
