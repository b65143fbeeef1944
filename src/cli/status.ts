// `gitops-guard status [--env NAME] [--json]`: what runs on the server (each host of the environment),
// and which commit is live.
import { parseArgs } from 'node:util';
import { kubeReconciler } from '../kube/engine.js';
import { Fleet } from '../remote/fleet.js';
import type { Status } from '../remote/server.js';
import { printEngineStatus } from './engine-status.js';
import { ENV_OPTION, envUsage, loadEnvironment } from './env.js';
import { exitOf, failureOf, noHost } from './exit.js';
import { paint, table, useColour } from './output.js';

export const usage = `Usage: gitops-guard status [--env NAME] [--json] [--config FILE] [--cwd DIR]

Show each container on the server (service, image, state, health, restarts, ports), the commit
checked out there and the one the reconciler last applied, compared with the environment's branch.
An environment of several hosts shows each host; one that cannot be reached is named, and the
others are still shown (exit 4). Read-only: runs fixed docker and git commands over SSH. For an
Argo CD or Flux reconciler: the Application's or Kustomization's own fields instead, read through
the Kubernetes API (no host needed).

Options:
${envUsage(17)}
  --json         print the status as JSON (several hosts: {"environment", "hosts": [...]})
`;

function print(status: Status): void {
  const p = paint(useColour(process.stdout));
  process.stdout.write(`${p.bold(status.host)}: ${status.summary}\n\n`);
  process.stdout.write(table(['SERVICE', 'CONTAINER', 'IMAGE', 'STATE', 'HEALTH', 'RESTARTS', 'PORTS', 'STATUS'],
    status.containers.map((c) => [c.service ?? '-', c.name, c.image,
      c.state === 'running' ? p.green(c.state) : p.red(c.state), c.health ?? '-', c.restarts === null ? '-' : String(c.restarts),
      c.ports.join(', ') || '-', c.status])) + '\n');
  for (const h of status.healed) process.stdout.write(`${p.yellow('healed:')} ${h}\n`);
  for (const problem of status.problems) process.stdout.write(`${p.yellow('note:')} ${problem}\n`);
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, config: { type: 'string' }, cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...ENV_OPTION },
  });
  if (values.help) { process.stdout.write(usage); return 0; }
  const config = await loadEnvironment(values);
  if (kubeReconciler(config)) return printEngineStatus(config, Boolean(values.json));
  const fleet = new Fleet(config);
  if (fleet.servers.length === 0) throw noHost(config.environment);
  try {
    if (fleet.servers.length === 1) {
      // One host: as ever (an unreachable server is the command's failure).
      const status = await fleet.servers[0]!.status();
      if (values.json) process.stdout.write(JSON.stringify({ environment: config.environment, ...status }, null, 2) + '\n');
      else print(status);
      return 0;
    }
    const answers = await fleet.each((s) => s.status());
    const failed = answers.filter((a) => !a.ok);
    if (values.json) {
      const hosts = answers.map((a) => (a.ok ? a.value : { host: a.host, error: { code: failureOf(a.error).code, message: a.error.message } }));
      process.stdout.write(JSON.stringify({ environment: config.environment, hosts }, null, 2) + '\n');
    } else {
      const p = paint(useColour(process.stdout));
      process.stdout.write(`${p.bold(config.environment)}: ${answers.length} hosts, ${answers.length - failed.length} reached\n\n`);
      for (const a of answers) {
        if (a.ok) print(a.value);
        else process.stdout.write(`${p.bold(a.host)}: ${p.red('cannot be reached')}: ${a.error.message}\n`);
        process.stdout.write('\n');
      }
    }
    // The worst host decides the exit code: unreachable (4) or a key or config problem.
    return failed.length === 0 ? 0 : Math.max(...failed.map((a) => exitOf(failureOf(a.error).code)));
  } finally {
    fleet.close();
  }
}
