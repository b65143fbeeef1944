// `gitops-guard init`: install the hooks for the agent hosts a project uses, a starter
// gitops-guard.json, and the MCP server in the file each host reads. Edits settings files in place
// (comments and formatting stay), changes nothing on a second run, checks every file before writing
// any and writes all or none, shows a diff and asks first (unless --yes); --dry-run writes nothing.
// Then it says which trust step each host needs before its hook runs (src/install/trust.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { findRepoRoot } from '../config-file.js';
import { ADAPTERS } from '../hooks/index.js';
import { describeInstall, runningExecutable } from '../install/command.js';
import { HOST_FACTS } from '../install/hosts.js';
import { applyChanges, detectAgents, diff, planInit, type InitPlan } from '../install/plan.js';
import { findCodex, trustCodexHooks } from '../install/codex-app.js';
import { codexHookKeys, type TrustCheck } from '../install/trust.js';
import { PACKAGE_ROOT } from '../paths.js';
import { CliError, EXIT, usageError } from './exit.js';
import { paint, useColour } from './output.js';

export const usage = `Usage: gitops-guard init [--agent NAME]... [--host HOST] [--remote-path PATH] [--yes] [--dry-run] [--json]

Install gitops-guard in this project: the pre-execution hook for each agent host it uses (found
from .claude/, .cursor/, .gemini/, .codex/, .github/hooks/, .windsurf/, .clinerules/ …, or named
with --agent), a starter gitops-guard.json, and the MCP server in the file each host reads
(.mcp.json, .cursor/mcp.json, .vscode/mcp.json, .gemini/settings.json; for hosts that read it from
your home directory, the entry is shown, not written). Settings files are edited in place:
comments, order and formatting stay. Every file is checked before any is written, and either all
are written or none. Running it again changes nothing. Shows what it will change and asks first.
Then it says which trust step each host needs before it runs the hook, and on a terminal offers to
add this project's trust entry for you.

Options:
  --agent NAME        ${Object.keys(ADAPTERS).join(', ')} (repeatable; default: detected)
  --host HOST         the server that reconciles deployments (ssh destination)
  --remote-path PATH  the server's checkout of this repository
  --command CMD       how hooks run gitops-guard (default: the project's node_modules/.bin/gitops-guard,
                      else gitops-guard on PATH)
  --cwd DIR           the project (default: the git work tree around the current directory)
  -y, --yes           write without asking
  --dry-run           show what would change, write nothing
  --json              print the outcome as one JSON object (implies no questions)
  -h, --help          show this help

Uninstall with "gitops-guard uninstall"; check that the hooks run with "gitops-guard doctor".
`;

async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

const read = (path: string): string | undefined => { try { return readFileSync(path, 'utf8'); } catch { return undefined; } };

function trustLines(trust: readonly TrustCheck[], p: ReturnType<typeof paint>): string {
  return trust.map((t) => `${t.trusted ? p.green('trusted') : p.yellow('trust needed')}  ${t.gate}: ${t.detail}`
    + (t.trusted ? '' : `\n  The hook does not run until you do this: ${t.step}`)).join('\n');
}

/**
 * Codex trusts each hook by its hash, recorded by its /hooks review. With a codex on the PATH, init
 * can do the same through Codex's app-server, for the gitops-guard hooks only, on the person's yes.
 */
