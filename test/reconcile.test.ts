// The real reconciler script, run on a real sshd with git checkouts, against a real Docker Engine
// (support/docker.ts): the gateway is busybox httpd on 127.0.0.1, and each test asks it over HTTP.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECONCILER_SCRIPT } from '../src/gitops/reconciler.js';
import { loadConfig } from '../src/index.js';
import { Server } from '../src/remote/server.js';
import { httpGet, IMAGE, startEngine, type Engine } from './support/docker.js';
import { COMPOSE, gatewayCompose, git, makeRepos } from './support/repos.js';
import { freePort, startSshd, type Sshd } from './support/sshd.js';

let engine: Engine;
let sshd: Sshd;
let work: string;
let server: Server;
let dev: string;
let checkout: string;
let script: string;
let state: string;

function push(content: string, message: string): string {
  writeFileSync(join(dev, COMPOSE), content);
  git(dev, 'commit', '-qam', message);
  git(dev, 'push', '-q');
  return git(dev, 'rev-parse', 'HEAD');
}
const pushPort = (port: number): string => push(gatewayCompose(port), `deploy: gateway port ${port}`);

async function reconcile(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = `GITOPS_GUARD_REPO=${checkout} GITOPS_GUARD_COMPOSE_FILES=server/docker-compose.yml GITOPS_GUARD_STATE=${state}`;
  const r = await server.run(`${env} sh ${script}`);
  return { code: r.code, stdout: r.stdout, stderr: r.stderr };
}

const readState = (): Record<string, unknown> => JSON.parse(readFileSync(state, 'utf8')) as Record<string, unknown>;
const gateway = () => engine.containers().find((c) => c.service === 'gateway');

let port: number;

beforeAll(async () => {
  [engine, port] = await Promise.all([startEngine(), freePort()]);
  sshd = await startSshd({ engine });
  work = mkdtempSync(join(tmpdir(), 'gitops-guard-reconcile-'));
  ({ dev, checkout } = makeRepos(work, { checkout: 'srv/CodeFoundry', message: 'deploy: gateway', files: { [COMPOSE]: gatewayCompose(port) } }));
  state = join(work, 'state', 'state.json');
  script = join(work, 'gitops-guard-reconcile');
  writeFileSync(script, RECONCILER_SCRIPT, { mode: 0o755 });
  const kh = join(work, 'known_hosts');
  writeFileSync(kh, sshd.knownHostsLine + '\n');
  const config = await loadConfig({
    cwd: dev, root: dev,
    config: { host: '127.0.0.1', port: sshd.port, user: 'root', sshConfig: null, knownHosts: [kh], identityFile: sshd.clientKey,
      remotePath: checkout, composeFiles: ['server/docker-compose.yml'], stateFile: state },
  });
  server = new Server(config, { ssh: { agent: '' } });
}, 120_000);

afterAll(async () => {
  server?.close();
  await sshd?.stop();
  await engine?.stop();
}, 60_000);

describe('the reconciler on the server, against a real engine', () => {
  it('brings the stack up at the upstream commit and records it; the gateway answers', async () => {
    const first = git(dev, 'rev-parse', 'HEAD');
    const r = await reconcile();
    expect(r.code, r.stderr).toBe(0);
    expect(readState()).toMatchObject({ commit: first, ok: true, exit: 0, applied: first });
    expect(gateway()).toMatchObject({ state: 'running' });
    expect(await httpGet(port)).toBe(200);
  });

  it('fast-forwards to a new commit and recreates the gateway on its new port', async () => {
    const next = await freePort();
    const c2 = pushPort(next);
    const r = await reconcile();
    expect(r.code, r.stderr).toBe(0);
    expect(git(checkout, 'rev-parse', 'HEAD')).toBe(c2);
    expect(readState()).toMatchObject({ commit: c2, ok: true, applied: c2 });
    expect(await httpGet(next)).toBe(200);
    expect(await httpGet(port)).toBeNull();
    port = next;
    const status = await server.status();
    expect(status.server.applied?.applied).toBe(c2);
    expect(status.summary).toContain(`live: ${c2.slice(0, 7)}`);
    expect(status.pending).toBe(0);
    expect(status.containers).toEqual([expect.objectContaining({ service: 'gateway', state: 'running', image: IMAGE })]);
  });

  it('does nothing when the upstream commit is already applied: same container, same record', async () => {
    const before = readFileSync(state, 'utf8');
    const id = gateway()!.id;
    expect((await reconcile()).code).toBe(0);
    expect(readFileSync(state, 'utf8')).toBe(before);
    expect(gateway()!.id).toBe(id);
  });

  it('never runs up with an invalid compose file, leaves the gateway serving, and applies once it is fixed', async () => {
    const applied = readState().applied;
    const id = gateway()!.id;
    const c3 = push(`services:\n  gateway:\n    image: ${IMAGE}\n    networks: [nowhere]\n`, 'deploy: a network that is not declared');
    const r = await reconcile();
    expect(r.code).toBe(5);
    expect(readState()).toMatchObject({ commit: c3, ok: false, exit: 5, applied });
    expect(String(readState().output)).toMatch(/nowhere/);
    expect(gateway()!.id).toBe(id);
    expect(await httpGet(port)).toBe(200);
    const status = await server.status();
    expect(status.problems.join(' ')).toContain('failed');
    const c4 = pushPort(port);
    expect((await reconcile()).code).toBe(0);
    expect(readState()).toMatchObject({ commit: c4, ok: true, applied: c4 });
  });

  it('exits at once while another run holds the lock', async () => {
    const holder = spawn('flock', [`${state}.lock`, 'sleep', '1.5']);
    const released = new Promise((r) => holder.once('exit', r));
    await new Promise((r) => setTimeout(r, 300));
    const r = await reconcile();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('another run is in progress');
    await released;
  });

  it('keeps the running gateway when compose up fails (an image that is not there), and records why', async () => {
    const applied = readState().applied;
    const id = gateway()!.id;
    const c5 = push(gatewayCompose(port).replace(`image: ${IMAGE}`, 'image: local/missing:1\n    pull_policy: never'), 'deploy: an image that was never built');
    const r = await reconcile();
    expect(r.code).toBe(6);
    expect(readState()).toMatchObject({ commit: c5, ok: false, exit: 6, applied });
    expect(String(readState().output)).toMatch(/local\/missing:1|No such image/i);
    expect(gateway()).toMatchObject({ id, state: 'running' });
    expect(await httpGet(port)).toBe(200);
    pushPort(port);
    expect((await reconcile()).code).toBe(0);
  });
});
