// The wait after a push tells the truth, and a refused push keeps git's reason: on a real engine,
// a real sshd and real git remotes (support/stack.ts). Read-only remote: a real git daemon on
// 127.0.0.1 that serves fetches but not pushes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../src/gitops/deploy.js';
import { GitOpsError } from '../src/gitops/types.js';
import { verifyDeploy } from '../src/gitops/verify.js';
import { httpGet, httpdService, IMAGE } from './support/docker.js';
import { COMPOSE, gatewayCompose, git } from './support/repos.js';
import { startStack, type Stack } from './support/stack.js';
import { freePort } from './support/sshd.js';
import { BIN } from './helpers.js';
import { EXIT } from '../src/cli/exit.js';

let s: Stack;

beforeAll(async () => {
  s = await startStack({ name: 'verify', ports: 8 });
  const first = await s.reconcile();
  expect(first.code, first.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await s?.stop();
}, 60_000);

const head = (dir = s.dev): string => git(dir, 'rev-parse', 'HEAD');
async function failure(p: Promise<unknown>): Promise<GitOpsError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(GitOpsError);
  return e as GitOpsError;
}

describe('waiting that tells the truth', () => {
  it('counts a deploy as live once a later commit on top of it is applied', async () => {
    const { config, server } = await s.setup({ reconcile: 'timer' });
    try {
      writeFileSync(join(s.dev, COMPOSE), gatewayCompose(s.ports[1]!));
      const ours = await deploy(config, { message: 'gateway on the second port', wait: false });
      const later = s.pushFromAnotherClone('README.md', 'a later change\n', 'deploy: docs on top');
      expect((await s.reconcile()).code).toBe(0);
      expect(git(s.checkout, 'rev-parse', 'HEAD')).toBe(later);
      const v = await verifyDeploy(config, server, ours.commit!, ours.pushedAt!, null, { pollMs: 200, waitTimeoutMs: 20_000 });
      expect(v.problems).toEqual([]);
      expect(v).toMatchObject({ ok: true, pending: false });
      expect(await httpGet(s.ports[1]!)).toBe(200);
      git(s.dev, 'pull', '-q', '--rebase');
    } finally {
      server.close();
    }
  });

  it('waits for a healthcheck that is still starting, and reports healthy once it is', async () => {
    const port = s.ports[2]!;
    // httpd comes up only after 3 s; the start period keeps the check "starting" until then.
    const slow = `services:\n${httpdService('gateway', port).replace('exec httpd', 'sleep 3; exec httpd').replace('      retries: 3', '      retries: 3\n      start_period: 30s')}`;
    writeFileSync(join(s.dev, COMPOSE), slow);
    const { config, server } = await s.setup();
    try {
      const started = Date.now();
      const r = await deploy(config, { message: 'a gateway that starts slowly', server, pollMs: 200, waitTimeoutMs: 40_000 });
      expect(r.verify?.problems).toEqual([]);
      expect(r.verify).toMatchObject({ ok: true, pending: false });
      expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
      expect(s.engine.containers()).toEqual([expect.objectContaining({ service: 'gateway', health: 'healthy' })]);
    } finally {
      server.close();
    }
  });

  it('ends as a failure when a service stays unhealthy, without waiting out the deadline', async () => {
    const port = s.ports[3]!;
    const sick = `services:\n${httpdService('gateway', port).replace(/test: \[.*\]/, 'test: ["CMD", "false"]').replace('retries: 3', 'retries: 1')}`;
    writeFileSync(join(s.dev, COMPOSE), sick);
    const { config, server } = await s.setup();
    try {
      const started = Date.now();
      // Unhealthy for a third of the wait (5 s) ends it; the deadline is 15 s.
      const r = await deploy(config, { message: 'a gateway whose check always fails', server, pollMs: 200, waitTimeoutMs: 15_000 });
      expect(r.verify).toMatchObject({ ok: false, pending: false });
      expect(r.verify!.problems.join('\n')).toMatch(/gateway is unhealthy[\s\S]*gitops-guard rollback/);
      expect(Date.now() - started).toBeLessThan(14_000);
    } finally {
      server.close();
    }
  });

  it('ends at once with the reconciler\'s error when the server checkout has lost its remote', async () => {
    git(s.checkout, 'remote', 'rename', 'origin', 'elsewhere');
    writeFileSync(join(s.dev, COMPOSE), gatewayCompose(s.ports[4]!));
    const { config, server } = await s.setup();
    try {
      const started = Date.now();
      const r = await deploy(config, { message: 'gateway while the server has no remote', server, pollMs: 200, waitTimeoutMs: 60_000 });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(r.verify).toMatchObject({ ok: false, pending: false });
      expect(r.verify!.problems.join('\n')).toMatch(/exit 3[\s\S]*fetch/);
      expect(git(s.bare, 'rev-parse', 'main')).toBe(r.commit);
    } finally {
      git(s.checkout, 'remote', 'rename', 'elsewhere', 'origin');
      server.close();
    }
    expect((await s.reconcile()).code).toBe(0);
    expect(await httpGet(s.ports[4]!)).toBe(200);
  });
});

