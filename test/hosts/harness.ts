// One project per host test file, prepared the way a person would: the package installed in the
// project (node_modules/gitops-guard, as `npm install -D` links it), then `gitops-guard init --agent
// HOST` and the host's own trust step. Around it: a real git remote and server checkout, the test
// sshd (reached as the configured host), a recording `docker` first on the PATH, and a private
// network namespace with only loopback in which the host runs against the scripted model.
// The recording `docker` (test/support/docker-standin.sh, locally and on the sshd) is there
// because the question is whether the command was started at all, which it records; a real
// engine would also have to be reachable from inside the namespace, and would change nothing here.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RECONCILER_SCRIPT } from '../../src/gitops/reconciler.js';
import { COMPOSE, gatewayCompose, makeRepos } from '../support/repos.js';
import { freePort, startSshd, type Sshd } from '../support/sshd.js';
import { hostBin, PINS, type HostId } from './install.js';
import { startModel, type Dialect, type ScriptedModel, type Step } from './model.js';

const ROOT = join(import.meta.dirname, '..', '..');
const STANDIN = join(ROOT, 'test', 'support', 'docker-standin.sh');
const NETNS_RUN = join(import.meta.dirname, 'netns-run.mjs');
/** The ssh alias the project is configured with; the session's ~/.ssh/config points it at the test sshd. */
export const SERVER = 'gitops-test';

export type Isolation = 'netns' | 'netns-userns' | 'none';

