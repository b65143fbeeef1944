// Faults, each on real parts (support/stack.ts: a private Docker Engine, a real sshd, real git):
// deploys killed at each step, health-gated revert, rollbacks that are not simple, two deploys and
// two reconciler runs at once, a reconciler killed during up, invalid files pushed with plain git,
// the server going away during the wait, a changed host key, and a full disk under the state file.
// In each: no commit lost, the work tree as it was, the server in a known state, and a message
// that says what to run next.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../src/gitops/deploy.js';
import { rollback } from '../src/gitops/rollback.js';
import { GitOpsError } from '../src/gitops/types.js';
import { httpGet, httpdService, IMAGE } from './support/docker.js';
import { COMPOSE, gatewayCompose, git } from './support/repos.js';
import { startStack, type Stack } from './support/stack.js';
import { freePorts, keygen, startSshd } from './support/sshd.js';
import { BIN } from './helpers.js';
import { EXIT } from '../src/cli/exit.js';

let s: Stack;
let P: number[];
/** The port the gateway answers on now. */
let live: number;

beforeAll(async () => {
  s = await startStack({ name: 'faults', ports: 2 });
  P = await freePorts(16);
  live = s.ports[0]!;
  expect((await s.reconcile()).code).toBe(0);
}, 120_000);

afterAll(async () => {
  await s?.stop();
}, 60_000);

const head = (dir = s.dev): string => git(dir, 'rev-parse', 'HEAD');
const remoteHead = (): string => git(s.bare, 'rev-parse', 'main');
async function failure(p: Promise<unknown>): Promise<GitOpsError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(GitOpsError);
  return e as GitOpsError;
}
const cli = (args: string[], cwd = s.dev) => spawnSync(process.execPath, [BIN, ...args],
  { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: join(s.work, 'home'), NO_COLOR: '1' } });

/** Run `gitops-guard deploy` and SIGKILL it (with its git children) once stderr shows `[step]`. */
async function killDeployAt(step: string, args: string[]): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'deploy', ...args], { cwd: s.dev, detached: true,
    env: { PATH: process.env.PATH ?? '', HOME: join(s.work, 'home'), NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  await new Promise<void>((resolve) => {
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes(`[${step}]`)) { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }
    });
    child.once('exit', () => resolve());
  });
}

