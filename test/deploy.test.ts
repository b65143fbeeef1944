// The GitOps loop end to end on real parts: a bare repository as the remote, a developer clone, and
// the server's checkout reached through a real sshd, where the real reconciler script runs against
// a real Docker Engine (support/docker.ts). The gateway is busybox httpd on 127.0.0.1, on free ports.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../src/gitops/deploy.js';
import { findRepository } from '../src/gitops/repo.js';
import { history, rollback } from '../src/gitops/rollback.js';
import { GitOpsError } from '../src/gitops/types.js';
import { RECONCILER_SCRIPT } from '../src/gitops/reconciler.js';
import { loadConfig, type ConfigInput } from '../src/index.js';
import { Server } from '../src/remote/server.js';
import { COMPOSE, gatewayCompose as compose, git, makeRepos } from './support/repos.js';
import { freePort, freePorts, portOr, startSshd, type Sshd } from './support/sshd.js';
import { httpGet, startEngine, type Engine } from './support/docker.js';
import { BIN } from './helpers.js';

let engine: Engine;
let sshd: Sshd;
/** Free ports on 127.0.0.1, one for each gateway port a test deploys. */
let P: number[];
let work: string;
let bare: string;
let dev: string;
let checkout: string;
let kh: string;

beforeAll(async () => {
  [engine, P] = await Promise.all([startEngine(), freePorts(14)]);
  sshd = await startSshd({ engine });
  work = mkdtempSync(join(tmpdir(), 'gitops-guard-deploy-'));
  ({ bare, dev, checkout } = makeRepos(work, { checkout: 'srv/CodeFoundry', message: 'deploy: gateway on 18789',
    files: { [COMPOSE]: compose(P[0]!), 'README.md': 'the project\n' } }));
  // Where server install puts it (the default reconcilerPath, which needs no trust).
  mkdirSync(join(sshd.home, '.local', 'bin'), { recursive: true });
  writeFileSync(reconciler(), RECONCILER_SCRIPT, { mode: 0o755 });
  kh = join(work, 'known_hosts');
  writeFileSync(kh, sshd.knownHostsLine + '\n');
  const config = { host: '127.0.0.1', port: sshd.port, user: 'root', remotePath: checkout, composeFiles: [COMPOSE],
    stateFile: join(work, 'state.json'), sshConfig: null, knownHosts: [kh], identityFile: sshd.clientKey,
    reconcile: 'trigger' };
  writeFileSync(join(dev, 'gitops-guard.json'), JSON.stringify(config, null, 2));
  git(dev, 'add', 'gitops-guard.json');
  git(dev, 'commit', '-qm', 'add gitops-guard config');
  git(dev, 'push', '-q');
}, 60_000);

afterAll(async () => {
  await sshd?.stop();
  await engine?.stop();
}, 60_000);

async function setup(overrides: Partial<ConfigInput> = {}, dir = dev) {
  const base = JSON.parse(readFileSync(join(dev, 'gitops-guard.json'), 'utf8')) as ConfigInput;
  const config = await loadConfig({ cwd: dir, root: dir, config: { ...base, ...overrides } });
  return { config, server: new Server(config, { ssh: { agent: '' } }) };
}

const head = (dir = dev): string => git(dir, 'rev-parse', 'HEAD');
const reconciler = (): string => join(sshd.home, '.local', 'bin', 'gitops-guard-reconcile');

/** Someone else deploys first: a commit to `file` pushed from another clone. */
function pushFromAnotherClone(tag: string, file: string, content: string, message: string): void {
  const other = join(work, `other-${tag}-${Date.now()}`);
  execFileSync('git', ['clone', '-q', bare, other]);
  writeFileSync(join(other, file), content);
  git(other, 'commit', '-qam', message);
  git(other, 'push', '-q');
}
async function failure(p: Promise<unknown>): Promise<GitOpsError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(GitOpsError);
  return e as GitOpsError;
}