describe('a reconciler that is not installed', () => {
  it('ends the wait at once and says how to install it (sh exits 2 for a missing script: not "another run")', async () => {
    const { config, server } = await s.setup({ reconcilerPath: '~/.local/bin/no-such-reconciler' });
    try {
      writeFileSync(join(s.dev, 'README.md'), 'touch\n');
      const started = Date.now();
      const r = await deploy(config, { restart: true, server, pollMs: 200, waitTimeoutMs: 60_000 });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(r.verify).toMatchObject({ ok: false, pending: false });
      expect(r.verify!.problems.join('\n')).toMatch(/is not at ~\/.local\/bin\/no-such-reconciler on the server: gitops-guard server install --apply/);
    } finally {
      git(s.dev, 'checkout', '--', 'README.md');
      server.close();
    }
    expect((await s.reconcile()).code).toBe(0);
  });
});

describe('waiting that tells the truth, with the server\'s own timer', () => {
  it('ends as soon as the timer\'s run fails at this commit (compose up fails), not at the deadline', async () => {
    const { config, server } = await s.setup({ reconcile: 'timer' });
    try {
      writeFileSync(join(s.dev, COMPOSE), gatewayCompose(s.ports[6]!).replace(`image: ${IMAGE}`, 'image: local/missing:1\n    pull_policy: never'));
      const started = Date.now();
      const deploying = deploy(config, { message: 'an image that was never built', server, pollMs: 200, waitTimeoutMs: 60_000 });
      for (let i = 0; i < 100 && git(s.bare, 'log', '-1', '--format=%s', 'main') !== 'deploy: an image that was never built'; i++) await new Promise((r) => setTimeout(r, 50));
      expect((await s.reconcile()).code).toBe(6);
      const r = await deploying;
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(r.verify).toMatchObject({ ok: false, pending: false });
      expect(r.verify!.problems.join('\n')).toMatch(/failed to apply [0-9a-f]{7} \(exit 6\)[\s\S]*docker compose up failed/);
    } finally {
      server.close();
    }
    writeFileSync(join(s.dev, COMPOSE), gatewayCompose(s.ports[4]!));
    git(s.dev, 'commit', '-qam', 'deploy: back to a good gateway');
    git(s.dev, 'push', '-q');
    expect((await s.reconcile()).code).toBe(0);
  });
});

