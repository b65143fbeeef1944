// The SSH layer against real OpenSSH servers on 127.0.0.1 (see support/sshd.ts). The docker CLI on
// the server's PATH here is the stand-in (support/docker-standin.sh), because these tests need what
// a real engine cannot give: a record of every command that reached the server (to show that an
// unsafe name sends nothing), canned output in the JSON shapes of other docker and compose versions,
// and a log that follows forever at a known pace. Status and logs against a real engine are in
// status.test.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type ConfigInput } from '../src/index.js';
import { templates, UnsafeValue } from '../src/remote/commands.js';
import { Server } from '../src/remote/server.js';
import { resolveDestination, defaultSettings, SshError } from '../src/remote/ssh.js';
import { readSshOptions } from '../src/remote/ssh-config.js';
import { freePort, keygen, startSshd, type Sshd } from './support/sshd.js';
import { BIN } from './helpers.js';

let sshd: Sshd;
let jump: Sshd;
let work: string;
let repos: { bare: string; dev: string; server: string; c1: string; c3: string };

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' }).trim();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gitops-guard-ssh-'));
  sshd = await startSshd();
  jump = await startSshd({ clientKey: sshd.clientKey });
  // A remote, a developer clone two commits ahead, and the server's checkout at the first commit.
  const bare = join(work, 'origin.git');
  const dev = join(work, 'dev');
  const server = join(work, 'server-checkout');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare]);
  execFileSync('git', ['clone', '-q', bare, dev]);
  git(dev, 'checkout', '-q', '-b', 'main');
  writeFileSync(join(dev, 'README'), 'one\n');
  execFileSync('mkdir', ['-p', join(dev, 'server')]);
  writeFileSync(join(dev, 'server', 'docker-compose.yml'), 'services:\n  web:\n    image: nginx:1.27\n');
  git(dev, 'add', '.');
  git(dev, 'commit', '-q', '-m', 'deploy: one');
  git(dev, 'push', '-q', '-u', 'origin', 'main');
  const c1 = git(dev, 'rev-parse', 'HEAD');
  execFileSync('git', ['clone', '-q', bare, server]);
  for (const n of ['two', 'three']) {
    writeFileSync(join(dev, 'README'), `${n}\n`);
    git(dev, 'commit', '-qam', `deploy: ${n}`);
  }
  git(dev, 'push', '-q');
  repos = { bare, dev, server, c1, c3: git(dev, 'rev-parse', 'HEAD') };
  writeFileSync(join(work, 'state.json'), JSON.stringify({ commit: c1, time: '2026-11-26T12:00:00Z', ok: true }));
  // What the docker stand-in reports.
  const id = (n: number): string => `${n}`.repeat(64).slice(0, 64);
  writeFileSync(join(sshd.docker, 'compose-ps.json'), JSON.stringify([
    { ID: id(1), Name: 'server-web-1', Service: 'web', Image: 'nginx:1.27', State: 'running', Health: 'healthy',
      Status: 'Up 2 hours (healthy)', CreatedAt: '2026-11-26 10:00:00 +0000 UTC', Project: 'server',
      Publishers: [{ URL: '0.0.0.0', TargetPort: 80, PublishedPort: 8080, Protocol: 'tcp' }] },
    { ID: id(2), Name: 'server-gateway-1', Service: 'gateway', Image: 'ghcr.io/example/gateway:1.4.2', State: 'exited',
      Health: '', Status: 'Exited (1) 5 minutes ago', CreatedAt: '2026-11-26 11:00:00 +0000 UTC', Project: 'server', Publishers: [] },
  ]));
  writeFileSync(join(sshd.docker, 'containers.ndjson'), [
    { ID: id(1), Names: 'server-web-1', Image: 'nginx:1.27', State: 'running', Status: 'Up 2 hours (healthy)',
      CreatedAt: '2026-11-26 10:00:00 +0000 UTC', Ports: '0.0.0.0:8080->80/tcp', Labels: 'com.docker.compose.project=server,com.docker.compose.service=web' },
    { ID: id(2), Names: 'server-gateway-1', Image: 'ghcr.io/example/gateway:1.4.2', State: 'exited', Status: 'Exited (1) 5 minutes ago',
      CreatedAt: '2026-11-26 11:00:00 +0000 UTC', Ports: '', Labels: 'com.docker.compose.service=gateway' },
  ].map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(join(sshd.docker, 'restarts'), `${id(2)} 7 \n`);
  writeFileSync(join(sshd.docker, 'logs.out'), 'GET / 200\nGET /health 200\nPOST /login 500\n');
  writeFileSync(join(sshd.docker, 'logs.err'), 'warn: slow upstream\nerror: upstream refused\n');
}, 60_000);