describe('the seed example, for real (GitOps.md: "update gateway port to 18790")', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args],
    { cwd: dev, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: join(work, 'home'), NO_COLOR: '1' } });

  it('edit the port, gitops-guard deploy, the gateway answers on the new port only; rollback --last brings the old one back', async () => {
    // The gateway as first deployed, applied by the reconciler.
    const { server } = await setup();
    try {
      const first = await server.run(`GITOPS_GUARD_REPO=${checkout} GITOPS_GUARD_COMPOSE_FILES=${COMPOSE} GITOPS_GUARD_STATE=${join(work, 'state.json')} sh ${reconciler()}`);
      expect(first.code, first.stderr).toBe(0);
    } finally {
      server.close();
    }
    const old = P[0]!;
    expect(await httpGet(old)).toBe(200);
    const port = await portOr(18790);
    writeFileSync(join(dev, COMPOSE), compose(port));
    const r = cli('deploy', '-m', `update gateway port to ${port}`);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const commit = head();
    expect(git(dev, 'log', '-1', '--format=%s')).toBe(`deploy: update gateway port to ${port}`);
    expect(git(bare, 'rev-parse', 'main')).toBe(commit);
    expect(await httpGet(port)).toBe(200);
    expect(await httpGet(old)).toBeNull();
    const status = cli('status', '--json');
    expect(status.status, status.stderr).toBe(0);
    const st = JSON.parse(status.stdout) as { containers: { service: string; state: string; health: string }[]; server: { applied: { applied: string } }; pending: number };
    expect(st.containers).toEqual([expect.objectContaining({ service: 'gateway', state: 'running', health: 'healthy' })]);
    expect(st.server.applied.applied).toBe(commit);
    expect(st.pending).toBe(0);
    const back = cli('rollback', '--last');
    expect(back.status, back.stderr + back.stdout).toBe(0);
    expect(git(dev, 'log', '-1', '--format=%s')).toBe(`deploy: revert ${commit.slice(0, 7)} (update gateway port to ${port})`);
    expect(await httpGet(old)).toBe(200);
    expect(await httpGet(port)).toBeNull();
    expect(engine.containers()).toEqual([expect.objectContaining({ service: 'gateway', state: 'running', health: 'healthy' })]);
  });
});

describe('deploy: the seed workflow end to end', () => {
  it('changes the gateway port, deploys, the reconciler applies it, and verify reports it live', async () => {
    writeFileSync(join(dev, COMPOSE), compose(P[1]!));
    const { config, server } = await setup();
    const steps: string[] = [];
    try {
      const result = await deploy(config, { message: 'update gateway port to 18790', server, progress: (s) => steps.push(s), pollMs: 200 });
      expect(result.message).toBe('deploy: update gateway port to 18790');
      expect(result.files).toEqual([COMPOSE]);
      expect(result.commit).toBe(head());
      expect(git(dev, 'log', '-1', '--format=%s')).toBe('deploy: update gateway port to 18790');
      expect(git(bare, 'rev-parse', 'main')).toBe(result.commit);
      expect(result.verify).toMatchObject({ ok: true, commit: result.commit, pending: false });
      expect(head(checkout)).toBe(result.commit);
      expect(readFileSync(join(checkout, COMPOSE), 'utf8')).toContain(`127.0.0.1:${P[1]}`);
      expect(await httpGet(P[1]!)).toBe(200);
      expect(steps).toEqual(['check', 'validate', 'fetch', 'stage', 'commit', 'push', 'trigger', 'wait', 'health']);
      expect((await server.status()).summary).toContain(`live: ${result.commit!.slice(0, 7)}`);
    } finally {
      server.close();
    }
  });

  it('adds the prefix once, and makes an empty commit for a restart', async () => {
    const { config, server } = await setup();
    try {
      writeFileSync(join(dev, COMPOSE), compose(P[2]!));
      const a = await deploy(config, { message: 'deploy: gateway on 18791', server, pollMs: 200 });
      expect(a.message).toBe('deploy: gateway on 18791');
      const r = await deploy(config, { restart: true, service: 'gateway', server, pollMs: 200 });
      expect(r.message).toBe('deploy: restart gateway');
      expect(git(dev, 'show', '--stat', '--format=', 'HEAD')).toBe('');
      expect(r.verify?.ok).toBe(true);
    } finally {
      server.close();
    }
  });

  it('shows what it would do with a dry run, changing nothing', async () => {
    writeFileSync(join(dev, COMPOSE), compose(P[3]!));
    const { config } = await setup();
    const before = head();
    const r = await deploy(config, { message: 'port 18792', dryRun: true, wait: false });
    expect(r).toMatchObject({ dryRun: true, commit: null, files: [COMPOSE], message: 'deploy: port 18792' });
    expect(head()).toBe(before);
    expect(git(dev, 'status', '--porcelain')).toBe(`M ${COMPOSE}`);
    git(dev, 'checkout', '--', COMPOSE);
  });
});