async function offerCodexHookTrust(plan: InitPlan, root: string, ask: (q: string) => Promise<string>, out: (s: string) => void): Promise<void> {
  const gate = plan.trust.find((t) => t.host === 'codex');
  const codex = gate && !gate.trusted ? findCodex(process.env) : undefined;
  if (!codex) return;
  const keys = codexHookKeys(root, read(join(root, '.codex', 'hooks.json')));
  if (keys.length === 0) return;
  const answer = await ask(`Codex: trust the gitops-guard hook now (records its hash as Codex's /hooks review does, through ${codex} app-server)? [y/N] `);
  if (!/^y(es)?$/i.test(answer)) return;
  try {
    const after = await trustCodexHooks(codex, root, process.env, keys);
    out(`Codex: ${after.map((h) => `${h.key.slice(h.key.lastIndexOf('/') + 1)} ${h.trustStatus}`).join(', ') || 'the hook is not listed (is the project trusted?)'}`);
  } catch (e) {
    out(`Codex could not record it (${(e as Error).message}); trust the hook with /hooks in Codex.`);
  }
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs({
    args: argv,
    options: {
      agent: { type: 'string', multiple: true },
      host: { type: 'string' },
      'remote-path': { type: 'string' },
      command: { type: 'string' },
      cwd: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(usage);
    return 0;
  }
  const cwd = resolve(v.cwd ?? process.cwd());
  const root = findRepoRoot(cwd) ?? cwd;
  const unknown = (v.agent ?? []).filter((a) => !(a in ADAPTERS));
  if (unknown.length > 0) throw usageError(`unknown agent ${unknown.map((a) => `"${a}"`).join(', ')}; known: ${Object.keys(ADAPTERS).join(', ')}`);
  const agents = v.agent && v.agent.length > 0 ? [...new Set(v.agent)] : detectAgents(root);
  if (agents.length === 0) {
    throw usageError(`no agent host found in ${root} (no .claude/, .cursor/, .gemini/, …); name one with --agent (${Object.keys(ADAPTERS).join(', ')})`);
  }
  const json = Boolean(v.json);
  const interactive = Boolean(process.stdin.isTTY) && !json;
  const asking = interactive && !v.yes && !v['dry-run'];
  let host = v.host;
  let remotePath = v['remote-path'];
  if (asking && !existsSync(join(root, 'gitops-guard.json'))) {
    host ??= (await prompt('Server that reconciles deployments (ssh host, empty to skip): ')) || undefined;
    remotePath ??= (await prompt("Server's checkout of this repository (absolute path, empty to skip): ")) || undefined;
  }
  const exe = runningExecutable(PACKAGE_ROOT, root);
  const plan: InitPlan = planInit({
    root, agents, exe,
    ...(host !== undefined ? { host } : {}),
    ...(remotePath !== undefined ? { remotePath } : {}),
    ...(v.command !== undefined ? { command: v.command } : {}),
  });
  const summary = {
    root, agents, install: exe.kind, executable: exe.path,
    changes: plan.changes.map((c) => c.file), mcpShown: plan.shown,
    trust: plan.trust.map(({ offer, ...t }) => ({ ...t, ...(offer ? { offer: offer.describe } : {}) })),
  };
  if (plan.problems.length > 0) {
    throw new CliError('config', `nothing was written, because ${plan.problems.length === 1 ? 'a file' : 'files'} cannot be edited:\n  ${plan.problems.join('\n  ')}`,
      'fix the file (or add the entry by hand), then run gitops-guard init again');
  }
  const dry = Boolean(v['dry-run']);
  if (json) {
    if (!dry && plan.changes.length > 0 && !v.yes) throw usageError('with --json, init writes only with --yes (or use --dry-run)');
    if (!dry) applyChanges(root, plan.changes);
    process.stdout.write(JSON.stringify({ ok: true, ...summary, written: dry ? [] : summary.changes, dryRun: dry }, null, 2) + '\n');
    return 0;
  }

  const p = paint(useColour(process.stdout));
  const out = (s: string): void => { process.stdout.write(s + '\n'); };
  out(`gitops-guard init in ${root} for ${agents.join(', ')}`);
  out(`Install: ${v.command !== undefined ? `the hooks run ${v.command}` : describeInstall(exe)}.`);
  if (plan.changes.length === 0) out('Nothing to change.');
  else {
    for (const c of plan.changes) out(diff(c.file, c.before, c.after));
    if (dry) out(`Dry run: ${plan.changes.length} file(s) would change; nothing was written.`);
    else {
      if (!v.yes) {
        if (!interactive) throw usageError('not a terminal, so not asking; run again with --yes to write these changes');
        const answer = await prompt(`Write ${plan.changes.length} file(s)? [y/N] `);
        if (!/^y(es)?$/i.test(answer)) {
          out('Nothing written.');
          return EXIT.usage;
        }
      }
      applyChanges(root, plan.changes);
      out(`Wrote ${plan.changes.map((c) => c.file).join(', ')}.`);
    }
  }
  for (const s of plan.shown) {
    out(`\n${ADAPTERS[s.host]!.name} reads MCP servers from ${s.where}, outside this project, so init does not write it. Add:\n${s.text.trimEnd()}`);
  }
  for (const id of agents) {
    const approval = HOST_FACTS[id]!.mcpApproval;
    if (approval) out(`\n${approval}.`);
  }
  if (plan.trust.length > 0) out(`\n${trustLines(plan.trust, p)}`);
  // The trust entries are in the person's own files: offered only to a person at a terminal.
  if (interactive && !dry) {
    for (const t of plan.trust) {
      if (t.trusted || !t.offer) continue;
      const answer = await prompt(`${t.gate}: ${t.offer.describe}? [y/N] `);
      if (/^y(es)?$/i.test(answer)) {
        const before = read(t.offer.file);
        applyChanges('/', [{ file: t.offer.file, before, after: t.offer.edit(before) }]);
        out(`Wrote ${t.offer.file}.`);
      }
    }
    await offerCodexHookTrust(plan, root, prompt, out);
  }
  out('\nCheck that each hook is live: gitops-guard doctor');
  return 0;
}