afterAll(async () => {
  await sshd?.stop();
  await jump?.stop();
});

function knownHosts(...lines: string[]): string {
  const file = join(mkdtempSync(join(work, 'kh-')), 'known_hosts');
  writeFileSync(file, lines.map((l) => l + '\n').join(''));
  return file;
}

async function server(overrides: Partial<ConfigInput> = {}, root = repos.dev): Promise<Server> {
  const config = await loadConfig({
    cwd: root, root,
    config: {
      host: '127.0.0.1', port: sshd.port, user: 'root', remotePath: repos.server,
      composeFiles: ['server/docker-compose.yml'], stateFile: join(work, 'state.json'),
      sshConfig: null, knownHosts: [knownHosts(sshd.knownHostsLine)], identityFile: sshd.clientKey,
      connectTimeout: 5, ...overrides,
    },
  });
  return new Server(config, { ssh: { agent: '' } });
}

async function sshError(p: Promise<unknown>): Promise<SshError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(SshError);
  return e as SshError;
}

describe('status over a real sshd', () => {
  it('lists services from compose ps and compares the live commit with the upstream', async () => {
    const s = await server();
    try {
      const st = await s.status();
      expect(st.containers.map((c) => [c.service, c.name, c.state, c.health, c.restarts, c.ports])).toEqual([
        ['web', 'server-web-1', 'running', 'healthy', 0, ['0.0.0.0:8080->80/tcp']],
        ['gateway', 'server-gateway-1', 'exited', null, 7, []],
      ]);
      expect(st.server.checkout).toBe(repos.c1);
      expect(st.server.applied).toMatchObject({ commit: repos.c1, ok: true });
      expect(st.local).toMatchObject({ branch: 'main', upstreamRef: 'origin/main', upstream: repos.c3 });
      expect(st.pending).toBe(2);
      expect(st.summary).toBe(`live: ${repos.c1.slice(0, 7)}; origin/main: ${repos.c3.slice(0, 7)}; 2 commits not yet applied; 1/2 containers running`);
      const calls = readFileSync(join(sshd.docker, 'calls'), 'utf8');
      expect(calls).toContain(`ps -a --no-trunc --filter label=com.docker.compose.project.working_dir=${repos.server}/server --format {{json .}}`);
    } finally {
      s.close();
    }
  });

  it('reads compose output printed one object a line, and docker ps without a compose directory', async () => {
    const array = readFileSync(join(sshd.docker, 'compose-ps.json'), 'utf8');
    writeFileSync(join(sshd.docker, 'compose-ps.json'), (JSON.parse(array) as unknown[]).map((r) => JSON.stringify(r)).join('\n'));
    const s = await server();
    const noCompose = await server({ remotePath: undefined, composeFiles: [] });
    try {
      expect((await s.containers()).map((c) => c.service)).toEqual(['web', 'gateway']);
      const st = await noCompose.status();
      expect(st.containers.map((c) => [c.service, c.health, c.ports])).toEqual([['web', 'healthy', ['0.0.0.0:8080->80/tcp']], ['gateway', null, []]]);
      expect(st.problems.join(' ')).toContain('remotePath is not configured');
    } finally {
      writeFileSync(join(sshd.docker, 'compose-ps.json'), array);
      s.close();
      noCompose.close();
    }
  });

  it('keeps one connection across calls and reopens it after it drops', async () => {
    const s = await server();
    try {
      await s.containers();
      await s.containers();
      expect(s.pool.size).toBe(1);
      sshd.dropSessions();
      await new Promise((r) => setTimeout(r, 200));
      expect((await s.containers()).length).toBe(2);
    } finally {
      s.close();
    }
  });
});

