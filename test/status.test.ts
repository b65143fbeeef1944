// status and logs against a real Docker Engine (support/docker.ts), over a real sshd: a healthy
// web service and a gateway that fails at start (restarted twice by its policy, then exited).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECONCILER_SCRIPT } from '../src/gitops/reconciler.js';
import { loadConfig } from '../src/index.js';
import { Server } from '../src/remote/server.js';
import { httpdService, IMAGE, startEngine, type Engine } from './support/docker.js';
import { COMPOSE, git, makeRepos } from './support/repos.js';
import { freePort, startSshd, type Sshd } from './support/sshd.js';
import { BIN } from './helpers.js';

let engine: Engine;
let sshd: Sshd;
let work: string;
let dev: string;
let checkout: string;
let applied: string;
let configFile: string;

const stack = (port: number): string => `services:\n${httpdService('web', port)}  gateway:\n    image: ${IMAGE}\n    network_mode: host\n`
  + '    restart: on-failure:2\n    command: ["sh", "-c", "echo gateway starting; echo gateway: no upstream >&2; exit 1"]\n';

beforeAll(async () => {
  const [e, port] = await Promise.all([startEngine(), freePort()]);
  engine = e;
  sshd = await startSshd({ engine });
  work = mkdtempSync(join(tmpdir(), 'gitops-guard-status-'));
  ({ dev, checkout } = makeRepos(work, { checkout: 'srv/app', message: 'deploy: web and gateway', files: { [COMPOSE]: stack(port) } }));
  applied = git(dev, 'rev-parse', 'HEAD');
  writeFileSync(join(work, 'reconcile.sh'), RECONCILER_SCRIPT, { mode: 0o755 });
  execFileSync('sh', [join(work, 'reconcile.sh')], { env: { ...process.env, ...engine.env, GITOPS_GUARD_REPO: checkout,
    GITOPS_GUARD_COMPOSE_FILES: COMPOSE, GITOPS_GUARD_STATE: join(work, 'state.json') }, stdio: 'pipe' });
  // Two more commits on the remote that the server has not applied.
  for (const n of ['two', 'three']) {
    writeFileSync(join(dev, 'README'), `${n}\n`);
    git(dev, 'add', 'README');
    git(dev, 'commit', '-qm', `docs ${n}`);
  }
  git(dev, 'push', '-q');
  writeFileSync(join(work, 'known_hosts'), sshd.knownHostsLine + '\n');
  configFile = join(dev, 'gitops-guard.json');
  writeFileSync(configFile, JSON.stringify({ host: '127.0.0.1', port: sshd.port, user: 'root', remotePath: checkout, composeFiles: [COMPOSE],
    stateFile: join(work, 'state.json'), sshConfig: null, knownHosts: [join(work, 'known_hosts')], identityFile: sshd.clientKey }));
  // Until the web service is healthy and the gateway has given up.
  const until = Date.now() + 30_000;
  for (;;) {
    const cs = engine.containers();
    if (cs.find((c) => c.service === 'web')?.health === 'healthy' && cs.find((c) => c.service === 'gateway')?.state === 'exited') break;
    if (Date.now() > until) throw new Error(`the stack did not settle: ${JSON.stringify(cs)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}, 120_000);

afterAll(async () => {
  await sshd?.stop();
  await engine?.stop();
}, 60_000);

async function server(): Promise<Server> {
  return new Server(await loadConfig({ cwd: dev, root: dev, file: configFile }), { ssh: { agent: '' } });
}

describe('status', () => {
  it('lists each container with state, health and restarts, and compares the live commit with the upstream', async () => {
    const s = await server();
    try {
      const st = await s.status();
      const by = Object.fromEntries(st.containers.map((c) => [c.service, c]));
      expect(Object.keys(by).sort()).toEqual(['gateway', 'web']);
      expect(by.web).toMatchObject({ name: 'server-web-1', image: IMAGE, state: 'running', health: 'healthy', restarts: 0 });
      expect(by.gateway).toMatchObject({ name: 'server-gateway-1', state: 'exited', health: null, restarts: 2 });
      expect(st.server.checkout).toBe(applied);
      expect(st.server.applied).toMatchObject({ commit: applied, ok: true, applied });
      expect(st.pending).toBe(2);
      expect(st.summary).toBe(`live: ${applied.slice(0, 7)}; origin/main: ${git(dev, 'rev-parse', 'HEAD').slice(0, 7)}; 2 commits not yet applied; 1/2 containers running`);
    } finally {
      s.close();
    }
  });
});

describe('logs', () => {
  it("keeps a container's stdout and stderr apart, with grep, and names the services there are", async () => {
    const s = await server();
    try {
      const r = await s.logs('gateway');
      expect(r.container).toBe('server-gateway-1');
      expect(r.stdout).toContain('gateway starting');
      expect(r.stdout).not.toContain('no upstream');
      expect(r.stderr).toContain('gateway: no upstream');
      const web = await s.logs('web', { grep: 'listening', tail: 10 });
      expect(web.stdout).toMatch(/^listening on 127\.0\.0\.1:\d+$/);
      expect(web.stderr).toBe('');
      await expect(s.logs('nope')).rejects.toThrow(/no container for service "nope".*gateway, web/);
    } finally {
      s.close();
    }
  });
});

describe('CLI', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args],
    { cwd: dev, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: join(work, 'home'), NO_COLOR: '1' } });

  it('status as a table and as JSON; logs with both streams labelled', () => {
    const table = cli('status');
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/SERVICE\s+CONTAINER\s+IMAGE\s+STATE\s+HEALTH\s+RESTARTS/);
    expect(table.stdout).toMatch(/gateway\s+server-gateway-1\s+local\/busybox:1\s+exited\s+-\s+2/);
    expect(table.stdout).toMatch(/web\s+server-web-1\s+local\/busybox:1\s+running\s+healthy\s+0/);
    expect(JSON.parse(cli('status', '--json').stdout).containers).toHaveLength(2);
    const logs = cli('logs', 'gateway', '--tail', '50');
    expect(logs.status, logs.stderr).toBe(0);
    expect(logs.stdout).toMatch(/== gateway \(server-gateway-1\) stdout ==\ngateway starting/);
    expect(logs.stdout).toContain('== gateway (server-gateway-1) stderr ==\ngateway: no upstream');
  });
});
