// `gitops-guard status [--json]`: what runs on the server, and which commit is live.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config-file.js';
import { kubeReconciler } from '../kube/engine.js';
import { Server } from '../remote/server.js';
import { printEngineStatus } from './engine-status.js';
import { paint, table, useColour } from './output.js';

export const usage = `Usage: gitops-guard status [--json] [--config FILE] [--cwd DIR]

Show each container on the server (service, image, state, health, restarts, ports), the commit
checked out there and the one the reconciler last applied, compared with your branch's upstream.
Read-only: runs fixed docker and git commands over SSH. For an Argo CD or Flux reconciler: the
Application's or Kustomization's own fields instead, read through the Kubernetes API.
`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, config: { type: 'string' }, cwd: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) { process.stdout.write(usage); return 0; }
  const cwd = resolve(values.cwd ?? process.cwd());
  const config = await loadConfig({ cwd, ...(values.config ? { file: values.config } : {}) });
  if (kubeReconciler(config)) return printEngineStatus(config, Boolean(values.json));
  const server = new Server(config);
  try {
    const status = await server.status();
    if (values.json) {
      process.stdout.write(JSON.stringify(status, null, 2) + '\n');
      return 0;
    }
    const p = paint(useColour(process.stdout));
    process.stdout.write(`${p.bold(status.host)}: ${status.summary}\n\n`);
    process.stdout.write(table(['SERVICE', 'CONTAINER', 'IMAGE', 'STATE', 'HEALTH', 'RESTARTS', 'PORTS', 'STATUS'],
      status.containers.map((c) => [c.service ?? '-', c.name, c.image,
        c.state === 'running' ? p.green(c.state) : p.red(c.state), c.health ?? '-', c.restarts === null ? '-' : String(c.restarts),
        c.ports.join(', ') || '-', c.status])) + '\n');
    for (const h of status.healed) process.stdout.write(`${p.yellow('healed:')} ${h}\n`);
    for (const problem of status.problems) process.stdout.write(`${p.yellow('note:')} ${problem}\n`);
    return 0;
  } finally {
    server.close();
  }
}
