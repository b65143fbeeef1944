// Waiting on an environment of several hosts: each host is verified as a one-server deploy is (in
// parallel), and the answers are joined into one: live only when every host applied the commit and
// is healthy; otherwise which host is behind, down or unhealthy, by name, and how to finish. The
// commit stays pushed whatever a host says: a host that was down applies it when it is back.
import type { ResolvedConfig } from '../config.js';
import { IMPLICIT_ENVIRONMENT } from '../environments.js';
import type { Server } from '../remote/server.js';
import type { Progress, VerifyResult } from './types.js';

/** One host's answer inside a joined VerifyResult. */
export interface HostVerify {
  readonly host: string;
  readonly ok: boolean;
  readonly pending: boolean;
  readonly appliedAt: string | null;
  readonly problems: string[];
}

/** ` --env NAME` for the hints, when the environment is a named one. */
export function envFlag(config: Pick<ResolvedConfig, 'environment'>): string {
  return config.environment === IMPLICIT_ENVIRONMENT ? '' : ` --env ${config.environment}`;
}

/** A progress reporter that says which host a line is about. */
export function forHost(progress: Progress | undefined, host: string): Progress | undefined {
  return progress ? (step, message) => progress(step, `${host}: ${message}`) : undefined;
}

/** What one host's failure looks like in a line: its first problem, shortened. */
function why(v: VerifyResult): string {
  if (v.pending && v.problems.some((p) => /could not be checked/.test(p))) return 'cannot be reached';
  if (v.pending) return 'has not applied it yet';
  const first = (v.problems[0] ?? 'failed').replace(/\s+/g, ' ');
  return first.length > 100 ? `${first.slice(0, 97)}...` : first;
}

/**
 * Verify `commit` on every server (each through `one`, which never throws) and join the answers.
 * pending when every host that is not live is still pending (down, or not applied yet); failed
 * when one applied it and is not healthy, or its reconciler failed.
 */
export async function verifyEvery(config: ResolvedConfig, servers: readonly Server[], commit: string,
  one: (server: Server) => Promise<VerifyResult>): Promise<VerifyResult> {
  const results = await Promise.all(servers.map(async (s) => ({ host: s.host, v: await one(s) })));
  const hosts: HostVerify[] = results.map(({ host, v }) => ({ host, ok: v.ok, pending: v.pending, appliedAt: v.appliedAt, problems: v.problems }));
  const bad = results.filter((r) => !r.v.ok);
  const ok = bad.length === 0;
  const pending = !ok && bad.every((r) => r.v.pending);
  const short = commit.slice(0, 7);
  const env = config.environment;
  const problems: string[] = [];
  if (!ok) {
    const live = results.filter((r) => r.v.ok).map((r) => r.host);
    problems.push(`not every host of ${env} runs ${short}: ${bad.map((r) => `${r.host} ${why(r.v)}`).join('; ')}`
      + `${live.length ? `; live and healthy on ${live.join(', ')}` : ''}`);
    for (const r of bad) for (const p of r.v.problems) problems.push(`${r.host}: ${p}`);
    problems.push(`${short} stays pushed to ${config.remote}/${config.branch}; each host applies it when its reconciler runs. `
      + `See each host with gitops-guard status${envFlag(config)}; wait for the rest with gitops-guard deploy${envFlag(config)} --resume`);
  }
  const applied = results.map((r) => r.v.appliedAt);
  return {
    ok, pending, commit, problems, hosts,
    appliedAt: applied.every((a) => a !== null) ? [...applied].sort().at(-1) ?? null : null,
    services: results.flatMap((r) => r.v.services),
    recreated: [...new Set(results.flatMap((r) => r.v.recreated ?? []))],
  };
}
