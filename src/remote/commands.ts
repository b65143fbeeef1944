// The only commands gitops-guard runs on the server: fixed, read-only templates. Every value that
// comes from outside is validated first and then quoted as one shell word, so no name, path or
// duration can become shell syntax on the server.
import { quoteWord } from '../shell/words.js';

/** Service and container names: what compose and docker accept, and nothing a shell reads. */
export const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const CONTAINER_ID = /^[0-9a-f]{12,64}$/;
/** `docker logs --since`: a duration (10m, 2h30m) or a timestamp. */
const SINCE = /^(?:\d+(?:\.\d+)?[smhd])+$|^\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$|^\d{9,10}$/;
/** Absolute paths without anything a shell reads as syntax besides what quoting covers. */
const PATH = /^\/[^\0\n]*$/;

export class UnsafeValue extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeValue';
  }
}

export function checkName(kind: string, value: string): string {
  if (!NAME.test(value)) {
    throw new UnsafeValue(`${JSON.stringify(value)} is not a valid ${kind} name (letters, digits, then also _ . -)`);
  }
  return value;
}

function checkPath(kind: string, value: string): string {
  if (!PATH.test(value)) throw new UnsafeValue(`${JSON.stringify(value)} is not an absolute ${kind} path`);
  return value;
}

/** `~/x` (under the login user's home) or an absolute path, as one shell word. */
export function homePath(kind: string, value: string): string {
  if (value.startsWith('~/') && value.length > 2 && !/[\0\n]/.test(value)) return `"$HOME"/${quoteWord(value.slice(2))}`;
  return quoteWord(checkPath(kind, value));
}

/** Separates the parts of a combined command's output. */
export const SEPARATOR = '--gitops-guard--';

/** `# gitops-guard-reconcile[STACK]` (see install.ts). */
const CRON_MARKER = /^# gitops-guard-reconcile\[[A-Za-z0-9][A-Za-z0-9_.-]*\]$/;

export const LOGS_DEFAULT_TAIL = 200;
export const LOGS_MAX_TAIL = 5000;

export interface LogOptions { readonly tail: number; readonly since?: string | undefined; readonly follow?: boolean }

/** `--tail N [--since S] [--follow]`, checked. */
function logOptions(options: LogOptions): string[] {
  const tail = Math.trunc(options.tail);
  if (!(tail >= 0 && tail <= LOGS_MAX_TAIL)) throw new UnsafeValue(`tail must be 0..${LOGS_MAX_TAIL}, not ${options.tail}`);
  if (options.since !== undefined && !SINCE.test(options.since)) {
    throw new UnsafeValue(`${JSON.stringify(options.since)} is not a duration (10m, 2h) or a timestamp`);
  }
  return [`--tail ${tail}`, ...(options.since !== undefined ? [`--since ${quoteWord(options.since)}`] : []), ...(options.follow ? ['--follow'] : [])];
}

