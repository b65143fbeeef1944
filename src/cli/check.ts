// `gitops-guard check [--json] [--config FILE] [--cwd DIR] COMMAND`: classify one command.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config-file.js';
import type { Verdict } from '../policy/classify.js';
import { cannotHideManaged } from '../shell/fastpath.js';
import { EXIT, usageError } from './exit.js';
import { formatVerdict, paint, useColour } from './output.js';

export const usage = `Usage: gitops-guard check [--json] [--config FILE] [--cwd DIR] COMMAND

Classify one shell command as an agent would run it: allow, deny or ask, with the GitOps
equivalent. COMMAND is one argument (quote it); "-" reads it from stdin.

Options:
  --json         print the verdict as JSON
  --config FILE  use this config file instead of the nearest gitops-guard.json
  --cwd DIR      the directory the command runs in (default: the current one)
  -h, --help     show this help

Exit status: 0 allow, 2 deny, 3 ask, 1 usage or config error (docs/cli.md has every code).
`;

/** The verdict for text that cannot contain a managed command (see fastpath.ts; same as guard.ts's). */
const FAST_ALLOW: Verdict = { decision: 'allow', reason: 'Allowed: no managed command is mutated.', findings: [] };

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      config: { type: 'string' },
      cwd: { type: 'string' },
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
  const command = positionals[0] === '-' ? readFileSync(0, 'utf8') : positionals[0]!;
  const cwd = resolve(values.cwd ?? process.cwd());
  const config = await loadConfig({ cwd, ...(values.config !== undefined ? { file: values.config } : {}) });

  let verdict: Verdict;
  if (config.rules.length === 0 && cannotHideManaged(command)) {
    verdict = FAST_ALLOW;
  } else {
    verdict = await (await import('./classify-once.js')).classifyOnce(command, cwd, config.file);
  }
  if (values.json) process.stdout.write(JSON.stringify(verdict, null, 2) + '\n');
  else process.stdout.write(formatVerdict(verdict, paint(useColour(process.stdout))) + '\n');
  return EXIT[verdict.decision];
}
