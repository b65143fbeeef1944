// After the push, over SSH: wait until each server's reconciler has applied the commit, then until
// its services are running and healthy; say what is wrong and what to run next when they are not.
// A failure to look never loses the deploy: the push stands and the result says how to check later.
import type { ResolvedConfig } from '../config.js';
import type { ReconcilerState, Server, ServiceState } from '../remote/server.js';
import { templates } from '../remote/commands.js';
import { swarmProblem } from '../remote/swarm.js';
import { reconcilerEnv, stackName } from './reconciler.js';
import { ENGINE_COMMANDS } from './reconciler-engines.js';
import { unitName } from './install.js';
import { forHost, verifyEvery } from './hosts-wait.js';
import { GitOpsError, type DeployOptions, type Progress, type PushOptions, type VerifyResult } from './types.js';

const sleep = (ms: number, signal?: AbortSignal): Promise<void> => new Promise((resolve, reject) => {
  if (signal?.aborted) { reject(new GitOpsError('cancelled while waiting for the server', 'wait')); return; }
  const t = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(t); reject(new GitOpsError('cancelled while waiting for the server', 'wait')); }, { once: true });
});

/** Service states that will not turn healthy by themselves soon. */
const SETTLED_BAD = new Set(['exited', 'dead', 'removing']);

/** Why a service is not (yet) good, and whether waiting could still help. */
export function serviceProblem(s: ServiceState): { text: string; settled: boolean } | null {
  const label = s.service ?? s.name;
  if (s.state !== 'running') return { text: `${label} is ${s.state} (${s.status})`, settled: SETTLED_BAD.has(s.state) };
  if (s.health === 'unhealthy') return { text: `${label} is unhealthy`, settled: true };
  if (s.health && s.health !== 'healthy') return { text: `${label} is still ${s.health}`, settled: false };
  return null;
}

type VerifyOptions = Pick<DeployOptions, 'waitTimeoutMs' | 'pollMs' | 'progress' | 'signal'> & { settleMs?: number; stateBefore?: ReconcilerState | null };

/** One verification's fixed inputs, worked out once. */
interface Wait {
  readonly config: ResolvedConfig;
  readonly server: Server;
  readonly commit: string;
  readonly short: string;
  readonly timeout: number;
  readonly poll: number;
  readonly deadline: number;
  readonly progress: Progress;
  readonly options: VerifyOptions;
}

const failed = (w: Wait, problems: string[], pending = false, services: ServiceState[] = []): VerifyResult =>
  ({ ok: false, commit: w.commit, appliedAt: null, services, pending, problems });

/**
 * Wait until the server's reconciler has applied `commit` (or a later commit that contains it),
 * then poll the services until every one is running and healthy. A reconciler that fails, at this
 * commit or in a way that stops every commit (fetch, usage), ends the wait at once with its error;
 * a healthcheck still `starting` is waited for; a service that stays unhealthy or exited for
 * `settleMs` ends it as a failure.
 */
export async function verifyDeploy(config: ResolvedConfig, server: Server, commit: string, pushedAt: string,
  before: ServiceState[] | null, options: VerifyOptions = {}): Promise<VerifyResult> {
  const timeout = options.waitTimeoutMs ?? 5 * 60_000;
  const w: Wait = { config, server, commit, short: commit.slice(0, 7), timeout, poll: options.pollMs ?? 3000,
    deadline: Date.now() + timeout, progress: options.progress ?? (() => undefined), options };
  if (config.reconcile === 'trigger') {
    const refused = await trigger(w);
    if (refused) return refused;
  }
  const applied = await waitApplied(w);
  if (!('state' in applied)) return applied;
  return waitHealthy(w, applied.state, pushedAt, before, options.settleMs ?? Math.min(10_000, timeout / 3));
}