let isolation: Isolation | undefined;
/** How hosts are isolated on this machine: a private network namespace if it can be made. */
export function isolationMode(): Isolation {
  if (isolation) return isolation;
  const ok = (args: string[]) => spawnSync('unshare', [...args, 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
  isolation = ok(['-n']) ? 'netns' : ok(['-r', '-n']) ? 'netns-userns' : 'none';
  if (isolation === 'none') {
    process.stderr.write('host suite: this machine cannot make a network namespace (unshare -n failed); the hosts run in the '
      + 'normal network, still pointed at the scripted model on 127.0.0.1\n');
  }
  return isolation;
}

export interface Project {
  readonly host: HostId;
  readonly work: string;
  /** The project: a clone of the remote, where the host runs. */
  readonly dir: string;
  readonly checkout: string;
  readonly home: string;
  /** Where the local recording `docker` writes its calls. */
  readonly localDocker: string;
  readonly sshd: Sshd;
  readonly model: ScriptedModel;
  readonly modelPort: number;
  readonly path: string;
  /** The ~/.ssh/config of the session, which also the system ssh client is told to read (-F). */
  readonly sshConfig: string;
  /** What init printed. */
  readonly initOutput: string;
  close(): Promise<void>;
}

/** Lines the local recording docker was called with. */
export function dockerCalls(dir: string): string[] {
  const file = join(dir, 'calls');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

function unixBridge(socket: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((client) => {
      const upstream = connect(port, '127.0.0.1');
      client.pipe(upstream).pipe(client);
      const end = () => { client.destroy(); upstream.destroy(); };
      client.on('error', end);
      upstream.on('error', end);
    });
    server.once('error', reject);
    server.listen(socket, () => resolve(server));
  });
}

export async function prepareProject(host: HostId, dialect: Dialect): Promise<Project> {
  const work = mkdtempSync(join(tmpdir(), `gg-host-${host}-`));
  const home = join(work, 'home');
  const bin = join(work, 'bin');
  const localDocker = join(work, 'local-docker');
  for (const d of [home, bin, localDocker, join(home, '.ssh')]) mkdirSync(d, { recursive: true });
  copyFileSync(STANDIN, join(bin, 'docker'));
  execFileSync('chmod', ['755', join(bin, 'docker')]);

  const sshd = await startSshd();
  const checkout = join(work, 'srv', 'app');
  const { dev } = makeRepos(work, { checkout: 'srv/app', message: 'deploy: gateway on 18789', files: { [COMPOSE]: gatewayCompose(18789) } });
  writeFileSync(join(sshd.docker, 'compose-ps.json'), JSON.stringify([{ ID: 'c'.repeat(64), Name: 'app-gateway-1', Service: 'gateway',
    Image: 'ghcr.io/example/gateway:1.4.2', State: 'running', Health: 'healthy', Status: 'Up (healthy)', CreatedAt: new Date().toISOString() }]));
  writeFileSync(join(sshd.docker, 'containers.ndjson'), JSON.stringify({ ID: 'c'.repeat(64), Names: 'app-gateway-1',
    Image: 'ghcr.io/example/gateway:1.4.2', State: 'running', Status: 'Up (healthy)', Labels: 'com.docker.compose.service=gateway' }) + '\n');
  writeFileSync(join(work, 'reconcile.sh'), RECONCILER_SCRIPT, { mode: 0o755 });

  // The person's own ssh setup for the server (not the project's): alias, key, known host.
  const knownHosts = join(home, '.ssh', 'known_hosts');
  writeFileSync(knownHosts, sshd.knownHostsLine + '\n');
  const sshConfig = join(home, '.ssh', 'config');
  writeFileSync(sshConfig, [`Host ${SERVER}`, '  HostName 127.0.0.1', `  Port ${sshd.port}`, '  User root', `  IdentityFile ${sshd.clientKey}`,
    `  UserKnownHostsFile ${knownHosts}`, '  StrictHostKeyChecking yes', '  BatchMode yes', ''].join('\n'));

  // The package installed in the project, as npm links a dependency and its executable.
  mkdirSync(join(dev, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT, join(dev, 'node_modules', 'gitops-guard'));
  const capture = process.env.GITOPS_GUARD_HOSTS_CAPTURE;
  if (capture) {
    // Capture mode, to refresh test/fixtures/hooks/recorded/: the executable keeps a copy of each
    // hook input the host sends, then runs the real one on it. Off in ordinary runs.
    mkdirSync(capture, { recursive: true });
    writeFileSync(join(dev, 'node_modules', '.bin', 'gitops-guard'), ['#!/bin/sh',
      `if [ "$1" = hook ]; then f=${capture}/${host}-$(date +%s%N)-$$.json; cat > "$f"; exec node ${join(ROOT, 'dist', 'gitops-guard.cjs')} "$@" < "$f"; fi`,
      `exec node ${join(ROOT, 'dist', 'gitops-guard.cjs')} "$@"`, ''].join('\n'), { mode: 0o755 });
  } else {
    symlinkSync(join('..', 'gitops-guard', 'dist', 'gitops-guard.cjs'), join(dev, 'node_modules', '.bin', 'gitops-guard'));
  }
  writeFileSync(join(dev, '.gitignore'), 'node_modules/\n');

  const path = `${bin}:${join(dev, 'node_modules', '.bin')}:/usr/local/bin:/usr/bin:/bin`;
  const initOutput = execFileSync(join(dev, 'node_modules', '.bin', 'gitops-guard'),
    ['init', '--agent', host, '--host', SERVER, '--remote-path', checkout, '--yes'],
    { cwd: dev, encoding: 'utf8', env: { PATH: path, HOME: home } });

  const socket = join(work, 'model.sock');
  const model = await startModel(dialect, socket);
  const mode = isolationMode();
  const modelPort = await freePort();
  const bridges: Server[] = [];
  if (mode !== 'none') bridges.push(await unixBridge(join(work, 'sshd.sock'), sshd.port));
  return {
    host, work, dir: dev, checkout, home, localDocker, sshd, model, modelPort, path, sshConfig, initOutput,
    async close() {
      await model.close();
      for (const b of bridges) b.close();
      await sshd.stop();
      rmSync(work, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * Run the host once: `args` after its executable, `env` over a clean environment (PATH, HOME and
 * the recording docker's directory). The scripted model plays `steps`.
 */
export async function runHost(p: Project, steps: readonly Step[], args: string[], env: Record<string, string>,
  timeoutMs = 90_000): Promise<Run> {
  p.model.script(steps);
  const mode = isolationMode();
  const forwards = ['--forward', `${p.modelPort}=${p.model.socket}`];
  if (mode !== 'none') forwards.push('--forward', `${p.sshd.port}=${join(p.work, 'sshd.sock')}`);
  const inner = [process.execPath, NETNS_RUN, ...(mode === 'none' ? [] : ['--lo']), ...forwards, '--', hostBin(PINS[p.host]), ...args];
  const [cmd, ...cmdArgs] = mode === 'netns' ? ['unshare', '-n', ...inner] : mode === 'netns-userns' ? ['unshare', '-r', '-n', ...inner] : inner;
  const started = Date.now();
  const child = spawn(cmd!, cmdArgs, {
    cwd: p.dir, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    env: { PATH: p.path, HOME: p.home, DOCKER_STANDIN: p.localDocker, LANG: 'C.UTF-8', TERM: 'dumb', NO_COLOR: '1', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  // The host and everything it started are one process group: a run past its time is killed whole.
  const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr, ms: Date.now() - started };
}
