// A Docker Swarm stack, seen read-only: its services as ServiceState rows (replicas up to date and
// running against desired, the engine's update state and message), what about a row is wrong for
// deploy's verify step, and a service's logs. Used instead of containers when the environment's
// reconciler is `swarm`; the one command it sends is templates.swarmServices.
import { SEPARATOR, templates, type LogOptions } from './commands.js';
import { stackName } from '../gitops/reconciler.js';
import type { LogsResult, Server, ServiceState } from './server.js';

/** `.UpdateStatus` of a service: absent until its first update. */
export interface SwarmUpdate {
  /** updating, completed, paused, rollback_started, rollback_paused, rollback_completed */
  readonly state: string;
  readonly message: string | null;
  readonly startedAt: string | null;
}

/** A swarm service row: the ServiceState columns plus what only a swarm has. */
export interface SwarmService extends ServiceState {
  /** Tasks up to date with the service's spec and running, against the tasks desired. */
  readonly replicas: { readonly running: number; readonly desired: number };
  readonly update: SwarmUpdate | null;
  /** The newest error a task of the service reported (a failed task), if any. */
  readonly taskError: string | null;
  /** Tasks of the current spec that failed or were rejected (the restart policy starts new ones). */
  readonly failedTasks: number;
}

/** Update states in which the engine gave up on the new spec: they end a deploy's wait. */
export const FAILED_UPDATE = new Set(['paused', 'rollback_started', 'rollback_paused', 'rollback_completed']);

type Rec = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function records(text: string): Rec[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Rec);
}