/** reconcile: trigger: run the reconciler now; its failure (not a run already in progress) is the answer. */
async function trigger(w: Wait): Promise<VerifyResult | null> {
  const { config, server, short } = w;
  w.progress('trigger', 'running the reconciler on the server');
  const r = await server.run(templates.runReconciler(reconcilerEnv(config), config.reconcilerPath));
  // Exit 2 is "another run holds the lock" only when the reconciler says so: sh itself exits 2
  // when it cannot open the script.
  const busy = r.code === 2 && r.stderr.includes('another run is in progress');
  if (r.code === 0 || busy) return null;
  const why = (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-5).join('\n') || `exit ${r.code}`;
  w.progress('trigger', `the reconciler exited ${r.code}: ${why.split('\n').pop() ?? ''}`);
  const missing = /cannot open|No such file|not found/i.test(why) && !why.includes('gitops-guard reconcile');
  return failed(w, [`the reconciler on ${server.host} failed (exit ${r.code}) for ${short}: ${why}`,
    ...(missing ? [`The reconciler is not at ${config.reconcilerPath} on the server: gitops-guard server install --apply puts it there; `
      + `${short} stays pushed and is applied on its first run.`] : reconcilerAdvice(config, r.code, w.commit))]);
}

/** Poll the reconciler's record until it applied the commit, failed at it, or the time is up. */
async function waitApplied(w: Wait): Promise<{ state: ReconcilerState } | VerifyResult> {
  const { config, server, commit, short, poll } = w;
  w.progress('wait', `waiting for the server to apply ${short} (up to ${Math.round(w.timeout / 1000)} s)`);
  for (;;) {
    const state = await server.reconcilerState();
    if (state?.applied && await server.contains(state.applied, commit)) return { state };
    if (state && !state.ok && isNewRun(state, w.options.stateBefore)) {
      // Failed at our commit (or one that contains it), or in a way that stops every commit.
      if (state.exit === 1 || state.exit === 3 || await server.contains(state.commit, commit)) {
        return failed(w, [`the reconciler failed to apply ${short} (exit ${state.exit ?? '?'}): ${(state.output ?? '').trim()}`,
          ...reconcilerAdvice(config, state.exit ?? null, commit)]);
      }
    }
    if (Date.now() + poll > w.deadline) {
      return failed(w, [`the server has not applied ${short} within ${Math.round(w.timeout / 1000)} s `
        + `(last applied: ${state?.applied?.slice(0, 7) ?? 'unknown'}). Check the reconciler: gitops-guard status, `
        + `and its log on the server (journalctl --user -u ${unitName(stackName(config))}).`], true);
    }
    await sleep(poll, w.options.signal);
  }
}

/** Poll the services until all are good, or one stays bad for `settleMs`, or the engine gave up, or the time is up. */
async function waitHealthy(w: Wait, state: ReconcilerState, pushedAt: string, before: ServiceState[] | null, settleMs: number): Promise<VerifyResult> {
  const { config, server, commit, short, poll } = w;
  w.progress('health', 'waiting for the services to be running and healthy');
  const pushed = Date.parse(pushedAt);
  const appliedAt = state.appliedAt ?? state.time;
  let badSince: number | null = null;
  for (;;) {
    const services = await server.containers();
    const problems: string[] = [];
    let settled = true;
    let final = false;
    for (const s of services) {
      const earlier = before?.find((b) => b.name === s.name);
      // A swarm service: its tasks up to date and running, its update not given up (remote/swarm.ts).
      const p = config.reconciler.type === 'swarm' ? swarmProblem(s, earlier) : serviceProblem(s);
      if (p) { problems.push(p.text); settled &&= p.settled; final ||= 'final' in p && p.final === true; }
      if (earlier?.restarts != null && s.restarts != null && s.restarts > earlier.restarts) {
        problems.push(`${s.service ?? s.name} restarted ${s.restarts - earlier.restarts} time(s) since the push`);
      }
    }
    // Compose recreates only the services whose configuration changed: listed, not required.
    const recreated = services.filter((s) => createdAfter(s, pushed)).map((s) => s.service ?? s.name);
    const now = Date.now();
    if (problems.length === 0) return { ok: true, commit, appliedAt, services, recreated, pending: false, problems };
    badSince = settled ? (badSince ?? now) : null;
    const outOfTime = now + poll > w.deadline;
    // final: the engine itself gave up on the change (a swarm update paused or rolled back).
    if ((badSince !== null && now - badSince >= settleMs) || outOfTime || final) {
      const stillStarting = !settled;
      problems.push(`Look at: gitops-guard logs <service>; roll back with: gitops-guard rollback ${short}`);
      return { ok: false, commit, appliedAt, services, recreated, pending: stillStarting && outOfTime, problems };
    }
    // Health changes within seconds of a start: look again sooner than the wait for the reconciler.
    await sleep(Math.min(poll, 1000), w.options.signal);
  }
}