describe('deploy: which files it commits (paths)', () => {
  it('takes the changed files under the compose files\' directories by default, and those under paths when set', async () => {
    writeFileSync(join(dev, COMPOSE), compose(P[3]!));
    writeFileSync(join(dev, 'README.md'), 'the project, changed\n');
    mkdirSync(join(dev, 'config'), { recursive: true });
    writeFileSync(join(dev, 'config', 'app.env'), 'LEVEL=debug\n');
    try {
      const byDefault = await deploy((await setup()).config, { message: 'port', dryRun: true, wait: false });
      expect(byDefault.files).toEqual([COMPOSE]);
      const withPaths = await deploy((await setup({ paths: ['server', './config/'] })).config, { message: 'port', dryRun: true, wait: false });
      expect(withPaths.files.sort()).toEqual(['config/app.env', COMPOSE]);
      // A whole-repository path takes every change; a path with no changes says where it looked.
      const everything = await deploy((await setup({ paths: ['.'] })).config, { message: 'all', dryRun: true, wait: false });
      expect(everything.files.sort()).toEqual(['README.md', 'config/app.env', COMPOSE]);
      const none = await failure(deploy((await setup({ paths: ['docs'] })).config, { message: 'docs', wait: false }));
      expect(none.message).toContain('nothing to deploy: no changes in the IaC files (paths: docs)');
    } finally {
      git(dev, 'checkout', '--', COMPOSE, 'README.md');
      execFileSync('rm', ['-r', join(dev, 'config')]);
    }
  });
});

