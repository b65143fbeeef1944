// The real reconciler script, run on a real sshd with git checkouts, against a real Docker Engine
// (support/docker.ts): the gateway is busybox httpd on 127.0.0.1, and each test asks it over HTTP.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECONCILER_SCRIPT } from '../src/gitops/reconciler.js';
import { loadConfig } from '../src/index.js';
import { Server } from '../src/remote/server.js';
import { httpGet, httpGetOnceUp, IMAGE, startEngine, type Engine } from './support/docker.js';
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

async function reconcile(extra: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = Object.entries({ GITOPS_GUARD_REPO: checkout, GITOPS_GUARD_COMPOSE_FILES: COMPOSE, GITOPS_GUARD_STATE: state, ...extra })
    .map(([k, v]) => `${k}=${v}`).join(' ');
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

describe('the reconciler heals drift (onDrift: heal, the default)', () => {
  const lastRun = async () => (await server.runs(1))[0]!;

  it('brings a container stopped by hand back with up, and says so in the state, the history and status', async () => {
    const commit = git(dev, 'rev-parse', 'HEAD');
    engine.docker('stop', '-t', '1', gateway()!.id);
    expect(gateway()!.state).toBe('exited');
    expect(await httpGet(port)).toBeNull();
    const r = await reconcile();
    expect(r.code, r.stderr).toBe(0);
    expect(gateway()!.state).toBe('running');
    expect(await httpGet(port)).toBe(200);
    expect(readState()).toMatchObject({ commit, ok: true, applied: commit });
    expect((readState().healed as string[]).join(' ')).toMatch(/running containers differed from git.*server-gateway-1.*brought back with up/);
    expect(await lastRun()).toMatchObject({ commit, event: 'healed', ok: true, exit: 0 });
    const status = await server.status();
    expect(status.healed.join(' ')).toContain('brought back with up');
    // The next run has nothing to do, and records nothing.
    const runs = (await server.runs(100)).length;
    expect((await reconcile()).code).toBe(0);
    expect((await server.runs(100)).length).toBe(runs);
  });

  it('recreates a container removed by hand, and one changed by hand (compose up from an edited file, edit undone)', async () => {
    engine.docker('rm', '-f', gateway()!.id);
    expect(gateway()).toBeUndefined();
    expect((await reconcile()).code).toBe(0);
    expect(gateway()!.state).toBe('running');
    expect(await httpGet(port)).toBe(200);
    // Someone ran compose by hand with another port, then put the file back.
    const other = await freePort();
    const file = join(checkout, COMPOSE);
    const kept = readFileSync(file, 'utf8');
    writeFileSync(file, gatewayCompose(other));
    engine.dockerCompose(file, 'up', '-d');
    writeFileSync(file, kept);
    expect(await httpGetOnceUp(other)).toBe(200);
    expect((await reconcile()).code).toBe(0);
    expect(await httpGet(port)).toBe(200);
    expect(await httpGet(other)).toBeNull();
  });

  it('saves a checkout edited on the server (a patch and a ref), moves it to git, and applies', async () => {
    const file = join(checkout, COMPOSE);
    writeFileSync(file, readFileSync(file, 'utf8') + '# tuned by hand on the server\n');
    const next = await freePort();
    const c = pushPort(next);
    const r = await reconcile();
    expect(r.code, r.stderr).toBe(0);
    expect(git(checkout, 'rev-parse', 'HEAD')).toBe(c);
    expect(git(checkout, 'status', '--porcelain', '--untracked-files=no')).toBe('');
    const healed = (readState().healed as string[]).join('\n');
    const saved = /saved as (\S+\.patch) and (refs\/gitops-guard\/saved\/\S+),/.exec(healed);
    expect(saved, healed).not.toBeNull();
    expect(healed).toContain('the checkout was edited on the server');
    expect(readFileSync(saved![1]!, 'utf8')).toContain('+# tuned by hand on the server');
    expect(git(checkout, 'show', `${saved![2]}:${COMPOSE}`)).toContain('# tuned by hand on the server');
    expect(r.stderr).toContain(saved![1]!);
    expect(await httpGet(next)).toBe(200);
    port = next;
    expect(await lastRun()).toMatchObject({ commit: c, event: 'applied' });
  });

  it('saves commits made on the server, and a history rewritten upstream, then follows upstream', async () => {
    git(checkout, 'commit', '-q', '--allow-empty', '-m', 'made on the server');
    const local = git(checkout, 'rev-parse', 'HEAD');
    expect((await reconcile()).code).toBe(0);
    let healed = (readState().healed as string[]).join('\n');
    expect(healed).toContain('the checkout has commits made on the server');
    const ref = /(refs\/gitops-guard\/saved\/\S+),/.exec(healed)![1]!;
    expect(git(checkout, 'rev-parse', ref)).toBe(local);
    expect(git(checkout, 'rev-parse', 'HEAD')).toBe(git(dev, 'rev-parse', 'HEAD'));
    // Upstream rewritten under the server (the test force-pushes; gitops-guard never does).
    const applied = String(readState().applied);
    git(dev, 'commit', '-q', '--amend', '-m', 'deploy: the same port, rewritten');
    git(dev, 'push', '-q', '--force');
    expect((await reconcile()).code).toBe(0);
    healed = (readState().healed as string[]).join('\n');
    expect(healed).toMatch(/origin\/main was rewritten/);
    const saved = /(refs\/gitops-guard\/saved\/\S+),/.exec(healed)![1]!;
    expect(git(checkout, 'rev-parse', saved)).toBe(applied);
    expect(readState()).toMatchObject({ applied: git(dev, 'rev-parse', 'HEAD'), ok: true });
  });

  it('removes a stale index.lock (no git process alive) and reports it; waits while a git process holds one', async () => {
    writeFileSync(join(checkout, '.git', 'index.lock'), '');
    const r = await reconcile();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('removed a stale');
    expect((readState().healed as string[]).join(' ')).toContain('index.lock');
    expect(existsSync(join(checkout, '.git', 'index.lock'))).toBe(false);
    // A live git in the checkout (here one waiting on its stdin) may hold the lock: the run leaves it.
    const holder = spawn('git', ['hash-object', '--stdin'], { cwd: checkout, stdio: ['pipe', 'ignore', 'ignore'] });
    writeFileSync(join(checkout, '.git', 'index.lock'), '');
    try {
      await new Promise((res) => setTimeout(res, 200));
      const busy = await reconcile();
      expect(busy.code).toBe(4);
      expect(busy.stderr).toContain('a git process is running');
      expect(existsSync(join(checkout, '.git', 'index.lock'))).toBe(true);
    } finally {
      holder.kill('SIGKILL');
      rmSync(join(checkout, '.git', 'index.lock'), { force: true });
    }
    expect((await reconcile()).code).toBe(0);
  });

  it('onDrift: refuse stops at an edited checkout and leaves a stopped container stopped', async () => {
    const refuse = { GITOPS_GUARD_ON_DRIFT: 'refuse' };
    const file = join(checkout, COMPOSE);
    const kept = readFileSync(file, 'utf8');
    writeFileSync(file, kept + '# by hand\n');
    const r = await reconcile(refuse);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('onDrift is refuse');
    expect(readFileSync(file, 'utf8')).toContain('# by hand');
    writeFileSync(file, kept);
    engine.docker('stop', '-t', '1', gateway()!.id);
    expect((await reconcile(refuse)).code).toBe(0);
    expect(gateway()!.state).toBe('exited');
    expect((await reconcile()).code).toBe(0);
    expect(gateway()!.state).toBe('running');
  });
});

describe('notifications: a webhook on 127.0.0.1 gets applied, healed and failed runs', () => {
  it('POSTs one JSON event per run that did something, with the token from the server\'s env file as a header', async () => {
    const got: { headers: Record<string, string | string[] | undefined>; body: Record<string, unknown> }[] = [];
    const hook = createServer((req, res) => {
      let text = '';
      req.on('data', (d: Buffer) => { text += d.toString(); });
      req.on('end', () => {
        let body: Record<string, unknown>;
        try { body = JSON.parse(text) as Record<string, unknown>; } catch { body = { unparsed: text }; }
        got.push({ headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(hook.address() as { port: number }).port}/gitops`;
    // The token lives on the server, never in git: ~/.config/gitops-guard/env of the ssh user.
    mkdirSync(join(sshd.home, '.config', 'gitops-guard'), { recursive: true });
    writeFileSync(join(sshd.home, '.config', 'gitops-guard', 'env'), 'GG_HOOK_TOKEN=Bearer s3cret\n');
    const notify = { GITOPS_GUARD_NOTIFY_URL: url, GITOPS_GUARD_NOTIFY_HEADER: 'Authorization', GITOPS_GUARD_NOTIFY_TOKEN_ENV: 'GG_HOOK_TOKEN', GITOPS_GUARD_STACK: 'CodeFoundry' };
    try {
      const next = await freePort();
      const c = pushPort(next);
      expect((await reconcile(notify)).code).toBe(0);
      port = next;
      engine.docker('stop', '-t', '1', gateway()!.id);
      expect((await reconcile(notify)).code).toBe(0);
      expect((await reconcile(notify)).code).toBe(0); // nothing to do: no event
      const bad = push(`services:\n  gateway:\n    image: ${IMAGE}\n    networks: [nowhere]\n`, 'deploy: broken');
      expect((await reconcile(notify)).code).toBe(5);
      // Retried by the next run, the same failure is recorded in the state again, but sent (and kept in the history) once.
      const runs = (await server.runs(100)).length;
      expect((await reconcile(notify)).code).toBe(5);
      expect((await server.runs(100)).length).toBe(runs);
      expect(got.map((g) => [g.body.event, g.body.commit])).toEqual([['applied', c], ['healed', c], ['failed', bad]]);
      expect(got.every((g) => g.headers.authorization === 'Bearer s3cret' && g.headers['content-type'] === 'application/json')).toBe(true);
      expect(got[0]!.body).toMatchObject({ stack: 'CodeFoundry', ok: true, exit: 0 });
      expect((got[1]!.body.healed as string[]).join(' ')).toContain('brought back with up');
      expect(got[2]!.body).toMatchObject({ ok: false, exit: 5 });
      expect(String(got[2]!.body.output)).toContain('nowhere');
    } finally {
      hook.close();
      pushPort(port);
      expect((await reconcile()).code).toBe(0);
    }
  });
});

describe('the run history is bounded', () => {
  it('keeps the newest GITOPS_GUARD_HISTORY_MAX runs', async () => {
    const max = { GITOPS_GUARD_HISTORY_MAX: '2' };
    for (let i = 0; i < 3; i++) {
      engine.docker('stop', '-t', '1', gateway()!.id);
      expect((await reconcile(max)).code).toBe(0);
    }
    const lines = readFileSync(join(work, 'state', 'history.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['healed', 'healed']);
  });
});
