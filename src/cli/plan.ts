// `gitops-guard plan [--json]`: what a deploy would carry now (src/gitops/plan.ts), the same answer as
// the MCP server's plan tool. Read-only.
import { parseArgs } from 'node:util';
import { deployPlan } from '../gitops/plan.js';
import { ENV_OPTION, envUsage, loadEnvironment } from './env.js';
import { paint, useColour } from './output.js';

export const usage = `Usage: gitops-guard plan [--env NAME] [--json] [--no-server] [--config FILE] [--cwd DIR]

Show what a deploy would carry now, without doing anything: commits not pushed, commits pushed but
not yet applied on the server (from the reconciler's state, over SSH, when "host" is set; with
several hosts, the first one's), and IaC (compose) files changed but not committed. With --env, the
environment's branch and server.

Options:
${envUsage(15)}
  --json         print the plan as one JSON object
  --no-server    do not ask the server what it applied
  --config FILE  use this config file instead of the nearest gitops-guard.json
  --cwd DIR      the repository (default: the current directory)
  -h, --help     show this help
`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, 'no-server': { type: 'boolean' }, config: { type: 'string' }, cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...ENV_OPTION },
  });
  if (values.help) { process.stdout.write(usage); return 0; }
  const config = await loadEnvironment(values);
  const server = config.host && !values['no-server'] ? new (await import('../remote/server.js')).Server(config) : undefined;
  try {
    const plan = await deployPlan(config, server ? () => server.reconcilerState() : undefined);
    if (values.json) { process.stdout.write(JSON.stringify({ ok: true, ...plan }, null, 2) + '\n'); return 0; }
    const p = paint(useColour(process.stdout));
    const out = (s: string): void => { process.stdout.write(s + '\n'); };
    out(`${p.bold(plan.branch)}${plan.upstream ? ` → ${plan.upstream}` : ' (no upstream)'}: ${plan.summary}`);
    for (const c of plan.unpushed) out(`  not pushed   ${c.sha.slice(0, 7)} ${c.message}`);
    for (const c of plan.notApplied ?? []) out(`  not applied  ${c.sha.slice(0, 7)} ${c.message}`);
    for (const f of plan.uncommitted) out(`  uncommitted  ${f}`);
    if (plan.uncommitted.length > 0) out(`Next: gitops-guard deploy -m "what changed"`);
    else if (plan.unpushed.length > 0) out('Next: git push (or gitops-guard deploy, which pushes and waits until the server runs it)');
    return 0;
  } finally {
    server?.close();
  }
}
