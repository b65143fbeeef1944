// A real Docker Engine for the tests: a private dockerd per test file (its own data root, exec root,
// pid file and socket under a temporary directory; no bridge, no iptables), Compose v2 as a CLI
// plugin (compose-plugin.sh, cached), and a busybox image made from this machine's /bin/busybox
// (nothing can be pulled here). Test stacks use network_mode: host and listen on 127.0.0.1 only.
// stop() removes every container and stops the daemon. Never skipped: CI installs docker.io and
// busybox-static, and a missing engine fails the tests that need it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DOCKERD = ['/usr/sbin/dockerd', '/usr/bin/dockerd'].find((p) => existsSync(p)) ?? 'dockerd';
const BUSYBOX = ['/bin/busybox', '/usr/bin/busybox'].find((p) => existsSync(p)) ?? '/bin/busybox';
const COMPOSE_PLUGIN = join(import.meta.dirname, 'compose-plugin.sh');
/** The image every test stack runs: busybox, with these applets on /bin. */
export const IMAGE = 'local/busybox:1';
const APPLETS = ['sh', 'httpd', 'wget', 'sleep', 'cat', 'echo', 'true', 'false', 'ls', 'printf', 'test', 'env', 'kill', 'nc'];

export interface Engine {
  readonly dir: string;
  /** unix:///…/docker.sock */
  readonly host: string;
  /** Holds cli-plugins/docker-compose. */
  readonly dockerConfig: string;
  /** DOCKER_HOST and DOCKER_CONFIG, for clients of this engine. */
  readonly env: Record<string, string>;
  readonly process: ChildProcess;
  /** The docker CLI against this engine; returns trimmed stdout. */
  docker(...args: string[]): string;
  /** `docker compose -f FILE ARGS…` against this engine (a person at the server, in the tests). */
  dockerCompose(file: string, ...args: string[]): string;
  /** Every container's state, by compose service (or name). */
  containers(): { id: string; name: string; service: string; state: string; health: string }[];
  stop(): Promise<void>;
}

