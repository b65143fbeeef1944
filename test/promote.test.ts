// Environments on real servers (issue 15, items 3 and 7): staging and prod are two sshd on 127.0.0.1,
// each of whose sessions talks to its own private Docker Engine, with its own checkout and the real
// reconciler (reconcile: trigger). Branch per environment: staging follows `staging`, prod `prod`.
// A third environment, web, has two hosts: web1 (an alias for staging's sshd) and web2 (a third sshd
// on prod's engine, down until the test starts it). Hosts are ~/.ssh/config aliases, as in real
// setups; each compose file names its project, so stacks sharing an engine stay apart. The CLI runs
// as built (dist), with its exit codes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECONCILER_SCRIPT } from '../src/gitops/reconciler.js';
import { httpGet, httpdService, startEngine, type Engine } from './support/docker.js';
import { git, makeOrigin } from './support/repos.js';
import { freePorts, keygen, startSshd, type Sshd } from './support/sshd.js';
import { BIN } from './helpers.js';

let engS: Engine;
let engP: Engine;
let sshS: Sshd;
let sshP: Sshd;
let web2: Sshd | undefined;
let work: string;
let bare: string;
let dev: string;
let clientKey: string;
let web2HostKey: string;
/** Gateway ports: staging, prod, web on web1, web on web2; then web2's ssh port. */
let P: number[];

/** A compose file: the gateway on `port`, its project named, a release label to tell commits apart. */
const compose = (project: string, port: number | string, release: string): string =>
  `name: ${project}\nservices:\n${httpdService('gateway', 0, ['    labels:', `      release: "${release}"`]).replaceAll('127.0.0.1:0', `127.0.0.1:${port}`)}`;
/** web's compose file: the port comes from the host's environment (WEB_PORT), as per-host settings do. */
const webCompose = (release: string): string => compose('shop-web', `\${WEB_PORT:-${P[2]}}`, release);

function gg(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dev, encoding: 'utf8', timeout: 120_000,
    env: { PATH: process.env.PATH ?? '', HOME: join(work, 'home'), NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr, all: `${r.stdout}\n${r.stderr}` };
}
const json = <T>(text: string): T => JSON.parse(text) as T;
const remoteHead = (branch: string): string => git(bare, 'rev-parse', branch);
const label = (engine: Engine, project: string): string =>
  engine.docker('ps', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Label "release"}}');

/** Commit `files` on `branch` in the developer clone (not pushed). */
function commitOn(branch: string, files: Record<string, string>, message: string): void {
  git(dev, 'switch', '-q', branch);
  for (const [f, c] of Object.entries(files)) writeFileSync(join(dev, f), c);
  git(dev, 'commit', '-qam', message);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gitops-guard-promote-'));
  clientKey = keygen(join(work, 'client_key'));
  web2HostKey = keygen(join(work, 'web2_host_key'));
  [engS, engP, P] = await Promise.all([startEngine(), startEngine(), freePorts(5)]);
  [sshS, sshP] = await Promise.all([startSshd({ engine: engS, clientKey }), startSshd({ engine: engP, clientKey })]);
  // The reconciler where server install puts it, on each server (web2 shares prod's HOME layout: its own).
  for (const s of [sshS, sshP]) {
    mkdirSync(join(s.home, '.local', 'bin'), { recursive: true });
    writeFileSync(join(s.home, '.local', 'bin', 'gitops-guard-reconcile'), RECONCILER_SCRIPT, { mode: 0o755 });
  }
  const ssh = join(work, 'ssh_config');
  writeFileSync(ssh, [['staging', sshS.port], ['prod', sshP.port], ['web1', sshS.port], ['web2', P[4]!]]
    .map(([h, port]) => `Host ${h}\n  HostName 127.0.0.1\n  Port ${port}\n`).join(''));
  const kh = join(work, 'known_hosts');
  const web2Pub = readFileSync(`${web2HostKey}.pub`, 'utf8').trim().split(/\s+/);
  writeFileSync(kh, `${sshS.knownHostsLine}\n${sshP.knownHostsLine}\n[127.0.0.1]:${P[4]} ${web2Pub[0]} ${web2Pub[1]}\n`);
  const srv = (env: string): string => join(work, 'srv', `shop-${env}`);
  const config = {
    user: 'root', sshConfig: ssh, knownHosts: [kh], identityFile: clientKey, reconcile: 'trigger',
    environments: {
      staging: { host: 'staging', branch: 'staging', remotePath: srv('staging'), composeFiles: ['server/staging.yml'] },
      prod: { host: 'prod', branch: 'prod', remotePath: srv('prod'), composeFiles: ['server/prod.yml'], promoteFrom: 'staging' },
      web: { hosts: ['web1', 'web2'], branch: 'web', remotePath: srv('web'), composeFiles: ['server/web.yml'] },
    },
    defaultEnvironment: 'staging',
  };
  ({ bare, dev } = makeOrigin(work, {
    files: {
      'server/staging.yml': compose('shop-staging', P[0]!, '1'),
      'server/prod.yml': compose('shop-prod', P[1]!, '1'),
      'server/web.yml': webCompose('1'),
      'gitops-guard.json': JSON.stringify(config, null, 2),
    },
    message: 'deploy: the shop, release 1',
  }));
  for (const b of ['staging', 'prod', 'web']) {
    git(dev, 'branch', '-q', b);
    git(dev, 'push', '-q', '-u', 'origin', b);
    execFileSync('git', ['clone', '-q', '-b', b, bare, srv(b)], { stdio: 'pipe' });
  }
}, 90_000);