/** "2/3", "1/1 (max 1 per node)", "0/1 (1/1 completed)" (jobs): [running, desired]. */
function replicasOf(text: string | null): [number, number] | null {
  const job = /\((\d+)\/(\d+) completed\)/.exec(text ?? '');
  if (job) return [Number(job[1]), Number(job[2])];
  const m = /^(\d+)\/(\d+)/.exec(text ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Parse the four parts of templates.swarmServices' output into rows, by service name. */
export function parseSwarmServices(stdout: string, stack: string): SwarmService[] {
  const [lsText = '', inspectText = '', tasksText = '', upToDateText = ''] = stdout.split(`${SEPARATOR}\n`);
  const inspected = new Map(records(inspectText).map((r) => [str(r.id) ?? '', r]));
  const tasks = records(tasksText);
  const upToDate = new Set(upToDateText.split('\n').map((l) => l.trim()).filter(Boolean));
  return records(lsText).map((ls): SwarmService => {
    const name = str(ls.Name) ?? '?';
    const id = str(ls.ID);
    const spec = [...inspected.entries()].find(([full]) => id !== null && full.startsWith(id))?.[1] ?? {};
    // Task names are SERVICE.SLOT (replicated) or SERVICE.NODE (global); service names have no dot.
    const own = tasks.filter((t) => (str(t.Name) ?? '').replace(/^\\_ /, '').split('.')[0] === name);
    const current = own.filter((t) => upToDate.has(str(t.ID) ?? ''));
    const running = current.filter((t) => t.DesiredState === 'Running' && /^Running\b/.test(str(t.CurrentState) ?? '')).length;
    const failedTasks = current.filter((t) => /^(Failed|Rejected)\b/.test(str(t.CurrentState) ?? '')).length;
    const mode = spec.mode as { Replicated?: { Replicas?: number } } | undefined;
    const desired = replicasOf(str(ls.Replicas))?.[1] ?? mode?.Replicated?.Replicas ?? 0;
    const u = spec.update as { State?: unknown; Message?: unknown; StartedAt?: unknown } | null | undefined;
    const update = u && str(u.State) ? { state: str(u.State)!, message: str(u.Message), startedAt: str(u.StartedAt) } : null;
    const taskError = own.map((t) => str(t.Error)).find((e) => e !== null) ?? null;
    const state = update && (FAILED_UPDATE.has(update.state) || update.state === 'updating') ? update.state
      : running >= desired ? (desired > 0 ? 'running' : 'idle') : 'starting';
    const parts = [`replicas ${running}/${desired}`];
    if (update) parts.push(`update ${update.state}${update.message ? `: ${update.message}` : ''}`);
    if (taskError && (running < desired || state !== 'running')) parts.push(`last task error: ${taskError}`);
    const image = str(spec.image) ?? str(ls.Image) ?? '?';
    return {
      name, service: name.startsWith(`${stack}_`) ? name.slice(stack.length + 1) : name,
      image: image.replace(/@sha256:[0-9a-f]+$/, ''), state, health: null, status: parts.join('; '),
      created: update?.startedAt ?? str(spec.createdAt), restarts: null,
      ports: (str(ls.Ports) ?? '').split(',').map((p) => p.trim()).filter(Boolean), id,
      replicas: { running, desired }, update, taskError, failedTasks,
    };
  });
}

/** The stack's services on the server (none when it has not been deployed yet). */
export async function swarmServices(server: Server): Promise<SwarmService[]> {
  const stack = stackName(server.config);
  const r = await server.run(templates.swarmServices(stack), { maxBytes: 8 * 1024 * 1024 });
  if (r.code !== 0) {
    throw new Error(`listing the swarm services of stack ${stack} on ${server.host} failed (exit ${r.code}): ${r.stderr.trim() || r.stdout.trim()}`);
  }
  try {
    return parseSwarmServices(r.stdout, stack);
  } catch (e) {
    throw new Error(`unexpected output from docker service on ${server.host}: ${(e as Error).message}`);
  }
}

const isSwarm = (s: ServiceState): s is SwarmService => 'replicas' in s;

/**
 * Why a swarm service is not (yet) as its spec says, and whether waiting could still help. An
 * update state the engine gave up in (paused, rollback_*) ends the wait at once (final) with the
 * engine's message, unless it is the same one as before the push (an earlier deploy's, not this
 * one's). Tasks still starting, or an update under way, are waited for.
 */
export function swarmProblem(s: ServiceState, before?: ServiceState): { text: string; settled: boolean; final: boolean } | null {
  if (!isSwarm(s)) return null;
  const label = s.service ?? s.name;
  const { running, desired } = s.replicas;
  const error = s.taskError ? ` (last task error: ${s.taskError})` : '';
  const u = s.update;
  const earlier = before && isSwarm(before) ? before.update : null;
  const stale = u !== null && earlier !== null && earlier.state === u.state && earlier.startedAt === u.startedAt;
  if (u && FAILED_UPDATE.has(u.state) && !stale) {
    // A rollback under way ends soon; the wait gives it a moment to finish (settled, not final).
    return { text: `${label}: the swarm's update is ${u.state}${u.message ? `: ${u.message}` : ''}${error}`, settled: true, final: u.state !== 'rollback_started' };
  }
  if (u?.state === 'updating') return { text: `${label} is updating (${running}/${desired} tasks up to date and running)`, settled: false, final: false };
  // Tasks of this spec failing again and again (a new service has no update to pause or roll back).
  if (running < desired) {
    const failing = s.failedTasks >= 2;
    return { text: `${label}: ${running}/${desired} replicas up to date and running${failing ? `, ${s.failedTasks} of its tasks failed` : ''}${error}`,
      settled: failing, final: false };
  }
  return null;
}

/** A swarm service's logs: `docker service logs` of STACK_SERVICE (or the full name given). */
export async function swarmLogs(server: Server, service: string, options: LogOptions & { maxBytes: number; timeoutMs?: number }):
  Promise<Omit<LogsResult, 'note'> & { timedOut: boolean }> {
  const stack = stackName(server.config);
  const known = await swarmServices(server);
  const match = known.find((s) => s.service === service) ?? known.find((s) => s.name === service);
  if (!match) {
    throw new Error(`no swarm service "${service}" in stack ${stack} on ${server.host}${known.length ? ` (there are: ${known.map((s) => s.service).join(', ')})` : ''}`);
  }
  const r = await server.run(templates.serviceLogs(match.name, options),
    { maxBytes: options.maxBytes, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) });
  if (r.code !== 0 && r.code !== null && !r.timedOut) {
    throw new Error(`docker service logs for ${service} failed (exit ${r.code}): ${r.stderr.trim()}`);
  }
  return { service, container: match.name, stdout: r.stdout, stderr: r.stderr, truncated: r.truncated, timedOut: r.timedOut };
}