describe('a deploy killed at any step is finished, never forgotten', () => {
  it('killed during the push (a slow pre-push hook): the commit is kept, deploy says --resume, --resume finishes it', async () => {
    const prePush = join(s.dev, '.git', 'hooks', 'pre-push');
    writeFileSync(prePush, '#!/bin/sh\nsleep 5\n', { mode: 0o755 });
    const before = remoteHead();
    writeFileSync(join(s.dev, COMPOSE), gatewayCompose(P[0]!));
    try {
      await killDeployAt('push', ['-m', 'gateway on P0']);
    } finally {
      execFileSync('rm', ['-f', prePush]);
    }
    expect(remoteHead()).toBe(before);
    expect(git(s.dev, 'log', '-1', '--format=%s')).toBe('deploy: gateway on P0');
    expect(git(s.dev, 'status', '--porcelain')).toBe('');
    // The next deploy does not bury it: it says what is unpushed, and the command.
    writeFileSync(join(s.dev, 'README.md'), 'unrelated edit\n');
    const next = cli(['deploy', '-m', 'something else', '--no-wait']);
    expect(next.status).toBe(EXIT.refused);
    expect(next.stderr).toMatch(/1 commit\(s\) on main are not pushed yet \([0-9a-f]{7} deploy: gateway on P0\)[\s\S]*gitops-guard deploy --resume/);
    expect(next.stderr).not.toContain('nothing to deploy');
    git(s.dev, 'checkout', '--', 'README.md');
    // Nor does a rollback, which would otherwise pick the unpushed commit as the last deploy.
    const rb = cli(['rollback', '--last', '--no-wait']);
    expect(rb.status).toBe(EXIT.refused);
    expect(rb.stderr).toMatch(/not pushed yet[\s\S]*deploy --resume/);
    expect(git(s.dev, 'log', '-1', '--format=%s')).toBe('deploy: gateway on P0');
    const r = cli(['deploy', '--resume']);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(remoteHead()).toBe(head());
    expect(await httpGet(P[0]!)).toBe(200);
    live = P[0]!;
  });

  it('killed during the wait (timer mode): pushed, not applied; deploy says so instead of "nothing to deploy"', async () => {
    writeFileSync(join(s.dev, 'gitops-guard.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(s.dev, 'gitops-guard.json'), 'utf8')), reconcile: 'timer' }, null, 2));
    git(s.dev, 'commit', '-qam', 'config: the timer applies');
    git(s.dev, 'push', '-q');
    writeFileSync(join(s.dev, COMPOSE), gatewayCompose(P[1]!));
    await killDeployAt('wait', ['-m', 'gateway on P1']);
    expect(remoteHead()).toBe(head());
    const again = cli(['deploy', '-m', 'again']);
    expect(again.status).toBe(EXIT.refused);
    expect(again.stderr).toMatch(/nothing new to deploy, but [0-9a-f]{7} on origin\/main is pushed and the server has not applied it yet[\s\S]*deploy --resume/);
    // The timer runs; --resume waits for it and reports it live.
    expect((await s.reconcile()).code).toBe(0);
    const r = cli(['deploy', '--resume']);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stderr).toContain('nothing to push: waiting for');
    expect(await httpGet(P[1]!)).toBe(200);
    live = P[1]!;
    writeFileSync(join(s.dev, 'gitops-guard.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(s.dev, 'gitops-guard.json'), 'utf8')), reconcile: 'trigger' }, null, 2));
    git(s.dev, 'commit', '-qam', 'config: deploy triggers the reconciler');
    git(s.dev, 'push', '-q');
  });

  it('killed right after validating: nothing committed, the edit still in the work tree, the next deploy works', async () => {
    writeFileSync(join(s.dev, COMPOSE), gatewayCompose(P[2]!));
    const before = head();
    await killDeployAt('validate', ['-m', 'gateway on P2']);
    // Killed somewhere after validation started: either nothing was committed, or the commit is kept.
    if (head() === before) expect(git(s.dev, 'status', '--porcelain')).toBe(`M ${COMPOSE}`);
    else expect(git(s.dev, 'log', '-1', '--format=%s')).toBe('deploy: gateway on P2');
    const r = head() === before ? cli(['deploy', '-m', 'gateway on P2']) : cli(['deploy', '--resume']);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(await httpGet(P[2]!)).toBe(200);
    live = P[2]!;
  });
});

describe('health-gated revert (revertOnFailure)', () => {
  it('a commit that comes up unhealthy is reverted by a pushed "deploy: revert" commit, and the old gateway serves again', async () => {
    const sick = `services:\n${httpdService('gateway', P[3]!).replace(/test: \[.*\]/, 'test: ["CMD", "false"]').replace('retries: 3', 'retries: 1')}`;
    writeFileSync(join(s.dev, COMPOSE), sick);
    const { config, server } = await s.setup();
    try {
      const r = await deploy(config, { message: 'a gateway whose check fails', server, pollMs: 200, waitTimeoutMs: 15_000, revertOnFailure: true });
      expect(r.verify).toMatchObject({ ok: false, pending: false });
      expect(r.revert?.message).toBe(`deploy: revert ${r.commit!.slice(0, 7)} (gateway is unhealthy)`);
      expect(r.revert?.verify?.problems).toEqual([]);
      expect(r.revert?.verify?.ok).toBe(true);
      expect(remoteHead()).toBe(r.revert!.commit);
      expect(git(s.dev, 'rev-parse', 'HEAD~1')).toBe(r.commit);
      expect(readFileSync(join(s.checkout, COMPOSE), 'utf8')).toBe(gatewayCompose(live));
      expect(await httpGet(live)).toBe(200);
    } finally {
      server.close();
    }
  });

  it('a commit the server cannot apply (compose up fails) is reverted too; the CLI says both and exits 8 (failed)', async () => {
    writeFileSync(join(s.dev, COMPOSE), gatewayCompose(P[4]!).replace(`image: ${IMAGE}`, 'image: local/missing:1\n    pull_policy: never'));
    const r = cli(['deploy', '-m', 'an image that was never built', '--revert-on-failure', '--timeout', '30s']);
    expect(r.status).toBe(EXIT.failed);
    expect(r.stdout).toMatch(/not healthy:[\s\S]*exit 6/);
    expect(r.stdout).toMatch(/reverted: [0-9a-f]{7} deploy: revert [0-9a-f]{7} \(failed to apply, reconciler exit 6\)/);
    expect(r.stdout).toContain('live and healthy');
    expect(await httpGet(live)).toBe(200);
  });
});

describe('rollbacks that are not the simple case', () => {
  it('a deploy that is not the last, a conflicting one (nothing changed, the command to resolve), and a merge (-m 1)', async () => {
    const { config, server } = await s.setup();
    try {
      // Not the last: an env file added earlier, then a port change on top; revert only the env file.
      writeFileSync(join(s.dev, 'server', 'gateway.env'), 'LOG_LEVEL=debug\n');
      const env = await deploy(config, { message: 'gateway env', server, pollMs: 200 });
      writeFileSync(join(s.dev, COMPOSE), gatewayCompose(P[5]!));
      const port = await deploy(config, { message: 'gateway on P5', server, pollMs: 200 });
      expect(port.verify?.ok).toBe(true);
      live = P[5]!;
      const back = await rollback(config, { sha: env.commit! }, { server, pollMs: 200 });
      expect(back.message).toBe(`deploy: revert ${env.commit!.slice(0, 7)} (gateway env)`);
      expect(back.verify?.ok).toBe(true);
      expect(git(s.checkout, 'ls-files', 'server/gateway.env')).toBe('');
      expect(await httpGet(P[5]!)).toBe(200);
      // Conflicting: the port line changed again since P5; reverting P5 cannot apply.
      writeFileSync(join(s.dev, COMPOSE), gatewayCompose(P[6]!));
      await deploy(config, { message: 'gateway on P6', server, pollMs: 200 });
      live = P[6]!;
      const before = head();
      const e = await failure(rollback(config, { sha: port.commit! }, { server, pollMs: 200 }));
      expect(e.message).toMatch(/does not apply cleanly[\s\S]*Nothing was changed[\s\S]*git revert [0-9a-f]{7}/);
      expect(head()).toBe(before);
      expect(git(s.dev, 'status', '--porcelain')).toBe('');
      // A merge: a branch with a port change merged with --no-ff, then rolled back against its first parent.
      git(s.dev, 'checkout', '-q', '-b', 'feature');
      writeFileSync(join(s.dev, COMPOSE), gatewayCompose(P[7]!));
      git(s.dev, 'commit', '-qam', 'gateway on P7');
      git(s.dev, 'checkout', '-q', 'main');
      git(s.dev, 'merge', '-q', '--no-ff', '-m', 'deploy: merge feature (gateway on P7)', 'feature');
      git(s.dev, 'push', '-q');
      const merge = head();
      expect((await s.reconcile()).code).toBe(0);
      expect(await httpGet(P[7]!)).toBe(200);
      const undo = await rollback(config, { sha: merge }, { server, pollMs: 200 });
      expect(undo.verify?.ok).toBe(true);
      expect(await httpGet(P[6]!)).toBe(200);
      expect(await httpGet(P[7]!)).toBeNull();
    } finally {
      server.close();
    }
  });

  it('a rollback while another deploy waits: both end true, the server runs the rollback', async () => {
    const { config, server } = await s.setup({ reconcile: 'timer' });
    try {
      writeFileSync(join(s.dev, COMPOSE), gatewayCompose(P[8]!));
      const deploying = deploy(config, { message: 'gateway on P8', server, pollMs: 200, waitTimeoutMs: 30_000 });
      // Once pushed, someone rolls the same commit back from another clone, and the timer runs.
      for (let i = 0; i < 100 && git(s.bare, 'log', '-1', '--format=%s', 'main') !== 'deploy: gateway on P8'; i++) await new Promise((r) => setTimeout(r, 50));
      const other = join(s.work, 'roller');
      execFileSync('git', ['clone', '-q', s.bare, other]);
      git(other, 'config', 'user.name', 'Other');
      git(other, 'config', 'user.email', 'other@example.com');
      const { config: otherConfig } = await s.setup({ reconcile: 'timer' }, other);
      const back = await rollback(otherConfig, { last: true }, { wait: false });
      expect((await s.reconcile()).code).toBe(0);
      const r = await deploying;
      expect(r.verify?.problems).toEqual([]);
      expect(r.verify?.ok).toBe(true);
      expect(git(s.checkout, 'rev-parse', 'HEAD')).toBe(back.commit);
      expect(await httpGet(live)).toBe(200);
      git(s.dev, 'pull', '-q', '--rebase');
    } finally {
      server.close();
    }
  });
});

describe('at the same time', () => {
  it('two deploys from two clones: one goes live, the other is refused with its commit or edit kept, and goes live after pull --rebase', async () => {
    const other = join(s.work, 'second-dev');
    execFileSync('git', ['clone', '-q', s.bare, other]);
    git(other, 'config', 'user.name', 'Second');
    git(other, 'config', 'user.email', 'second@example.com');
    writeFileSync(join(s.dev, COMPOSE), gatewayCompose(P[9]!));
    writeFileSync(join(other, 'server', 'gateway.env'), 'WORKERS=4\n');
    const a = await s.setup();
    const b = await s.setup({}, other);
    try {
      const results = await Promise.allSettled([
        deploy(a.config, { message: 'gateway on P9', server: a.server, pollMs: 200 }),
        deploy(b.config, { message: 'gateway workers', server: b.server, pollMs: 200 }),
      ]);
      const won = results.filter((x) => x.status === 'fulfilled');
      const lost = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected');
      expect(won.length).toBeGreaterThanOrEqual(1);
      for (const l of lost) {
        expect(l.reason).toBeInstanceOf(GitOpsError);
        expect((l.reason as GitOpsError).message).toMatch(/git pull --rebase/);
      }
      // The loser catches up and finishes: both changes are live, no commit lost.
      for (const [i, dir] of [s.dev, other].entries()) {
        if (results[i]!.status === 'fulfilled') continue;
        const ahead = git(dir, 'rev-list', '--count', '@{u}..HEAD') !== '0';
        git(dir, 'pull', '-q', '--rebase', '--autostash');
        const { config, server } = await s.setup({}, dir);
        try {
          const done = ahead ? await deploy(config, { resume: true, server, pollMs: 200 })
            : await deploy(config, { message: i === 0 ? 'gateway on P9' : 'gateway workers', server, pollMs: 200 });
          expect(done.verify?.ok).toBe(true);
        } finally {
          server.close();
        }
      }
      git(s.dev, 'pull', '-q', '--rebase');
      const subjects = git(s.dev, 'log', '--format=%s', '-6').split('\n');
      expect(subjects.filter((x) => x === 'deploy: gateway on P9')).toHaveLength(1);
      expect(subjects.filter((x) => x === 'deploy: gateway workers')).toHaveLength(1);
      expect(git(s.checkout, 'show', 'HEAD:server/gateway.env')).toBe('WORKERS=4');
      expect(await httpGet(P[9]!)).toBe(200);
      live = P[9]!;
    } finally {
      a.server.close();
      b.server.close();
    }
  });

  it('two reconciler runs at once: one applies, the other exits 2 at once', async () => {
    s.pushFromAnotherClone(COMPOSE, gatewayCompose(P[10]!), 'deploy: gateway on P10');
    const [x, y] = await Promise.all([s.reconcile(), s.reconcile()]);
    expect([x.code, y.code].sort()).toEqual([0, 2]);
    expect([x.stderr, y.stderr].join('\n')).toContain('another run is in progress');
    expect(await httpGet(P[10]!)).toBe(200);
    live = P[10]!;
    git(s.dev, 'pull', '-q', '--rebase');
  });
});

describe('the server side under faults', () => {
  it('a reconciler killed during up: the next run applies the commit', async () => {
    const c = s.pushFromAnotherClone(COMPOSE, gatewayCompose(P[11]!), 'deploy: gateway on P11');
    const env = { ...process.env, ...s.engine.env, GITOPS_GUARD_REPO: s.checkout, GITOPS_GUARD_COMPOSE_FILES: COMPOSE, GITOPS_GUARD_STATE: s.stateFile };
    const run = spawn('sh', [s.script], { env, detached: true, stdio: 'ignore' });
    // up stops the old httpd with a 1 s grace period: kill the run (and compose) inside it.
    for (let i = 0; i < 100; i++) {
      const ps = spawnSync('pgrep', ['-g', String(run.pid), '-f', 'compose'], { encoding: 'utf8' });
      if (ps.stdout.includes(' up') || ps.status === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 300));
    process.kill(-run.pid!, 'SIGKILL');
    await new Promise((r) => run.once('exit', r));
    expect(JSON.parse(readFileSync(s.stateFile, 'utf8')).applied).not.toBe(c);
    const r = await s.reconcile();
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(s.stateFile, 'utf8'))).toMatchObject({ applied: c, ok: true });
    expect(await httpGet(P[11]!)).toBe(200);
    expect(s.engine.containers().map((x) => x.name)).toEqual(['server-gateway-1']);
    live = P[11]!;
    git(s.dev, 'pull', '-q', '--rebase');
  });

  it('invalid YAML pushed with plain git: exit 5, the gateway keeps serving, status says why', async () => {
    const c = s.pushFromAnotherClone(COMPOSE, 'services:\n  gateway: [unclosed\n', 'deploy: broken yaml');
    const r = await s.reconcile();
    expect(r.code).toBe(5);
    expect(await httpGet(live)).toBe(200);
    const { server } = await s.setup();
    try {
      const st = await server.status();
      expect(st.problems.join(' ')).toContain(`last run (${c.slice(0, 7)}) failed`);
    } finally {
      server.close();
    }
    s.pushFromAnotherClone(COMPOSE, gatewayCompose(live), 'deploy: yaml fixed');
    expect((await s.reconcile()).code).toBe(0);
    git(s.dev, 'pull', '-q', '--rebase');
  });

  it('a full disk under the state file: the run says so and exits 8; once there is room, the next run records it', async () => {
    const dir = join(s.work, 'tiny');
    mkdirSync(dir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
    try {
      const state = join(dir, 'state.json');
      expect((await s.reconcile({ GITOPS_GUARD_STATE: state })).code).toBe(0);
      spawnSync('dd', ['if=/dev/zero', `of=${join(dir, 'fill')}`, 'bs=4k', 'count=1000'], { stdio: 'ignore' });
      const c = s.pushFromAnotherClone(COMPOSE, gatewayCompose(P[12]!), 'deploy: gateway on P12');
      const full = await s.reconcile({ GITOPS_GUARD_STATE: state });
      expect(full.code).toBe(8);
      expect(full.stderr).toMatch(/cannot write the state file .* \(is the disk full\?\)/);
      execFileSync('rm', [join(dir, 'fill')]);
      const r = await s.reconcile({ GITOPS_GUARD_STATE: state });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(readFileSync(state, 'utf8'))).toMatchObject({ applied: c, ok: true });
      expect(await httpGet(P[12]!)).toBe(200);
      live = P[12]!;
    } finally {
      spawnSync('umount', ['-l', dir]);
    }
    git(s.dev, 'pull', '-q', '--rebase');
    expect((await s.reconcile()).code).toBe(0);
  });

  it('sshd stopped during the wait: the push stands, the wait says the server could not be checked', async () => {
    const spare = await startSshd({ engine: s.engine, clientKey: s.sshd.clientKey });
    const kh = join(s.work, 'spare_known_hosts');
    writeFileSync(kh, spare.knownHostsLine + '\n');
    const { config, server } = await s.setup({ port: spare.port, knownHosts: [kh], reconcile: 'timer' });
    try {
      writeFileSync(join(s.dev, COMPOSE), gatewayCompose(P[13]!));
      // The server goes away: its sessions are cut and it stops listening.
      setTimeout(() => { spare.dropSessions(); void spare.stop(); }, 1500);
      const r = await deploy(config, { message: 'gateway on P13', server, pollMs: 200, waitTimeoutMs: 20_000 });
      expect(remoteHead()).toBe(r.commit);
      expect(r.verify).toMatchObject({ ok: false, pending: true });
      expect(r.verify!.problems.join(' ')).toMatch(/could not be checked[\s\S]*gitops-guard status/);
    } finally {
      server.close();
      await spare.stop();
    }
    expect((await s.reconcile()).code).toBe(0);
    live = P[13]!;
  });

  it('a changed host key: refused loudly after the push, which stands', async () => {
    const impostor = await startSshd({ engine: s.engine, clientKey: s.sshd.clientKey, hostKey: keygen(join(s.work, 'impostor_key')) });
    // known_hosts has this address with the real server's key: the impostor's key is a change.
    const kh = join(s.work, 'changed_known_hosts');
    writeFileSync(kh, `[127.0.0.1]:${impostor.port} ${s.sshd.knownHostsLine.split(' ').slice(1).join(' ')}\n`);
    const { config, server } = await s.setup({ port: impostor.port, knownHosts: [kh] });
    try {
      writeFileSync(join(s.dev, COMPOSE), gatewayCompose(P[14]!));
      const r = await deploy(config, { message: 'gateway on P14', server, pollMs: 200 });
      expect(remoteHead()).toBe(r.commit);
      expect(r.verify?.ok).toBe(false);
      expect(r.verify!.problems.join(' ')).toMatch(/host key/i);
    } finally {
      server.close();
      await impostor.stop();
    }
    expect((await s.reconcile()).code).toBe(0);
    expect(await httpGet(P[14]!)).toBe(200);
  });
});