describe('a refused push keeps its reason', () => {
  it('a pre-receive hook: its remote: lines, and that the commit is kept', async () => {
    const hook = join(s.bare, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "policy: deploys are frozen until 18:00" >&2\nexit 1\n', { mode: 0o755 });
    writeFileSync(join(s.dev, COMPOSE), gatewayCompose(s.ports[5]!));
    const { config } = await s.setup();
    try {
      const e = await failure(deploy(config, { message: 'during the freeze', wait: false }));
      expect(e.step).toBe('push');
      expect(e.message).toContain('rejected by a hook on the remote');
      expect(e.message).toContain('remote: policy: deploys are frozen until 18:00');
      expect(e.message).toContain('is kept locally');
      expect(e.message).not.toContain('pull --rebase');
      expect(git(s.dev, 'rev-list', '--count', '@{u}..HEAD')).toBe('1');
    } finally {
      rmSync(hook);
    }
    git(s.dev, 'push', '-q');
  });

  it('a race lost between fetch and push: not a fast-forward, with pull --rebase --autostash', async () => {
    // Someone pushes at the last moment: the clone's own pre-push hook pushes another commit first.
    const other = join(s.work, 'racer');
    spawnSync('git', ['clone', '-q', s.bare, other]);
    git(other, 'config', 'user.name', 'Racer');
    git(other, 'config', 'user.email', 'racer@example.com');
    const prePush = join(s.dev, '.git', 'hooks', 'pre-push');
    writeFileSync(prePush, `#!/bin/sh\ncd ${other} && unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE && git pull -q && echo raced >> README.md && git commit -qam "docs: raced" && git push -q\n`, { mode: 0o755 });
    writeFileSync(join(s.dev, COMPOSE), gatewayCompose(s.ports[6]!));
    const { config } = await s.setup();
    try {
      const before = head();
      const e = await failure(deploy(config, { message: 'racing', wait: false }));
      expect(e.step).toBe('push');
      expect(e.message).toContain('someone pushed first');
      expect(e.message).toContain('git pull --rebase --autostash');
      expect(git(s.dev, 'log', '-1', '--format=%s')).toBe('deploy: racing');
      expect(git(s.dev, 'rev-parse', 'HEAD~1')).toBe(before);
    } finally {
      rmSync(prePush);
    }
    git(s.dev, 'pull', '-q', '--rebase');
    git(s.dev, 'push', '-q');
  });

  it('a read-only remote (a git daemon that serves no pushes) and one that is down', async () => {
    const port = await freePort();
    const root = join(s.work, 'daemon');
    mkdirSync(root);
    spawnSync('git', ['clone', '-q', '--bare', s.bare, join(root, 'app.git')]);
    const daemon: ChildProcess = spawn('git', ['daemon', '--export-all', `--base-path=${root}`, '--listen=127.0.0.1', `--port=${port}`, '--reuseaddr', root], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 50 && spawnSync('git', ['ls-remote', `git://127.0.0.1:${port}/app.git`]).status !== 0; i++) await new Promise((r) => setTimeout(r, 100));
      git(s.dev, 'remote', 'set-url', '--push', 'origin', `git://127.0.0.1:${port}/app.git`);
      writeFileSync(join(s.dev, COMPOSE), gatewayCompose(s.ports[7]!));
      const { config } = await s.setup();
      const e = await failure(deploy(config, { message: 'to a read-only remote', wait: false }));
      expect(e.step).toBe('push');
      expect(e.message).toContain('no permission to write (or the remote is read-only)');
      expect(e.message).toMatch(/access denied|not exported|receive-pack/i);
      const unpushed = head();
      git(s.dev, 'remote', 'set-url', '--push', 'origin', `git://127.0.0.1:${await freePort()}/app.git`);
      const again = await failure(deploy(config, { restart: true, wait: false }));
      expect(again.step).toBe('check');
      expect(again.message).toMatch(/1 commit\(s\) on main are not pushed yet \([0-9a-f]{7} deploy: to a read-only remote\)[\s\S]*gitops-guard deploy --resume/);
      const down = await failure(deploy(config, { resume: true, wait: false }));
      expect(down.step).toBe('push');
      expect(down.message).toContain('could not reach the remote');
      expect(git(s.dev, 'rev-list', '--count', '@{u}..HEAD')).not.toBe('0');
      expect(git(s.dev, 'log', '--format=%H', '-5').split('\n')).toContain(unpushed);
    } finally {
      daemon.kill();
      git(s.dev, 'remote', 'set-url', '--delete', '--push', 'origin', '.*');
    }
    git(s.dev, 'push', '-q');
  });
});

describe('a user\'s situation is never an internal error', () => {
  const cli = (cwd: string, env: Record<string, string>, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args],
    { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env } });

  it('no git identity: exit 1 with the commands to set one, nothing committed', () => {
    const home = join(s.work, 'nobody');
    mkdirSync(home, { recursive: true });
    const clone = join(s.work, 'anonymous');
    spawnSync('git', ['clone', '-q', s.bare, clone]);
    writeFileSync(join(clone, COMPOSE), gatewayCompose(s.ports[1]!));
    const before = head(clone);
    const r = cli(clone, { HOME: home, GIT_CONFIG_NOSYSTEM: '1', EMAIL: '', GIT_AUTHOR_NAME: '', GIT_COMMITTER_NAME: '' }, 'deploy', '-m', 'anonymous', '--no-wait');
    expect(r.stderr).not.toContain('internal error');
    expect(r.status, r.stderr).toBe(EXIT.refused);
    expect(r.stderr).toContain('git does not know who you are');
    expect(r.stderr).toContain('git config user.name');
    expect(head(clone)).toBe(before);
    expect(git(clone, 'status', '--porcelain')).toBe(`M ${COMPOSE}`);
  });

  it('a YAML alias bomb in the compose file: exit 1, a clear message, no stack trace', () => {
    const clone = join(s.work, 'bomb');
    spawnSync('git', ['clone', '-q', s.bare, clone]);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
      `services:\n  gateway:\n    image: ${IMAGE}\n`].join('\n');
    writeFileSync(join(clone, COMPOSE), bomb);
    const r = cli(clone, { HOME: join(s.work, 'home') }, 'deploy', '-m', 'bomb', '--no-wait');
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status, r.stderr).toBe(EXIT.invalid);
    expect(r.stderr).toMatch(/alias|nothing was committed/i);
  });

  it('an unreadable compose file: exit 1, naming it', () => {
    const clone = join(s.work, 'unreadable');
    spawnSync('git', ['clone', '-q', s.bare, clone]);
    rmSync(join(clone, COMPOSE));
    mkdirSync(join(clone, COMPOSE));
    chmodSync(dirname(join(clone, COMPOSE)), 0o755);
    const r = cli(clone, { HOME: join(s.work, 'home') }, 'deploy', '-m', 'unreadable', '--no-wait');
    expect(r.stderr).not.toContain('internal error');
    expect(r.status, r.stderr).toBe(EXIT.invalid);
    expect(r.stderr).toContain(COMPOSE);
  });
});