let pluginDir: string | undefined;
/** The DOCKER_CONFIG directory with the Compose v2 plugin (fetched once, then cached on disk). */
export function composePlugin(): string {
  pluginDir ??= execFileSync('sh', [COMPOSE_PLUGIN], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').pop()!;
  return pluginDir;
}

export async function startEngine(): Promise<Engine> {
  const dockerConfig = composePlugin();
  // A short path: a unix socket path must stay under 108 bytes.
  const dir = mkdtempSync(join(tmpdir(), 'gg-dockerd-'));
  const socket = join(dir, 'docker.sock');
  const host = `unix://${socket}`;
  const env = { DOCKER_HOST: host, DOCKER_CONFIG: dockerConfig };
  let log = '';
  const child = spawn(DOCKERD, ['--data-root', join(dir, 'root'), '--exec-root', join(dir, 'exec'), '--host', host,
    '--pidfile', join(dir, 'dockerd.pid'), '--bridge=none', '--iptables=false', '--ip6tables=false'],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => { log = (log + d.toString()).slice(-8000); });
  child.stderr!.on('data', (d: Buffer) => { log = (log + d.toString()).slice(-8000); });
  // A test process that dies without its afterAll still takes its daemon with it.
  process.once('exit', () => { if (child.exitCode === null) child.kill('SIGKILL'); });
  const docker = (...args: string[]): string =>
    execFileSync('docker', args, { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] }).trim();
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dockerd exited with ${child.exitCode}:\n${log}`);
    try {
      if (existsSync(socket)) { docker('version', '--format', '{{.Server.Version}}'); break; }
    } catch { /* not up yet */ }
    if (Date.now() > until) { child.kill('SIGKILL'); throw new Error(`dockerd did not answer on ${socket}:\n${log}`); }
    await new Promise((r) => setTimeout(r, 50));
  }
  // The image, from this machine's busybox.
  const rootfs = join(dir, 'rootfs');
  mkdirSync(join(rootfs, 'bin'), { recursive: true });
  mkdirSync(join(rootfs, 'tmp'));
  mkdirSync(join(rootfs, 'www'));
  writeFileSync(join(rootfs, 'www', 'index.html'), 'gateway\n');
  copyFileSync(BUSYBOX, join(rootfs, 'bin', 'busybox'));
  for (const a of APPLETS) symlinkSync('busybox', join(rootfs, 'bin', a));
  execFileSync('sh', ['-c', `tar -C "$1" -c . | docker import - "$2" >/dev/null`, 'import', rootfs, IMAGE], { env: { ...process.env, ...env } });
  rmSync(rootfs, { recursive: true, force: true });
  let stopped: Promise<void> | undefined;
  return {
    dir, host, dockerConfig, env, process: child, docker,
    dockerCompose: (file, ...args) => docker('compose', '-f', file, ...args),
    containers() {
      const out = docker('ps', '-a', '--no-trunc', '--format',
        '{{.ID}}\t{{.Names}}\t{{.Label "com.docker.compose.service"}}\t{{.State}}\t{{.Status}}');
      return out.split('\n').filter(Boolean).map((l) => {
        const [id = '', name = '', service = '', state = '', status = ''] = l.split('\t');
        const health = /\((healthy|unhealthy|health: starting)\)/.exec(status)?.[1]?.replace('health: ', '') ?? '';
        return { id, name, service: service || name, state, health };
      });
    },
    stop() {
      stopped ??= (async () => {
        if (child.exitCode === null) {
          try {
            const ids = docker('ps', '-aq').split('\n').filter(Boolean);
            if (ids.length) docker('rm', '-f', '-v', ...ids);
          } catch { /* the daemon is going anyway */ }
          await new Promise<void>((resolve) => {
            const t = setTimeout(() => { child.kill('SIGKILL'); }, 15_000);
            child.once('exit', () => { clearTimeout(t); resolve(); });
            child.kill('SIGTERM');
          });
        }
        // containerd's own processes under this exec root, if dockerd left any behind.
        try {
          const pid = Number(readFileSync(join(dir, 'exec', 'containerd', 'containerd.pid'), 'utf8'));
          if (pid > 0) process.kill(pid, 'SIGKILL');
        } catch { /* gone */ }
        // dockerd leaves its namespace mount (exec/netns/default) behind; anything mounted under
        // the directory is unmounted before it is removed.
        const mounts = readFileSync('/proc/self/mounts', 'utf8').split('\n').map((l) => l.split(' ')[1] ?? '')
          .filter((m) => m.startsWith(`${dir}/`)).sort().reverse();
        for (const m of mounts) {
          try { execFileSync('umount', ['-l', m], { stdio: 'ignore' }); } catch { /* not mounted any more */ }
        }
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      })();
      return stopped;
    },
  };
}

/**
 * The seed's gateway as a real stack: busybox httpd on 127.0.0.1:`port`, host networking, with a
 * healthcheck that fetches a page. It prints one line to stdout and one to stderr as it starts (for
 * the logs tests). `extra` goes into the service as YAML lines (four-space indented).
 */
export function httpdService(name: string, port: number, extra: string[] = []): string {
  return [`  ${name}:`, `    image: ${IMAGE}`, '    network_mode: host', '    stop_grace_period: 1s',
    `    command: ["sh", "-c", "echo listening on 127.0.0.1:${port}; echo warn: no TLS configured >&2; exec httpd -f -p 127.0.0.1:${port} -h /www"]`,
    '    healthcheck:',
    `      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:${port}/"]`,
    '      interval: 1s', '      timeout: 2s', '      retries: 3',
    ...extra, ''].join('\n');
}

/** HTTP GET on 127.0.0.1:port: the status code, or null when nothing answers. */
/**
 * httpGet once a server started by hand (not by the code under test, which waits itself) answers:
 * a container's process may still be starting when `compose up -d` returns. Null after `withinMs`.
 */
export async function httpGetOnceUp(port: number, withinMs = 15_000): Promise<number | null> {
  const until = Date.now() + withinMs;
  for (;;) {
    const status = await httpGet(port);
    if (status !== null || Date.now() >= until) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function httpGet(port: number, path = '/'): Promise<number | null> {
  try {
    const r = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(3000) });
    await r.arrayBuffer();
    return r.status;
  } catch {
    return null;
  }
}