describe('deploy: nothing is ever lost', () => {
  it('refuses an invalid compose file before committing, and leaves the edit in place', async () => {
    writeFileSync(join(dev, COMPOSE), 'services:\n  gateway:\n    image: ghcr.io/example/gateway\n');
    const { config } = await setup();
    const before = head();
    const e = await failure(deploy(config, { message: 'broken', wait: false }));
    expect(e.step).toBe('validate');
    expect(e.message).toContain(`${COMPOSE}:3:12`);
    expect(head()).toBe(before);
    expect(readFileSync(join(dev, COMPOSE), 'utf8')).toContain('image: ghcr.io/example/gateway\n');
    git(dev, 'checkout', '--', COMPOSE);
  });

  it('refuses when other changes are already staged, touching nothing', async () => {
    writeFileSync(join(dev, 'README.md'), 'changed\n');
    git(dev, 'add', 'README.md');
    writeFileSync(join(dev, COMPOSE), compose(P[4]!));
    const { config } = await setup();
    const before = head();
    const e = await failure(deploy(config, { message: 'port', wait: false }));
    expect(e.message).toContain('README.md');
    expect(e.message).toContain('git restore --staged README.md');
    expect(head()).toBe(before);
    expect(git(dev, 'diff', '--cached', '--name-only')).toBe('README.md');
    git(dev, 'restore', '--staged', 'README.md');
    git(dev, 'checkout', '--', 'README.md', COMPOSE);
  });

  it('refuses, before committing, when someone else deployed first (behind), with the fix', async () => {
    pushFromAnotherClone('behind', COMPOSE, compose(P[11]!), 'deploy: from another clone');
    writeFileSync(join(dev, COMPOSE), compose(P[5]!));
    const { config } = await setup();
    const before = head();
    const e = await failure(deploy(config, { message: 'port 18794', wait: false }));
    expect(e.step).toBe('fetch');
    expect(e.message).toContain('git pull --rebase');
    expect(head()).toBe(before);
    expect(git(dev, 'status', '--porcelain')).toBe(`M ${COMPOSE}`);
    git(dev, 'checkout', '--', COMPOSE);
    git(dev, 'pull', '-q', '--rebase');
  });

  it('refuses when behind also when the remote commits were fetched before (nothing new for its fetch)', async () => {
    pushFromAnotherClone('fetched', 'README.md', 'fetched earlier\n', 'docs from another clone');
    git(dev, 'fetch', '-q');
    writeFileSync(join(dev, COMPOSE), compose(P[8]!));
    const { config } = await setup();
    const before = head();
    const e = await failure(deploy(config, { message: 'port 18797', wait: false }));
    expect(e.step).toBe('fetch');
    expect(e.message).toMatch(/has 1 commit\(s\) you do not have.*git pull --rebase/);
    expect(head()).toBe(before);
    git(dev, 'checkout', '--', COMPOSE);
    git(dev, 'pull', '-q', '--rebase');
  });

  it('commits a new IaC file with the change, and leaves it untracked again when it refuses', async () => {
    // Behind first: the new file must come out exactly as it went in (untracked, not staged).
    pushFromAnotherClone('new', 'README.md', 'changed elsewhere\n', 'docs from another clone');
    writeFileSync(join(dev, 'server', 'gateway.env'), 'LOG_LEVEL=info\n');
    writeFileSync(join(dev, COMPOSE), compose(P[7]!));
    const { config } = await setup({ reconcile: 'timer' });
    const e = await failure(deploy(config, { message: 'gateway env', wait: false }));
    expect(e.step).toBe('fetch');
    expect(git(dev, 'status', '--porcelain')).toBe(`M ${COMPOSE}\n?? server/gateway.env`);
    git(dev, 'stash', '-q', '--include-untracked');
    git(dev, 'pull', '-q', '--rebase');
    git(dev, 'stash', 'pop', '-q');
    const r = await deploy(config, { message: 'gateway env', wait: false });
    expect(r.files.sort()).toEqual([COMPOSE, 'server/gateway.env']);
    expect(git(dev, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual([COMPOSE, 'server/gateway.env']);
    expect(git(dev, 'status', '--porcelain')).toBe('');
    expect(git(dev, 'rev-parse', '@{u}')).toBe(r.commit);
  });

  it('keeps the local commit when the push is refused (a concurrent deploy), and never forces', async () => {
    const hook = join(bare, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "rejected: another deploy is being pushed" >&2\nexit 1\n', { mode: 0o755 });
    writeFileSync(join(dev, COMPOSE), compose(P[6]!));
    const { config } = await setup();
    try {
      const e = await failure(deploy(config, { message: 'port 18795', wait: false }));
      expect(e.step).toBe('push');
      expect(e.message).toContain('is kept locally');
      expect(git(dev, 'log', '-1', '--format=%s')).toBe('deploy: port 18795');
      expect(git(dev, 'rev-list', '--count', '@{u}..HEAD')).toBe('1');
    } finally {
      execFileSync('rm', [hook]);
    }
    git(dev, 'push', '-q');
  });

  it('reports a server it cannot reach after the push, with the commit pushed and kept', async () => {
    writeFileSync(join(dev, COMPOSE), compose(P[7]!));
    const { config, server } = await setup({ port: await freePort() });
    try {
      const r = await deploy(config, { message: 'port 18796', server });
      expect(git(bare, 'rev-parse', 'main')).toBe(r.commit);
      expect(r.verify).toMatchObject({ ok: false, pending: true });
      expect(r.verify!.problems.join(' ')).toContain('gitops-guard status');
    } finally {
      server.close();
    }
  });

  it('stops waiting after the timeout when the server does not apply the commit', async () => {
    writeFileSync(join(dev, COMPOSE), compose(P[8]!));
    const { config, server } = await setup({ reconcile: 'timer' });
    try {
      const r = await deploy(config, { message: 'port 18797', server, waitTimeoutMs: 1200, pollMs: 300 });
      expect(r.verify).toMatchObject({ ok: false, pending: true });
      expect(r.verify!.problems[0]).toContain('has not applied');
    } finally {
      server.close();
    }
  });

  it('checks the repository first: deploy branch, upstream, no merge in progress', async () => {
    const { config } = await setup();
    git(dev, 'checkout', '-q', '-b', 'feature');
    expect((await failure(deploy(config, { message: 'x', wait: false }))).message).toContain('not the deploy branch "main"');
    git(dev, 'checkout', '-q', 'main');
    git(dev, 'checkout', '-q', '--detach');
    expect((await failure(deploy(config, { message: 'x', wait: false }))).message).toContain('HEAD is detached');
    git(dev, 'checkout', '-q', 'main');
    writeFileSync(join(dev, '.git', 'MERGE_HEAD'), head() + '\n');
    expect((await failure(deploy(config, { message: 'x', wait: false }))).message).toContain('middle of a merge');
    execFileSync('rm', [join(dev, '.git', 'MERGE_HEAD')]);
    expect((await failure(deploy(config, { message: 'nothing changed', wait: false }))).message).toContain('nothing to deploy');
    // Tracking another remote than the one configured.
    const { config: elsewhere } = await setup({ remote: 'backup' });
    expect((await failure(deploy(elsewhere, { message: 'x', wait: false }))).message)
      .toContain('main tracks origin/main, but gitops-guard.json deploys to backup/main');
    // No upstream, and not a repository at all.
    git(dev, 'checkout', '-q', '-b', 'local-only');
    try {
      const { config: local } = await setup({ branch: 'local-only' });
      expect((await failure(deploy(local, { message: 'x', wait: false }))).message)
        .toContain('local-only has no upstream: push it once with git push -u origin local-only');
    } finally {
      git(dev, 'checkout', '-q', 'main');
      git(dev, 'branch', '-q', '-D', 'local-only');
    }
    const nowhere = mkdtempSync(join(tmpdir(), 'gitops-guard-norepo-'));
    const bad = await failure(deploy(await loadConfig({ cwd: nowhere, root: nowhere, config: { composeFiles: [COMPOSE] } }), { message: 'x', wait: false }));
    expect(bad.step).toBe('check');
    expect(bad.message).toContain('is not a git repository');
  });

  it('finds the git directory of a worktree (a .git file), and its merge in progress', async () => {
    const tree = join(work, `worktree-${Date.now()}`);
    git(dev, 'worktree', 'add', '-q', '--detach', tree);
    try {
      const repo = findRepository(join(tree, 'server'));
      expect(repo?.top).toBe(tree);
      expect(repo?.gitDir).toBe(git(tree, 'rev-parse', '--absolute-git-dir'));
      expect(findRepository(join(dev, 'server'))).toEqual({ top: dev, gitDir: join(dev, '.git') });
    } finally {
      git(dev, 'worktree', 'remove', '--force', tree);
    }
  });
});

describe('history and rollback', () => {
  it('lists deploy commits with the live one marked, and rolls back by git revert', async () => {
    const { config, server } = await setup();
    try {
      await git(dev, 'pull', '-q', '--rebase');
      writeFileSync(join(dev, COMPOSE), compose(P[9]!));
      const bad = await deploy(config, { message: 'gateway on 18798', server, pollMs: 200 });
      const live = (await server.reconcilerState())?.applied ?? null;
      const entries = await history(config, { live });
      expect(entries[0]).toMatchObject({ sha: bad.commit, message: 'deploy: gateway on 18798', live: true, author: 'Dev' });
      expect(entries.every((e) => e.message.startsWith('deploy:'))).toBe(true);
      const r = await rollback(config, { last: true }, { server, pollMs: 200 });
      expect(r.message).toBe(`deploy: revert ${bad.commit!.slice(0, 7)} (gateway on 18798)`);
      expect(r.files).toEqual([COMPOSE]);
      expect(git(dev, 'log', '-1', '--format=%s')).toBe(r.message);
      expect(readFileSync(join(dev, COMPOSE), 'utf8')).not.toContain('18798');
      expect(git(dev, 'rev-list', '--count', `${bad.commit}..HEAD`)).toBe('1');
      expect(r.verify?.ok).toBe(true);
      expect(head(checkout)).toBe(r.commit);
    } finally {
      server.close();
    }
  });

  it('CLI: deploy --dry-run, history, and a usage error', () => {
    writeFileSync(join(dev, COMPOSE), compose(P[10]!));
    const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dev, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dev, NO_COLOR: '1' } });
    const dry = cli('deploy', '-m', 'port 18799', '--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('dry run: deploy: port 18799 (server/docker-compose.yml)');
    expect(dry.stderr).toContain('[validate]');
    const hist = cli('history');
    expect(hist.status, hist.stderr).toBe(0);
    expect(hist.stdout).toMatch(/live\s+[0-9a-f]{7}.*applied \d{4}-\d\d-\d\dT/);
    expect(hist.stdout).toMatch(/Server runs \(newest first\):\nTIME\s+EVENT\s+COMMIT\s+EXIT\s+MS\s+HEALED\n\S+\s+applied\s+[0-9a-f]{7}\s+0\s+\d+/);
    const json = JSON.parse(cli('history', '--json').stdout) as { live: boolean; runs: { event: string }[] }[];
    expect(json.find((e) => e.live)?.runs?.[0]?.event).toBe('applied');
    expect(cli('deploy').status).toBe(1);
    git(dev, 'checkout', '--', COMPOSE);
    expect(existsSync(join(dev, COMPOSE))).toBe(true);
  });
});
