// The real reconciler script, run on a real sshd with git checkouts; the docker CLI on that
// server is the recording stand-in (no Docker engine runs here).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECONCILER_SCRIPT } from '../src/gitops/reconciler.js';
import { loadConfig } from '../src/index.js';
import { Server } from '../src/remote/server.js';
import { COMPOSE, gatewayCompose, git, makeRepos } from './support/repos.js';
import { startSshd, type Sshd } from './support/sshd.js';

let sshd: Sshd;
let work: string;
let server: Server;
let dev: string;
let checkout: string;
let script: string;
let state: string;

function push(port: string): string {
  writeFileSync(join(dev, COMPOSE), gatewayCompose(Number(port)));
  git(dev, 'commit', '-qam', `deploy: gateway port ${port}`);
  git(dev, 'push', '-q');
  return git(dev, 'rev-parse', 'HEAD');
}

async function reconcile(): Promise<{ code: number | null; stderr: string }> {
  const env = `GITOPS_GUARD_REPO=${checkout} GITOPS_GUARD_COMPOSE_FILES=server/docker-compose.yml GITOPS_GUARD_STATE=${state}`;
  const r = await server.run(`${env} sh ${script}`);
  return { code: r.code, stderr: r.stderr };
}

const calls = (): string[] => (existsSync(join(sshd.docker, 'calls')) ? readFileSync(join(sshd.docker, 'calls'), 'utf8').trim().split('\n') : []);
const readState = (): Record<string, unknown> => JSON.parse(readFileSync(state, 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
  sshd = await startSshd();
  work = mkdtempSync(join(tmpdir(), 'gitops-guard-reconcile-'));
  ({ dev, checkout } = makeRepos(work, { checkout: 'srv/CodeFoundry', message: 'deploy: gateway', files: { [COMPOSE]: gatewayCompose(18789) } }));
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
}, 60_000);

afterAll(async () => {
  server?.close();
  await sshd?.stop();
});

describe('the reconciler on the server', () => {
  it('fast-forwards the checkout, validates, brings the stack up, and records the result', async () => {
    const c2 = push('18790');
    const r = await reconcile();
    expect(r.code, r.stderr).toBe(0);
    expect(git(checkout, 'rev-parse', 'HEAD')).toBe(c2);
    const compose = `compose -f ${checkout}/server/docker-compose.yml`;
    expect(calls().slice(-2)).toEqual([`${compose} config -q`, `${compose} up -d --remove-orphans`]);
    expect(readState()).toMatchObject({ commit: c2, ok: true, exit: 0, applied: c2 });
    const status = await server.status();
    expect(status.server.applied?.applied).toBe(c2);
    expect(status.summary).toContain(`live: ${c2.slice(0, 7)}`);
    expect(status.pending).toBe(0);
  });

  it('does nothing when the upstream commit is already applied', async () => {
    const before = calls().length;
    expect((await reconcile()).code).toBe(0);
    expect(calls().length).toBe(before);
  });

  it('never runs up with an invalid compose file, leaves the containers alone, and retries once it is fixed', async () => {
    const applied = readState().applied;
    writeFileSync(join(sshd.docker, 'compose-config-fails'), '');
    const c3 = push('18791');
    const before = calls().length;
    const r = await reconcile();
    expect(r.code).toBe(5);
    expect(calls().slice(before).some((c) => c.includes(' up '))).toBe(false);
    expect(readState()).toMatchObject({ commit: c3, ok: false, exit: 5, applied });
    expect(String(readState().output)).toContain('undefined network');
    const status = await server.status();
    expect(status.problems.join(' ')).toContain('failed');
    rmSync(join(sshd.docker, 'compose-config-fails'));
    expect((await reconcile()).code).toBe(0);
    expect(readState()).toMatchObject({ commit: c3, ok: true, applied: c3 });
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

  it('keeps the previous containers when compose up fails, and records why', async () => {
    const applied = readState().applied;
    writeFileSync(join(sshd.docker, 'compose-up-fails'), '');
    const c4 = push('18792');
    try {
      const r = await reconcile();
      expect(r.code).toBe(6);
      expect(readState()).toMatchObject({ commit: c4, ok: false, exit: 6, applied });
      expect(String(readState().output)).toContain('pull access denied');
    } finally {
      rmSync(join(sshd.docker, 'compose-up-fails'));
    }
    expect((await reconcile()).code).toBe(0);
  });

  it('refuses to move a checkout that was edited on the server, or that is not a fast-forward', async () => {
    writeFileSync(join(checkout, 'server', 'docker-compose.yml'), 'edited by hand\n');
    const c5 = push('18793');
    const r = await reconcile();
    expect(r.code).toBe(4);
    expect(readState()).toMatchObject({ commit: c5, ok: false });
    git(checkout, 'checkout', '--', '.');
    git(checkout, 'commit', '-q', '--allow-empty', '-m', 'made on the server');
    expect((await reconcile()).code).toBe(4);
    expect(String(readState().output)).toContain('not a fast-forward');
  });
});
