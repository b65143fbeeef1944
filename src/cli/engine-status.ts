// `gitops-guard status` for an environment whose reconciler is Argo CD or Flux: the engine's own
// fields, read through the Kubernetes API (src/kube/status.ts), instead of containers over SSH.
import type { ResolvedConfig } from '../config.js';
import { engineStatus } from '../kube/status.js';
import { paint, table, useColour } from './output.js';

const ENGINE_NAME = { argocd: 'Argo CD', flux: 'Flux' } as const;

export async function printEngineStatus(config: ResolvedConfig, json: boolean): Promise<number> {
  const report = await engineStatus(config);
  if (json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    return 0;
  }
  const p = paint(useColour(process.stdout));
  const colour = report.state === 'ok' ? p.green : report.state === 'failed' ? p.red : p.yellow;
  process.stdout.write(`${p.bold(report.object)} (${ENGINE_NAME[report.engine]}, context ${report.context}, ${report.server})\n`);
  process.stdout.write(`${colour(report.summary)}\n`);
  if (report.upstream) process.stdout.write(`${p.dim(`${config.remote}/${config.branch}:`)} ${report.upstream.slice(0, 7)}\n`);
  process.stdout.write('\n' + table(['FIELD', 'VALUE'], Object.entries(report.fields).map(([k, v]) => [k, v ?? '-'])) + '\n');
  return 0;
}