describe('logs', () => {
  it('keeps stdout and stderr apart, with the default tail, since and grep', async () => {
    const s = await server();
    try {
      const r = await s.logs('web', { since: '10m', grep: 'GET' });
      expect(r.stdout).toBe('GET / 200\nGET /health 200');
      expect(r.stderr).toBe('');
      const all = await s.logs('gateway');
      expect(all.stderr).toContain('error: upstream refused');
      expect(all.stdout).toContain('POST /login 500');
      const calls = readFileSync(join(sshd.docker, 'calls'), 'utf8');
      expect(calls).toContain(`logs --tail 200 --since 10m -- ${'1'.repeat(64)}`);
      expect(calls).toContain(`logs --tail 200 -- ${'2'.repeat(64)}`);
    } finally {
      s.close();
    }
  });

  it('caps output in bytes with a note, and follows only for the time given', async () => {
    const s = await server();
    try {
      const capped = await s.logs('web', { maxBytes: 10 });
      expect(capped.stdout).toBe('GET / 200\n');
      expect(capped.truncated).toBe(true);
      expect(capped.note).toContain('cut at');
      const start = Date.now();
      const followed = await s.logs('web', { followMs: 700 });
      expect(Date.now() - start).toBeLessThan(5000);
      expect(followed.stdout).toContain('follow line 1');
      expect(followed.note).toContain('followed for 700 ms');
      await expect(s.logs('nope')).rejects.toThrow(/no container for service "nope".*web/);
      await expect(s.logs('web', { tail: 5001 })).rejects.toThrow(/tail/);
    } finally {
      s.close();
    }
  });

  it('reports a connection dropped mid-command', async () => {
    const s = await server();
    try {
      const running = s.logs('web', { followMs: 20_000 });
      setTimeout(() => sshd.dropSessions(), 500);
      const e = await sshError(running);
      expect(e.kind).toBe('dropped');
      expect(e.message).toContain('lost while the command was running');
    } finally {
      s.close();
    }
  });
});

describe('names that could run something are rejected before anything is sent', () => {
  it.each(['web;touch /tmp/gg-pwned', '$(touch /tmp/gg-pwned)', 'web\ntouch /tmp/gg-pwned', '`touch /tmp/gg-pwned`', '-rf', '../x', "web' || true"])(
    '%j', async (name) => {
      const before = existsSync(join(sshd.docker, 'calls')) ? readFileSync(join(sshd.docker, 'calls'), 'utf8') : '';
      const s = await server();
      try {
        await expect(s.logs(name)).rejects.toBeInstanceOf(UnsafeValue);
      } finally {
        s.close();
      }
      expect(existsSync('/tmp/gg-pwned')).toBe(false);
      expect(existsSync(join(sshd.docker, 'calls')) ? readFileSync(join(sshd.docker, 'calls'), 'utf8') : '').toBe(before);
    });

  it('quotes every value it does accept', () => {
    expect(templates.logs('web.1', { tail: 10, since: '2026-11-26T10:00:00Z' })).toBe('docker logs --tail 10 --since 2026-11-26T10:00:00Z -- web.1');
    expect(templates.serverHead('/srv/my app')).toBe(`git -C "/srv/my app" rev-parse HEAD`);
    expect(() => templates.logs('web', { tail: 1, since: '1m; reboot' })).toThrow(UnsafeValue);
  });
});