/** A record the reconciler wrote after `before` was read. */
function isNewRun(state: ReconcilerState, before: ReconcilerState | null | undefined): boolean {
  return !before || state.time !== before.time || state.commit !== before.commit || state.exit !== before.exit;
}

/** What to run next after the reconciler's exit code. */
function reconcilerAdvice(config: ResolvedConfig, exit: number | null, commit: string): string[] {
  const short = commit.slice(0, 7);
  const engine = ENGINE_COMMANDS[config.reconciler.type === 'swarm' ? 'swarm' : 'gitops-guard'];
  switch (exit) {
    case 1: return ['The reconciler cannot run: check remotePath and its checkout on the server (gitops-guard status shows what it found).'];
    case 3: return [`The server cannot fetch from its remote (no remote, auth refused, or the network): fix that on the server; ${short} stays pushed and is applied on the next run.`];
    case 4: return ['The server\'s checkout has moved away from git (edited, or local commits): see gitops-guard status.'];
    case 5: return [`The compose files of ${short} are not valid on the server (${engine.validate}); fix them and deploy again, or: gitops-guard rollback ${short}`];
    case 6: return [`${engine.apply} failed for ${short}; look at gitops-guard logs <service>, fix and deploy again, or: gitops-guard rollback ${short}`];
    default: return [`Roll back with: gitops-guard rollback ${short}`];
  }
}

/** docker's CreatedAt ("2026-11-26 10:00:00 +0000 UTC") against a time in ms. */
function createdAfter(s: ServiceState, ms: number): boolean {
  if (!s.created) return false;
  const t = Date.parse(s.created.replace(/ [A-Z]{3,4}$/, '').replace(/ ([+-]\d{2})(\d{2})$/, '$1:$2').replace(' ', 'T'));
  return Number.isFinite(t) && t >= ms - 5_000;
}

/** Verification that cannot lose the deploy: a failure to look is reported, the push stands. */
async function safeVerify(config: ResolvedConfig, server: Server, commit: string, pushedAt: string,
  before: Before | null, options: PushOptions): Promise<VerifyResult> {
  try {
    return await verifyDeploy(config, server, commit, pushedAt, before?.containers ?? null, { ...options, stateBefore: before?.state ?? null });
  } catch (e) {
    return {
      ok: false, commit, appliedAt: null, services: [], pending: true,
      problems: [`${commit.slice(0, 7)} is pushed, but the server could not be checked: ${(e as Error).message}`,
        'When the server is reachable, check it with: gitops-guard status'],
    };
  }
}

/** What the server runs, and its reconciler's last record, before the push (either may be unknown). */
export interface Before { readonly containers: ServiceState[] | null; readonly state: ReconcilerState | null }
async function snapshot(server: Server): Promise<Before> {
  const [containers, state] = await Promise.all([server.containers().catch(() => null), server.reconcilerState().catch(() => null)]);
  return { containers, state };
}

/** The servers to wait on: every host of the environment, else the one server. */
const serversOf = (options: Pick<DeployOptions, 'server' | 'servers'>): readonly Server[] =>
  options.servers && options.servers.length > 0 ? options.servers : options.server ? [options.server] : [];

/** Each server's snapshot before the push, when the deploy will wait. */
export async function snapshotAll(options: Pick<DeployOptions, 'server' | 'servers' | 'wait'>): Promise<Map<Server, Before> | null> {
  if (options.wait === false) return null;
  const servers = serversOf(options);
  if (servers.length === 0) return null;
  return new Map(await Promise.all(servers.map(async (s) => [s, await snapshot(s)] as const)));
}

/** Wait on one server as always, or on every host of the environment (hosts-wait.ts joins their answers). */
export function waitAll(config: ResolvedConfig, commit: string, pushedAt: string, before: Map<Server, Before> | null,
  options: PushOptions): Promise<VerifyResult> {
  const servers = serversOf(options);
  const of = (s: Server): Before | null => before?.get(s) ?? null;
  if (servers.length === 1) return safeVerify(config, servers[0]!, commit, pushedAt, of(servers[0]!), options);
  return verifyEvery(config, servers, commit, (s) => safeVerify(config, s, commit, pushedAt, of(s), { ...options, progress: forHost(options.progress, s.host) }));
}
