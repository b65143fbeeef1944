// `gitops-guard uninstall`: take out exactly what `init` put in (src/install/plan.ts): our hook
// entries, our MCP entries, and files that held nothing else. Everything else in those files stays,
// comments and formatting included. gitops-guard.json stays: it is the team's policy.
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { findRepoRoot } from '../config-file.js';
import { ADAPTERS } from '../hooks/index.js';
import { applyChanges, diff, installedAgents, planUninstall } from '../install/plan.js';
import { CliError, EXIT, usageError } from './exit.js';

export const usage = `Usage: gitops-guard uninstall [--agent NAME]... [--yes] [--dry-run] [--json] [--cwd DIR]

Remove what "gitops-guard init" added: the gitops-guard hook entries and MCP server entries, and
the files that held nothing else (.github/hooks/gitops-guard.json, .clinerules/hooks/PreToolUse).
Everything else in those files is kept as it was. gitops-guard.json is kept (delete it yourself if
you mean to), and so are the trust entries in your home directory. Shows what it will change and
asks first; all files are changed or none.

Options:
  --agent NAME  only this host (repeatable; default: every host whose settings run gitops-guard)
  -y, --yes     change without asking
  --dry-run     show what would change, change nothing
  --json        print the outcome as one JSON object (needs --yes or --dry-run)
  --cwd DIR     the project (default: the git work tree around the current directory)
  -h, --help    show this help
`;

export async function run(argv: string[]): Promise<number> {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      agent: { type: 'string', multiple: true }, yes: { type: 'boolean', short: 'y' }, 'dry-run': { type: 'boolean' },
      json: { type: 'boolean' }, cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help) { process.stdout.write(usage); return 0; }
  const unknown = (v.agent ?? []).filter((a) => !(a in ADAPTERS));
  if (unknown.length > 0) throw usageError(`unknown agent ${unknown.map((a) => `"${a}"`).join(', ')}; known: ${Object.keys(ADAPTERS).join(', ')}`);
  const cwd = resolve(v.cwd ?? process.cwd());
  const root = findRepoRoot(cwd) ?? cwd;
  const agents = v.agent?.length ? [...new Set(v.agent)] : installedAgents(root);
  const plan = planUninstall(root, agents);
  if (plan.problems.length > 0) {
    throw new CliError('config', `nothing was changed, because:\n  ${plan.problems.join('\n  ')}`, 'fix or edit that file by hand, then run gitops-guard uninstall again');
  }
  const dry = Boolean(v['dry-run']);
  const files = plan.changes.map((c) => c.file);
  if (v.json) {
    if (!dry && files.length > 0 && !v.yes) throw usageError('with --json, uninstall changes files only with --yes (or use --dry-run)');
    if (!dry) applyChanges(root, plan.changes);
    process.stdout.write(JSON.stringify({ ok: true, root, agents, changes: files, removed: plan.changes.filter((c) => c.after === undefined).map((c) => c.file), dryRun: dry }, null, 2) + '\n');
    return 0;
  }
  const out = (s: string): void => { process.stdout.write(s + '\n'); };
  out(`gitops-guard uninstall in ${root}${agents.length ? ` for ${agents.join(', ')}` : ''}`);
  if (plan.changes.length === 0) { out('Nothing to remove.'); return 0; }
  for (const c of plan.changes) out(diff(c.file, c.before, c.after));
  if (dry) { out(`Dry run: ${files.length} file(s) would change; nothing was changed.`); return 0; }
  if (!v.yes) {
    if (!process.stdin.isTTY) throw usageError('not a terminal, so not asking; run again with --yes to make these changes');
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    const answer = (await rl.question(`Change ${files.length} file(s)? [y/N] `)).trim();
    rl.close();
    if (!/^y(es)?$/i.test(answer)) { out('Nothing changed.'); return EXIT.usage; }
  }
  applyChanges(root, plan.changes);
  out(`Changed ${files.join(', ')}. gitops-guard.json is kept.`);
  return 0;
}