describe('host keys', () => {
  it('refuses an unknown host key, with the exact line to add and the fingerprint', async () => {
    const s = await server({ knownHosts: [knownHosts()] });
    const e = await sshError(s.containers());
    expect(e.kind).toBe('unknown-host-key');
    expect(e.message).toContain(sshd.knownHostsLine);
    expect(e.message).toMatch(/SHA256:[A-Za-z0-9+/]{43}/);
    s.close();
  });

  it('records a new host key with accept-new, then uses it', async () => {
    const file = knownHosts();
    const s = await server({ knownHosts: [file], hostKeyPolicy: 'accept-new' });
    expect((await s.containers()).length).toBe(2);
    s.close();
    expect(readFileSync(file, 'utf8')).toBe(`${sshd.knownHostsLine}\n`);
    const strict = await server({ knownHosts: [file] });
    expect((await strict.containers()).length).toBe(2);
    strict.close();
  });

  it('refuses a changed host key, loudly, even with accept-new', async () => {
    const other = keygen(join(mkdtempSync(join(work, 'k-')), 'other'));
    const otherLine = `[127.0.0.1]:${sshd.port} ${readFileSync(`${other}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ')}`;
    const s = await server({ knownHosts: [knownHosts(otherLine)], hostKeyPolicy: 'accept-new' });
    const e = await sshError(s.containers());
    expect(e.kind).toBe('changed-host-key');
    expect(e.message).toContain('HAS CHANGED');
    s.close();
  });

  it('accepts a hashed known_hosts entry (as ssh-keygen -H writes it)', async () => {
    const file = knownHosts(sshd.knownHostsLine);
    execFileSync('ssh-keygen', ['-q', '-H', '-f', file], { stdio: 'ignore' });
    expect(readFileSync(file, 'utf8')).toMatch(/^\|1\|/);
    const s = await server({ knownHosts: [file] });
    expect((await s.containers()).length).toBe(2);
    s.close();
  });

  it('refuses a key marked @revoked', async () => {
    const s = await server({ knownHosts: [knownHosts(sshd.knownHostsLine, `@revoked * ${sshd.knownHostsLine.split(' ').slice(1).join(' ')}`)] });
    expect((await sshError(s.containers())).kind).toBe('revoked-host-key');
    s.close();
  });
});

describe('authentication and reachability', () => {
  it('refuses a key the server does not authorize', async () => {
    const wrong = keygen(join(mkdtempSync(join(work, 'k-')), 'wrong'));
    const s = await server({ identityFile: wrong });
    expect((await sshError(s.containers())).kind).toBe('auth');
    s.close();
  });

  it('says so when the only key is encrypted', async () => {
    const locked = keygen(join(mkdtempSync(join(work, 'k-')), 'locked'), 'ed25519', 'secret-passphrase');
    const s = await server({ identityFile: locked });
    const e = await sshError(s.containers());
    expect(e.kind).toBe('key');
    expect(e.message).toContain('is encrypted');
    expect(e.message).toContain('ssh-add');
    s.close();
  });

  it('logs in with a key held by a real ssh-agent', async () => {
    const dir = mkdtempSync(join(work, 'agent-'));
    const sock = join(dir, 'agent.sock');
    const agent = spawnSync('ssh-agent', ['-a', sock], { encoding: 'utf8' });
    const pid = /SSH_AGENT_PID=(\d+)/.exec(agent.stdout)?.[1];
    try {
      execFileSync('ssh-add', ['-q', sshd.clientKey], { env: { ...process.env, SSH_AUTH_SOCK: sock }, stdio: 'ignore' });
      const config = await loadConfig({
        cwd: repos.dev, root: repos.dev,
        config: { host: '127.0.0.1', port: sshd.port, user: 'root', sshConfig: null, knownHosts: [knownHosts(sshd.knownHostsLine)] },
      });
      // No identity file anywhere: HOME is empty, so only the agent can log in.
      const s = new Server(config, { ssh: { agent: sock, sshConfigFile: null } });
      const home = process.env.HOME;
      process.env.HOME = dir;
      try {
        expect((await s.containers()).length).toBe(2);
      } finally {
        process.env.HOME = home;
        s.close();
      }
    } finally {
      if (pid) process.kill(Number(pid));
    }
  });

  it('reports a server that is down', async () => {
    const s = await server({ port: await freePort() });
    expect((await sshError(s.containers())).kind).toBe('unreachable');
    s.close();
  });

  it('times out on a server that never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const s = await server({ port: (silent.address() as { port: number }).port, connectTimeout: 1 });
    expect((await sshError(s.containers())).kind).toBe('timeout');
    s.close();
    silent.close();
  });
});