afterAll(async () => {
  await Promise.all([sshS?.stop(), sshP?.stop(), web2?.stop()]);
  await Promise.all([engS?.stop(), engP?.stop()]);
}, 60_000);

describe('staging -> prod on two real servers', () => {
  it('deploys to staging only, refuses to promote what staging has not applied, then promotes: prod runs the commit', async () => {
    // Release 1 on staging, by a deploy that makes the server apply again.
    git(dev, 'switch', '-q', 'staging');
    let r = gg('deploy', '--env', 'staging', '--restart', '-m', 'first apply on staging');
    expect(r.code, r.all).toBe(0);
    expect(label(engS, 'shop-staging')).toBe('1');
    // Release 2: committed and pushed to staging without waiting, so staging has not applied it.
    commitOn('staging', { 'server/staging.yml': compose('shop-staging', P[0]!, '2'), 'server/prod.yml': compose('shop-prod', P[1]!, '2') }, 'deploy: release 2');
    const release2 = git(dev, 'rev-parse', 'HEAD');
    r = gg('deploy', '--env', 'staging', '--resume', '--no-wait');
    expect(r.code, r.all).toBe(0);
    expect(remoteHead('staging')).toBe(release2);
    const prodBefore = remoteHead('prod');
    r = gg('promote', 'staging', 'prod');
    expect(r.code, r.all).toBe(5);
    expect(r.err).toContain('refusing to promote staging -> prod');
    expect(r.err).toMatch(new RegExp(`staging runs [0-9a-f]{7}, 1 commit\\(s\\) behind ${release2.slice(0, 7)}`));
    expect(r.err).toContain('Nothing was pushed');
    expect(remoteHead('prod')).toBe(prodBefore);
    // The environments overview says the same, host by host.
    r = gg('environments', '--json');
    const overview = json<{ environments: { name: string; head: string; ok: boolean | null; hosts: { host: string; behind: number | null; healthy: boolean | null; reachable: boolean }[] }[] }>(r.out);
    const staging = overview.environments.find((e) => e.name === 'staging')!;
    expect(staging).toMatchObject({ head: release2, ok: false, hosts: [{ host: 'staging', behind: 1, healthy: true, reachable: true }] });
    // Staging applies it (deploy --resume waits), then the promotion goes through.
    r = gg('deploy', '--env', 'staging', '--resume');
    expect(r.code, r.all).toBe(0);
    expect(label(engS, 'shop-staging')).toBe('2');
    r = gg('promote', 'staging', 'prod', '--dry-run');
    expect(r.code, r.all).toBe(0);
    expect(r.out).toContain('dry run: promote staging -> prod');
    expect(remoteHead('prod')).toBe(prodBefore);
    r = gg('promote', 'staging', 'prod', '--json');
    expect(r.code, r.all).toBe(0);
    const done = json<{ commit: string; previous: string; commits: number; verify: { ok: boolean; commit: string } }>(r.out);
    expect(done).toMatchObject({ commit: release2, previous: prodBefore, commits: 2, verify: { ok: true, commit: release2 } });
    expect(remoteHead('prod')).toBe(release2);
    expect(label(engP, 'shop-prod')).toBe('2');
    expect(await httpGet(P[1]!)).toBe(200);
    // The developer's clone was not moved: promote pushes a commit, it checks nothing out.
    expect(git(dev, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('staging');
    const st = gg('status', '--env', 'prod', '--json');
    expect(st.code, st.all).toBe(0);
    expect(json<{ environment: string; host: string; pending: number; server: { applied: { applied: string } } }>(st.out))
      .toMatchObject({ environment: 'prod', host: 'prod', pending: 0, server: { applied: { applied: release2 } } });
    const hist = gg('history', '--env', 'prod', '--json');
    expect(json<{ sha: string; live: boolean }[]>(hist.out)[0]).toMatchObject({ sha: release2, live: true });
  });

  it('refuses while staging is unhealthy, and when prod has a commit staging lacks (nothing pushed, nothing lost)', async () => {
    // A release whose healthcheck fails on staging: deploy says so (8) and it is not promoted.
    const broken = compose('shop-staging', P[0]!, '3').replace(`${P[0]}/"]`, `${P[0]}/missing"]`);
    expect(broken).toContain('/missing"]');
    commitOn('staging', { 'server/staging.yml': broken }, 'deploy: release 3 (a healthcheck that fails)');
    let r = gg('deploy', '--env', 'staging', '--resume', '--timeout', '20s');
    expect(r.code, r.all).toBe(8);
    const prodBefore = remoteHead('prod');
    r = gg('promote', 'staging', 'prod');
    expect(r.code, r.all).toBe(5);
    expect(r.err).toMatch(/staging .*gateway is unhealthy/);
    expect(remoteHead('prod')).toBe(prodBefore);
    // Back to healthy on staging, the GitOps way.
    r = gg('rollback', '--env', 'staging', '--last');
    expect(r.code, r.all).toBe(0);
    // A hotfix pushed straight to prod: promoting staging over it would drop it, so it is refused.
    const hot = join(work, 'hotfix');
    execFileSync('git', ['clone', '-q', '-b', 'prod', bare, hot], { stdio: 'pipe' });
    writeFileSync(join(hot, 'HOTFIX.md'), 'fixed on prod\n');
    git(hot, 'add', '.');
    git(hot, 'commit', '-qm', 'deploy: hotfix on prod');
    git(hot, 'push', '-q');
    const hotfix = remoteHead('prod');
    r = gg('promote', 'staging', 'prod');
    expect(r.code, r.all).toBe(5);
    expect(r.err).toContain("origin/prod has 1 commit(s) that staging's head");
    expect(r.err).toContain('hotfix on prod');
    expect(r.err).toContain('never force-pushes');
    expect(remoteHead('prod')).toBe(hotfix);
    // Unknown names are a usage error (1) that lists what exists.
    r = gg('promote', 'staging', 'qa');
    expect(r.code).toBe(1);
    expect(r.err).toContain('no environment "qa" in the config (configured: staging, prod, web)');
  });
});

describe('an environment of two hosts, one of them down', () => {
  it('deploys, names the host that is down, keeps the commit pushed; once it is back, --resume finishes on both', async () => {
    commitOn('web', { 'server/web.yml': webCompose('2') }, 'deploy: web release 2');
    const commit = git(dev, 'rev-parse', 'HEAD');
    let r = gg('deploy', '--env', 'web', '--resume', '--timeout', '20s');
    // Pushed, live on web1, not on web2 (unreachable): pending (7), web2 named, how to finish said.
    expect(r.code, r.all).toBe(7);
    expect(remoteHead('web')).toBe(commit);
    expect(r.out).toContain(`not every host of web runs ${commit.slice(0, 7)}: web2 cannot be reached; live and healthy on web1`);
    expect(r.out).toContain('gitops-guard deploy --env web --resume');
    expect(label(engS, 'shop-web')).toBe('2');
    // status and environments name web2 and still show web1.
    r = gg('status', '--env', 'web', '--json');
    expect(r.code, r.all).toBe(4);
    const st = json<{ environment: string; hosts: ({ host: string; summary: string } | { host: string; error: { code: string; message: string } })[] }>(r.out);
    expect(st.environment).toBe('web');
    expect(st.hosts[0]).toMatchObject({ host: 'web1', summary: expect.stringContaining('up to date') });
    expect(st.hosts[1]).toMatchObject({ host: 'web2', error: { code: 'unreachable' } });
    r = gg('environments');
    expect(r.code, r.all).toBe(4);
    expect(r.out).toMatch(/^web: web at [0-9a-f]{7}; not ok: web2: cannot be reached/m);
    // web2 comes back (its own engine, its own port for the gateway): --resume waits until both run it.
    web2 = await startSshd({ engine: engP, clientKey, port: P[4]!, hostKey: web2HostKey, env: { WEB_PORT: String(P[3]) } });
    mkdirSync(join(web2.home, '.local', 'bin'), { recursive: true });
    writeFileSync(join(web2.home, '.local', 'bin', 'gitops-guard-reconcile'), RECONCILER_SCRIPT, { mode: 0o755 });
    r = gg('deploy', '--env', 'web', '--resume', '--json');
    expect(r.code, r.all).toBe(0);
    const v = json<{ commit: string; verify: { ok: boolean; hosts: { host: string; ok: boolean }[] } }>(r.out);
    expect(v).toMatchObject({ commit, verify: { ok: true, hosts: [{ host: 'web1', ok: true }, { host: 'web2', ok: true }] } });
    expect(label(engP, 'shop-web')).toBe('2');
    expect(await httpGet(P[3]!)).toBe(200);
    expect(await httpGet(P[2]!)).toBe(200);
  });
});

describe('the MCP tools, per environment', () => {
  type ToolResult = { isError?: boolean; structuredContent?: any; content: { type: string; text: string }[] };
  async function mcp(config?: string): Promise<{ call(name: string, args?: Record<string, unknown>): Promise<ToolResult>; close(): Promise<void> }> {
    const client = new Client({ name: 'gitops-guard-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', ...(config ? ['--config', config] : [])], cwd: dev,
      stderr: 'pipe', env: { PATH: process.env.PATH ?? '', HOME: join(work, 'home') } }));
    return {
      call: async (name, args = {}) => (await client.callTool({ name, arguments: args }, undefined, { timeout: 60_000 })) as ToolResult,
      close: () => client.close(),
    };
  }

  it('environments shows each host; env selects the environment; promote is confirmed with the target\'s confirmDeploy', async () => {
    const c = await mcp();
    try {
      const envs = await c.call('environments');
      expect(envs.isError, envs.content[0]?.text).toBeFalsy();
      const byName = Object.fromEntries((envs.structuredContent.environments as { name: string }[]).map((e) => [e.name, e]));
      // web: both hosts run its head, healthy; prod: the hotfix pushed straight to prod is not applied there.
      expect(byName.web).toMatchObject({ ok: true, hosts: [{ host: 'web1', behind: 0, healthy: true }, { host: 'web2', behind: 0, healthy: true }] });
      expect(byName.prod).toMatchObject({ ok: false, promoteFrom: 'staging', hosts: [{ host: 'prod', behind: 1, healthy: true }] });
      const st = await c.call('status', { env: 'web' });
      expect(st.structuredContent).toMatchObject({ environment: 'web', host: 'web1', hosts: [{ host: 'web1', reachable: true }, { host: 'web2', reachable: true }] });
      const unknown = await c.call('status', { env: 'qa' });
      expect(unknown.isError).toBe(true);
      expect(unknown.content[0]!.text).toContain('no environment "qa" in the config (configured: staging, prod, web)');
      const refused = await c.call('promote', { from: 'staging', to: 'prod' });
      expect(refused.isError).toBe(true);
      expect(refused.content[0]!.text).toContain("origin/prod has 1 commit(s) that staging's head");
    } finally {
      await c.close();
    }
    // prod asks the person first; this client cannot be asked, so nothing is pushed.
    const committed = JSON.parse(readFileSync(join(dev, 'gitops-guard.json'), 'utf8')) as { environments: Record<string, Record<string, unknown>> };
    committed.environments.prod!.confirmDeploy = true;
    writeFileSync(join(dev, '.git', 'info', 'exclude'), 'confirm.json\n');
    writeFileSync(join(dev, 'confirm.json'), JSON.stringify(committed));
    const prodBefore = remoteHead('prod');
    const asking = await mcp(join(dev, 'confirm.json'));
    try {
      const r = await asking.call('promote', { from: 'staging', to: 'prod' });
      expect(r.isError).toBe(true);
      expect(r.content[0]!.text).toContain('confirmDeploy is on for prod and this client cannot ask the person');
      expect(remoteHead('prod')).toBe(prodBefore);
    } finally {
      await asking.close();
    }
  });
});