export const templates = {
  /** Every container, one JSON object a line. */
  containers: (): string => `docker ps -a --no-trunc --format '{{json .}}'`,
  /**
   * The containers (of the compose project whose working directory is `dir`, or all), then a
   * separator line, then restart counts and health of the same containers: one round trip. Found by
   * the label compose puts on its containers, not by `docker compose ps`, which parses the compose
   * file: an invalid file checked out on the server must not hide what runs there.
   */
  containersWithRestarts: (dir: string | null): string => {
    const filter = dir ? ` --filter ${quoteWord(`label=com.docker.compose.project.working_dir=${checkPath('compose directory', dir)}`)}` : '';
    return `docker ps -a --no-trunc${filter} --format '{{json .}}' && echo ${SEPARATOR} && { ids=$(docker ps -aq --no-trunc${filter}); [ -z "$ids" ] || `
      // The whole State as JSON: a CLI that sees it as a map (docker 28 against engine 20.10)
      // fails on .State.Health of a container without a healthcheck.
      + `docker inspect --format '{{.Id}} {{.RestartCount}} {{json .State}}' -- $ids; }`;
  },
  logs: (container: string, options: LogOptions): string => {
    if (!CONTAINER_ID.test(container)) checkName('container', container);
    return ['docker logs', ...logOptions(options), '--', quoteWord(container)].join(' ');
  },
  /** A swarm service's logs (every task's, each line prefixed with its task). */
  serviceLogs: (service: string, options: LogOptions): string =>
    ['docker service logs', ...logOptions(options), '--', quoteWord(checkName('service', service))].join(' '),
  /**
   * A swarm stack's services, in four parts split by separator lines: `docker service ls` records
   * (replicas N/M, ports), selected `docker service inspect` fields (mode, image, update status),
   * every task, and the ids of the tasks that are up to date with their service's spec (the
   * engine's own `_up-to-date` task filter, which docker's --detach=false progress uses). A service
   * removed between the listing and the rest (stack deploy --prune) just has no tasks.
   */
  swarmServices: (stack: string): string => {
    const label = quoteWord(`label=com.docker.stack.namespace=${checkName('stack', stack)}`);
    const fields = '{"id":{{json .ID}},"name":{{json .Spec.Name}},"image":{{with .Spec.TaskTemplate.ContainerSpec}}{{json .Image}}{{else}}null{{end}},'
      + '"mode":{{json .Spec.Mode}},"createdAt":{{json .CreatedAt}},"update":{{json .UpdateStatus}}}';
    return `ids=$(docker service ls -q --filter ${label}) || exit; [ -n "$ids" ] || exit 0; `
      + `docker service ls --filter ${label} --format '{{json .}}' && echo ${SEPARATOR} && `
      + `{ docker service inspect --format '${fields}' $ids 2>/dev/null; echo ${SEPARATOR}; `
      + `docker service ps --no-trunc --format '{{json .}}' $ids 2>/dev/null; echo ${SEPARATOR}; `
      + `docker service ps -q --no-trunc --filter _up-to-date=true $ids 2>/dev/null; true; }`;
  },
  inspect: (name: string): string => `docker inspect -- ${quoteWord(CONTAINER_ID.test(name) ? name : checkName('container', name))}`,
  /** Run the reconciler now (reconcile: trigger) with its settings (see reconcilerEnv). */
  runReconciler: (env: readonly (readonly [string, string])[], reconcilerPath: string): string => {
    for (const [k] of env) if (!/^GITOPS_GUARD_[A-Z_]+$/.test(k)) throw new UnsafeValue(`${JSON.stringify(k)} is not a reconciler setting`);
    return `${env.map(([k, v]) => `${k}=${quoteWord(v)}`).join(' ')} sh ${homePath('reconciler', reconcilerPath)}`;
  },
  /** The commit checked out on the server. */
  serverHead: (remotePath: string): string => `git -C ${quoteWord(checkPath('repository', remotePath))} rev-parse HEAD`,
  /** Exit 0 when `ancestor` is `descendant` or one of its ancestors, 1 when not (both full or short shas). */
  isAncestor: (remotePath: string, ancestor: string, descendant: string): string => {
    for (const c of [ancestor, descendant]) if (!/^[0-9a-f]{7,64}$/.test(c)) throw new UnsafeValue(`${JSON.stringify(c)} is not a commit id`);
    return `git -C ${quoteWord(checkPath('repository', remotePath))} merge-base --is-ancestor ${ancestor} ${descendant}`;
  },
  /** The reconciler's last result (see `gitops-guard reconcile`): its state file, `~/…` or absolute. */
  reconcilerState: (stateFile: string): string => `cat -- ${homePath('state file', stateFile)}`,
  /** The last `lines` runs from the reconciler's history (history.jsonl beside the state file). */
  reconcilerHistory: (stateFile: string, lines: number): string => {
    if (!(Number.isInteger(lines) && lines > 0 && lines <= 1000)) throw new UnsafeValue(`lines must be 1..1000, not ${lines}`);
    const dir = stateFile.replace(/\/[^/]*$/, '');
    return `f=${homePath('state directory', dir)}/history.jsonl; [ ! -f "$f" ] || tail -n ${lines} -- "$f"`;
  },

  /** Prints each of the named tools (fixed names) that the server lacks, one a line. */
  missingTools: (tools: readonly string[], engine: 'compose' | 'swarm' = 'compose'): string => {
    for (const t of tools) checkName('tool', t);
    return `for t in ${tools.join(' ')}; do command -v "$t" >/dev/null 2>&1 || echo "$t"; done; `
      + (engine === 'swarm'
        ? `[ "$(docker info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null)" = true ] || echo "a swarm manager (this docker is not one: docker swarm init, or install on a manager)"`
        : 'docker compose version >/dev/null 2>&1 || echo "docker compose (the compose plugin)"');
  },
  /** Write stdin to `path` atomically (a temporary file, then rename), creating its directory. */
  writeFile: (path: string, mode: '0755' | '0644'): string => {
    const p = homePath('file', path);
    return `f=${p} && mkdir -p -- "$(dirname -- "$f")" && cat > "$f.tmp.$$" && chmod ${mode} -- "$f.tmp.$$" && mv -f -- "$f.tmp.$$" "$f"`;
  },
  /** Parse a script with the server's sh without running it. */
  syntaxCheck: (path: string): string => `sh -n ${homePath('script', path)}`,
  /** Replace the crontab lines carrying `marker` with the line on stdin; other lines stay. */
  installCronLine: (marker: string): string => {
    if (!CRON_MARKER.test(marker)) throw new UnsafeValue(`${JSON.stringify(marker)} is not a cron marker`);
    return `line=$(cat) && { crontab -l 2>/dev/null | grep -v -F -- ${quoteWord(marker)}; printf '%s\n' "$line"; } | crontab -`;
  },
  /** Remove the crontab lines carrying `marker`; other lines stay. */
  removeCronLine: (marker: string): string => {
    if (!CRON_MARKER.test(marker)) throw new UnsafeValue(`${JSON.stringify(marker)} is not a cron marker`);
    return `if crontab -l >/dev/null 2>&1; then crontab -l | grep -v -F -- ${quoteWord(marker)} | crontab -; fi`;
  },
  /** Stop and disable a user timer and service if systemd is there, then remove their files. */
  disableUserUnits: (unit: string, files: readonly string[]): string => {
    checkName('unit', unit);
    return `{ systemctl --user disable --now -- ${quoteWord(`${unit}.timer`)} >/dev/null 2>&1 || true; }; rm -f -- ${files.map((f) => homePath('unit file', f)).join(' ')}`
      + '; { systemctl --user daemon-reload >/dev/null 2>&1 || true; }';
  },
  /** Remove the reconciler script unless another stack's unit or cron line still runs it (then print "kept"). */
  removeScriptIfUnused: (script: string): string => {
    const p = homePath('script', script);
    return `if ls "$HOME"/.config/systemd/user/gitops-guard-reconcile-*.service >/dev/null 2>&1 || { crontab -l 2>/dev/null | grep -q -F '# gitops-guard-reconcile['; }; `
      + `then echo kept; else rm -f -- ${p}; fi`;
  },
  enableUserTimer: (unit: string): string =>
    `systemctl --user daemon-reload && systemctl --user enable --now -- ${quoteWord(checkName('unit', unit))}`,
  enableLinger: (): string => 'loginctl enable-linger "$(id -un)"',
};
