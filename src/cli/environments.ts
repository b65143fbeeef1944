// `gitops-guard environments [--json] [--names]`: each environment, its branch head, and each host's
// live commit, how far behind it is and whether it is healthy. Read-only (a fetch, then SSH).
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadConfig } from '../config-file.js';
import { environmentNames } from '../environments.js';
import { environmentsOverview, type EnvironmentOverview } from '../gitops/overview.js';
import { paint, table, useColour } from './output.js';

export const usage = `Usage: gitops-guard environments [--json] [--names] [--no-fetch] [--config FILE] [--cwd DIR]

Each environment in gitops-guard.json (a config without "environments" is one, "default"): its
branch and that branch's head on the remote (fetched first), and for each host the commit its
reconciler applied, how many commits of the branch it has not applied, and whether it is healthy
(the reconciler's last run succeeded; every service runs and passes its healthcheck). A host that
cannot be reached is listed with why. Read-only. Exit 0 when every environment is up to date and
healthy, 8 when one is not, 4 when a host cannot be reached.

Options:
  --json        print {"environments": [...], "problems": [...]}
  --names       print only the environment names, one a line (no git, no SSH; for completion)
  --no-fetch    use the branch heads as last fetched
`;

const short = (c: string | null): string => (c ? c.slice(0, 7) : '-');

function print(envs: EnvironmentOverview[], problems: string[]): void {
  const p = paint(useColour(process.stdout));
  for (const e of envs) {
    const tags = [e.default ? 'default' : '', e.promoteFrom ? `promoted from ${e.promoteFrom}` : '', e.reconciler !== 'gitops-guard' ? e.reconciler : '']
      .filter(Boolean).join(', ');
    const state = e.ok === true ? p.green('ok') : e.ok === false ? p.red('not ok') : p.yellow('unknown');
    process.stdout.write(`${p.bold(e.name)}${tags ? ` (${tags})` : ''}: ${e.branch} at ${short(e.head)}; ${state}: ${e.summary}\n`);
    if (e.hosts.length > 0) {
      process.stdout.write(table(['  HOST', 'LIVE', 'BEHIND', 'HEALTH', 'SERVICES', 'PROBLEMS'], e.hosts.map((h) => [
        `  ${h.host}`, short(h.live), h.behind === null ? '?' : String(h.behind),
        h.healthy === null ? p.red('unreachable') : h.healthy ? p.green('healthy') : p.red('unhealthy'),
        `${h.services.running}/${h.services.total}`, h.problems.join('; ') || '-'])) + '\n');
    }
  }
  for (const problem of problems) process.stdout.write(`${p.yellow('note:')} ${problem}\n`);
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, names: { type: 'boolean' }, 'no-fetch': { type: 'boolean' },
      config: { type: 'string' }, cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) { process.stdout.write(usage); return 0; }
  const config = await loadConfig({ cwd: resolve(values.cwd ?? process.cwd()), ...(values.config ? { file: values.config } : {}) });
  if (values.names) { process.stdout.write(environmentNames(config.topLevel).join('\n') + '\n'); return 0; }
  const { environments, problems } = await environmentsOverview(config, { fetch: !values['no-fetch'] });
  if (values.json) process.stdout.write(JSON.stringify({ environments, problems }, null, 2) + '\n');
  else print(environments, problems);
  const hosts = environments.flatMap((e) => e.hosts);
  return hosts.some((h) => !h.reachable) ? 4 : environments.some((e) => e.ok === false) ? 8 : 0;
}