describe('ProxyJump', () => {
  function sshConfig(target: string, jumpSpec: string): string {
    const file = join(mkdtempSync(join(work, 'cfg-')), 'config');
    writeFileSync(file, `Host prod\n  HostName 127.0.0.1\n  Port ${sshd.port}\n  User root\n  ProxyJump ${jumpSpec}\n\nHost ${target}\n  User root\n`);
    return file;
  }

  it('connects through a second sshd, checking the host key of each hop', async () => {
    const config = sshConfig('jumpbox', `root@127.0.0.1:${jump.port}`);
    const both = await server({ host: 'prod', port: undefined, user: undefined, sshConfig: config, knownHosts: [knownHosts(sshd.knownHostsLine, jump.knownHostsLine)] });
    expect((await both.containers()).length).toBe(2);
    both.close();
    const jumpUnknown = await server({ host: 'prod', port: undefined, user: undefined, sshConfig: config, knownHosts: [knownHosts(sshd.knownHostsLine)] });
    const e = await sshError(jumpUnknown.containers());
    expect(e.kind).toBe('unknown-host-key');
    expect(e.message).toContain(`[127.0.0.1]:${jump.port}`);
    jumpUnknown.close();
  });
});

describe('the OpenSSH client configuration, as ssh(1) reads it', () => {
  /** A fresh HOME with ~/.ssh: os.homedir() follows $HOME, so ~ and ~/.ssh are this folder's. */
  function withHome(): { home: string; ssh: string; done: () => void } {
    const home = mkdtempSync(join(work, 'home-'));
    mkdirSync(join(home, '.ssh'), { mode: 0o700 });
    const before = process.env.HOME;
    process.env.HOME = home;
    return { home, ssh: join(home, '.ssh'), done: () => { process.env.HOME = before; } };
  }
  /** A Server for `host` read through `sshConfig`, with no identity file and no agent unless the config gives them. */
  async function viaConfig(host: string, sshConfig: string, knownHostsFile = knownHosts(sshd.knownHostsLine), agent?: string): Promise<Server> {
    const config = await loadConfig({ cwd: repos.dev, root: repos.dev, config: { host, sshConfig, knownHosts: [knownHostsFile], connectTimeout: 5 } });
    return new Server(config, { ssh: agent === undefined ? {} : { agent } });
  }
  function agentWith(key: string): { sock: string; stop: () => void } {
    const sock = join(mkdtempSync(join(work, 'agent-')), 'agent.sock');
    const out = spawnSync('ssh-agent', ['-a', sock], { encoding: 'utf8' });
    const pid = Number(/SSH_AGENT_PID=(\d+)/.exec(out.stdout)?.[1]);
    execFileSync('ssh-add', ['-q', key], { env: { ...process.env, SSH_AUTH_SOCK: sock }, stdio: 'ignore' });
    return { sock, stop: () => process.kill(pid) };
  }

  it('reads Host and Match as ssh(1): negation, first value wins, additive options, tokens, ProxyJump against ProxyCommand', () => {
    const dir = mkdtempSync(join(work, 'cfg-'));
    const cfg = join(dir, 'config');
    writeFileSync(cfg, [
      'Host *.internal !bastion.internal',
      '  ProxyJump bastion.internal',
      'Host db.internal',
      '  ProxyCommand nc %h %p',
      '  IdentityFile ~/.ssh/db_%r',
      'Match user deploy host *.internal',
      '  Port 2222',
      'Match !originalhost db.internal',
      '  IdentityFile /keys/other',
      'Host *',
      '  User deploy',
      '  IdentityFile /keys/common',
      '  HostName %h.example',
      '',
    ].join('\n'));
    const o = readSshOptions({ host: 'db.internal' }, { user: cfg });
    expect(o.get('proxyjump')).toEqual(['bastion.internal']);
    expect(o.get('proxycommand')).toEqual(['nc %h %p']);
    expect(o.get('port')).toBeUndefined(); // User was not known yet when Match user was read
    expect(o.get('identityfile')).toEqual(['~/.ssh/db_%r', '/keys/common']);
    expect(readSshOptions({ host: 'bastion.internal' }, { user: cfg }).get('proxyjump')).toBeUndefined();
    expect(readSshOptions({ host: 'x.internal', user: 'deploy' }, { user: cfg }).get('port')).toEqual(['2222']);
    const settings = defaultSettings({ sshConfigFile: cfg, knownHostsFiles: [] });
    // ProxyJump came first in the file, so it wins over ProxyCommand; tokens expand in HostName and IdentityFile.
    const { destination } = resolveDestination({ host: 'db.internal' }, settings);
    expect(destination).toMatchObject({ host: 'db.internal.example', user: 'deploy', port: 22, jumps: [{ host: 'bastion.internal.example' }] });
    expect(destination.proxyCommand).toBeUndefined();
    expect(destination.identityFiles).toEqual([join(process.env.HOME ?? '', '.ssh', 'db_deploy'), '/keys/common']);
    writeFileSync(cfg, 'Host odd\n  IdentityFile /keys/%z\n');
    expect(() => resolveDestination({ host: 'odd' }, settings)).toThrow(/the token %z is not allowed here/);
  });

  it('follows Include: a glob relative to ~/.ssh, a ~ path, first value winning, a missing file ignored', async () => {
    const h = withHome();
    try {
      mkdirSync(join(h.ssh, 'conf.d'));
      mkdirSync(join(h.home, 'keys'));
      copyFileSync(sshd.clientKey, join(h.home, 'keys', 'id'));
      writeFileSync(join(h.ssh, 'config'), 'Include conf.d/*.conf ~/more/other.conf ~/nowhere/*.conf\n\nHost *\n  Port 1\n');
      writeFileSync(join(h.ssh, 'conf.d', '10-prod.conf'), `Host prod\n  HostName 127.0.0.1\n  Port ${sshd.port}\n`);
      writeFileSync(join(h.ssh, 'conf.d', '20-late.conf'), 'Host prod\n  Port 2\n  User nobody\n');
      writeFileSync(join(h.ssh, 'conf.d', 'ignored.txt'), 'Host prod\n  HostName 192.0.2.1\n');
      mkdirSync(join(h.home, 'more'));
      writeFileSync(join(h.home, 'more', 'other.conf'), 'Match originalhost prod\n  IdentityFile ~/keys/id\n');
      // 20-late.conf comes after 10-prod.conf, so its Port loses; its User stands (nothing set it before).
      const wrong = await viaConfig('prod', join(h.ssh, 'config'), undefined, '');
      expect((await sshError(wrong.containers())).kind).toBe('auth'); // logged in as "nobody"
      wrong.close();
      writeFileSync(join(h.ssh, 'conf.d', '05-user.conf'), 'Host prod\n  User root\n');
      const s = await viaConfig('prod', join(h.ssh, 'config'), undefined, '');
      expect((await s.containers()).length).toBe(2);
      s.close();
    } finally {
      h.done();
    }
  });

  it('refuses an Include loop and a bad option line with the file and line', async () => {
    const h = withHome();
    try {
      writeFileSync(join(h.ssh, 'config'), 'Include config\n');
      const loop = await viaConfig('prod', join(h.ssh, 'config'), undefined, '');
      const e = await sshError(loop.containers());
      expect(e.kind).toBe('config');
      expect(e.message).toMatch(/Include nested more than 16 deep/);
      writeFileSync(join(h.ssh, 'config'), 'Host prod\n  IdentityFile "unbalanced\n');
      const bad = await viaConfig('prod', join(h.ssh, 'config'), undefined, '');
      expect((await sshError(bad.containers())).message).toBe(`${join(h.ssh, 'config')}:2: unbalanced quotes`);
    } finally {
      h.done();
    }
  });

  it('runs ProxyCommand locally with %h %p %r expanded, and checks the target host key through it', async () => {
    const dir = mkdtempSync(join(work, 'proxy-'));
    const log = join(dir, 'args');
    const kh = knownHosts(jump.knownHostsLine);
    // A real proxy: the system OpenSSH client, through the second sshd (-W), as people write it.
    const script = join(dir, 'proxy.sh');
    writeFileSync(script, `#!/bin/sh\necho "$@" > '${log}'\nexec ssh -F /dev/null -i '${sshd.clientKey}' -o UserKnownHostsFile='${kh}' `
      + `-o StrictHostKeyChecking=yes -o BatchMode=yes -p ${jump.port} root@127.0.0.1 -W "$1:$2"\n`, { mode: 0o755 });
    const cfg = join(dir, 'config');
    writeFileSync(cfg, `Host viaproxy\n  HostName 127.0.0.1\n  Port ${sshd.port}\n  User root\n  IdentityFile ${sshd.clientKey}\n`
      + `  ProxyCommand ${script} %h %p %r %%\n`);
    const s = await viaConfig('viaproxy', cfg, undefined, '');
    expect((await s.containers()).length).toBe(2);
    expect(readFileSync(log, 'utf8')).toBe(`127.0.0.1 ${sshd.port} root %\n`);
    s.close();
    // The target's own host key is still checked, through the proxy.
    const unknown = await viaConfig('viaproxy', cfg, knownHosts(jump.knownHostsLine), '');
    expect((await sshError(unknown.containers())).kind).toBe('unknown-host-key');
    unknown.close();
  });

  it('refuses to put a host name a shell would read into a ProxyCommand, and reports a proxy that fails', async () => {
    const dir = mkdtempSync(join(work, 'proxy-'));
    const cfg = join(dir, 'config');
    const marker = join(dir, 'ran');
    writeFileSync(cfg, `Host evil\n  HostName "127.0.0.1;touch ${marker}"\n  ProxyCommand nc %h %p\n\nHost broken\n  HostName 127.0.0.1\n`
      + `  IdentityFile ${sshd.clientKey}\n  ProxyCommand sh -c 'echo no route >&2; exit 3'\n`);
    const evil = await viaConfig('evil', cfg, undefined, '');
    const e = await sshError(evil.containers());
    expect(e.kind).toBe('config');
    expect(e.message).toContain('refusing to run the ProxyCommand for evil');
    expect(existsSync(marker)).toBe(false);
    const broken = await viaConfig('broken', cfg, undefined, '');
    const b = await sshError(broken.containers());
    expect(b.kind).toBe('unreachable');
    expect(b.message).toBe('the ProxyCommand for 127.0.0.1 exited 3: no route');
  });

  it('uses the agent IdentityAgent names, and none when it says none', async () => {
    const agent = agentWith(sshd.clientKey);
    const h = withHome();
    const saved = process.env.SSH_AUTH_SOCK;
    try {
      writeFileSync(join(h.ssh, 'config'), `Host byagent\n  HostName 127.0.0.1\n  Port ${sshd.port}\n  User root\n  IdentityAgent ${agent.sock}\n`
        + `\nHost noagent\n  HostName 127.0.0.1\n  Port ${sshd.port}\n  User root\n  IdentityAgent none\n`);
      delete process.env.SSH_AUTH_SOCK;
      const s = await viaConfig('byagent', join(h.ssh, 'config'));
      expect((await s.containers()).length).toBe(2);
      s.close();
      process.env.SSH_AUTH_SOCK = agent.sock; // would log in, but the config says none
      const none = await viaConfig('noagent', join(h.ssh, 'config'));
      const e = await sshError(none.containers());
      expect(e.kind).toBe('key');
      expect(e.message).toContain('no ssh-agent (IdentityAgent none)');
    } finally {
      if (saved === undefined) delete process.env.SSH_AUTH_SOCK; else process.env.SSH_AUTH_SOCK = saved;
      h.done();
      agent.stop();
    }
  });

  it('host and user certificates (@cert-authority, CertificateFile) through the OpenSSH client, against an sshd with a CA-signed host key', async () => {
    const dir = mkdtempSync(join(work, 'ca-'));
    const ca = keygen(join(dir, 'ca'));
    const otherCa = keygen(join(dir, 'other-ca'));
    const hostKey = keygen(join(dir, 'host'));
    execFileSync('ssh-keygen', ['-q', '-s', ca, '-I', 'test-host', '-h', '-n', '127.0.0.1', `${hostKey}.pub`]);
    // The user key is not in authorized_keys: only its certificate (signed by the CA sshd trusts) logs in.
    const userKey = keygen(join(dir, 'user'));
    execFileSync('ssh-keygen', ['-q', '-s', ca, '-I', 'test-user', '-n', 'root', `${userKey}.pub`]);
    const certd = await startSshd({ hostKey, extraConfig: [`HostCertificate ${hostKey}-cert.pub`, `TrustedUserCAKeys ${ca}.pub`] });
    try {
      writeFileSync(join(certd.docker, 'containers.ndjson'), readFileSync(join(sshd.docker, 'containers.ndjson')));
      const pub = (key: string) => readFileSync(`${key}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
      const cfg = join(dir, 'config');
      writeFileSync(cfg, `Host certhost\n  HostName 127.0.0.1\n  Port ${certd.port}\n  User root\n  IdentityFile ${userKey}\n  CertificateFile ${userKey}-cert.pub\n`);
      // known_hosts holds only the CA: the host is vouched for by its certificate, never by its plain key.
      const caOnly = knownHosts(`@cert-authority [127.0.0.1]:${certd.port} ${pub(ca)}`);
      const s = await viaConfig('certhost', cfg, caOnly, '');
      expect((await s.containers()).length).toBe(2);
      s.close();
      // Another CA: refused, whatever the policy, and nothing is recorded.
      const wrong = knownHosts(`@cert-authority [127.0.0.1]:${certd.port} ${pub(otherCa)}`);
      for (const hostKeyPolicy of ['strict', 'accept-new'] as const) {
        const config = await loadConfig({ cwd: repos.dev, root: repos.dev, config: { host: 'certhost', sshConfig: cfg, knownHosts: [wrong], hostKeyPolicy, connectTimeout: 5 } });
        const bad = new Server(config, { ssh: { agent: '' } });
        const e = await sshError(bad.containers());
        expect([hostKeyPolicy, e.kind]).toEqual([hostKeyPolicy, 'unknown-host-key']);
        bad.close();
      }
      expect(readFileSync(wrong, 'utf8')).toBe(`@cert-authority [127.0.0.1]:${certd.port} ${pub(otherCa)}\n`);
      // Without the certificate the key alone is refused: the login above was the certificate's.
      // (OpenSSH also loads KEY-cert.pub by itself, so the certificate is moved away.)
      renameSync(`${userKey}-cert.pub`, join(dir, 'moved-cert.pub'));
      writeFileSync(cfg, `Host certhost\n  HostName 127.0.0.1\n  Port ${certd.port}\n  User root\n  IdentityFile ${userKey}\n`);
      const plain = await viaConfig('certhost', cfg, caOnly, '');
      expect((await sshError(plain.containers())).kind).toBe('auth');
    } finally {
      await certd.stop();
    }
  });
});

describe('CLI', () => {
  function project(extra: Record<string, unknown> = {}): string {
    const dir = mkdtempSync(join(work, 'cli-'));
    writeFileSync(join(dir, 'gitops-guard.json'), JSON.stringify({
      host: '127.0.0.1', port: sshd.port, user: 'root', remotePath: repos.server, composeFiles: ['server/docker-compose.yml'],
      stateFile: join(work, 'state.json'), sshConfig: null, knownHosts: [knownHosts(sshd.knownHostsLine)], identityFile: sshd.clientKey, ...extra,
    }));
    return dir;
  }
  const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], {
    cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1' },
  });

  it('status --json and a table', () => {
    const dir = project();
    const json = cli(dir, 'status', '--json');
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).containers).toHaveLength(2);
    const table = cli(dir, 'status');
    expect(table.stdout).toMatch(/SERVICE\s+CONTAINER\s+IMAGE\s+STATE/);
    expect(table.stdout).toMatch(/gateway\s+server-gateway-1\s+ghcr.io\/example\/gateway:1.4.2\s+exited\s+-\s+7/);
  });

  it('logs with stdout and stderr labelled, and --json', () => {
    const dir = project();
    const r = cli(dir, 'logs', 'gateway', '--tail', '50', '--grep', 'upstream');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('== gateway (server-gateway-1) stderr ==\nwarn: slow upstream\nerror: upstream refused');
    expect(JSON.parse(cli(dir, 'logs', 'web', '--json').stdout).stdout).toContain('GET / 200');
  });

  it('exits 4 (unreachable) when the host key is unknown, 1 when the name is unsafe, with the reason', () => {
    const dir = project({ knownHosts: [knownHosts()] });
    const r = cli(dir, 'status');
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('is not known');
    const json = cli(dir, 'status', '--json');
    expect(json.status).toBe(4);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'host-key', message: expect.stringContaining('is not known') } });
    const bad = cli(project(), 'logs', 'web;reboot');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('not a valid service name');
  });
});
