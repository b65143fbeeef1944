// `gitops-guard server install`, printed and applied over a real sshd. The session HOME on that
// server is a temporary directory (see support/sshd.ts); its sessions talk to a real Docker Engine
// (support/docker.ts). This machine has no systemd user manager, so enabling the
// timer fails for real and the test checks that failure is reported with what to run by hand. The
// cron test uses the real crontab of the user running the tests: it saves it first and puts it back.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.js';
import { plan } from '../src/gitops/install.js';
import { RECONCILER_SCRIPT } from '../src/gitops/reconciler.js';
import { COMPOSE, gatewayCompose, git, makeRepos } from './support/repos.js';
import { freePort, startSshd, type Sshd } from './support/sshd.js';
import { httpGet, startEngine, type Engine } from './support/docker.js';
import { BIN } from './helpers.js';

let engine: Engine;
let sshd: Sshd;
let port: number;
let work: string;
let dev: string;
let checkout: string;
let head: string;
let savedCrontab: string | null;

const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args],
  { cwd: dev, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dev, NO_COLOR: '1', SSH_AUTH_SOCK: '' } });
const crontab = (): string => {
  const r = spawnSync('crontab', ['-l'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : '';
};
const ssh = (command: string): string => execFileSync('ssh', ['-F', 'none', '-p', String(sshd.port), '-i', sshd.clientKey,
  '-o', `UserKnownHostsFile=${join(work, 'known_hosts')}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes',
  'root@127.0.0.1', command], { encoding: 'utf8' });

beforeAll(async () => {
  const r = spawnSync('crontab', ['-l'], { encoding: 'utf8' });
  savedCrontab = r.status === 0 ? r.stdout : null;
  [engine, port] = await Promise.all([startEngine(), freePort()]);
  sshd = await startSshd({ engine });
  work = mkdtempSync(join(tmpdir(), 'gitops-guard-install-'));
  ({ dev, checkout } = makeRepos(work, { checkout: 'srv/Code Foundry', message: 'deploy: gateway',
    files: { [COMPOSE]: gatewayCompose(port) } }));
  head = git(dev, 'rev-parse', 'HEAD');
  writeFileSync(join(work, 'known_hosts'), sshd.knownHostsLine + '\n');
  writeFileSync(join(dev, 'gitops-guard.json'), JSON.stringify({
    host: '127.0.0.1', port: sshd.port, user: 'root', sshConfig: null, knownHosts: [join(work, 'known_hosts')],
    identityFile: sshd.clientKey, remotePath: checkout, composeFiles: ['server/docker-compose.yml'],
  }, null, 2));
}, 60_000);

afterAll(async () => {
  if (savedCrontab === null) spawnSync('crontab', ['-r']);
  else spawnSync('crontab', ['-'], { input: savedCrontab });
  await sshd?.stop();
  await engine?.stop();
}, 60_000);

describe('server install, printed', () => {
  it('prints a systemd service and timer carrying the settings, and a cron line with --cron', () => {
    const units = cli('server', 'install');
    expect(units.status).toBe(0);
    expect(units.stdout).toContain(`Environment="GITOPS_GUARD_REPO=${checkout}"`);
    expect(units.stdout).toContain('Environment="GITOPS_GUARD_COMPOSE_FILES=server/docker-compose.yml"');
    expect(units.stdout).toContain('ExecStart=%h/.local/bin/gitops-guard-reconcile');
    expect(units.stdout).toMatch(/OnUnitActiveSec=1min[\s\S]*WantedBy=timers.target/);
    expect(units.stdout).toContain('systemctl --user enable --now gitops-guard-reconcile-Code_Foundry.timer');
    expect(units.stdout).toContain('Environment="GITOPS_GUARD_STACK=Code_Foundry"');
    const cron = cli('server', 'install', '--cron');
    expect(cron.status).toBe(0);
    expect(cron.stdout).toMatch(/^\* \* \* \* \* .*GITOPS_GUARD_REPO=(["'])[^"']*Code Foundry\1.*"\$HOME"\/.local\/bin\/gitops-guard-reconcile >> .* 2>&1 # gitops-guard-reconcile\[Code_Foundry\]$/m);
  });

  it('refuses values that would break out of a unit file or a crontab line', async () => {
    await expect(loadConfig({ cwd: dev, root: dev, config: { remotePath: '/srv/app\nExecStartPre=/bin/rm' } })).rejects.toThrow(/remotePath/);
    const config = await loadConfig({ cwd: dev, root: dev, config: { remotePath: '/srv/app', composeFiles: ['c.yml'] } });
    // The config schema already refuses it; plan checks again for callers that build a config in code.
    expect(() => plan({ ...config, remotePath: '/srv/app\nExecStartPre=/bin/rm' }, 'systemd')).toThrow(/control characters/);
    // The webhook's settings reach the reconciler; the token itself never leaves the server.
    const hooked = await loadConfig({ cwd: dev, root: dev, config: { remotePath: '/srv/app', composeFiles: ['c.yml'], onDrift: 'refuse',
      notify: { url: 'https://hooks.example.com/x', header: 'Authorization', tokenEnv: 'GG_TOKEN' } } });
    const unit = plan(hooked, 'systemd').files[1]!.content;
    for (const line of ['GITOPS_GUARD_NOTIFY_URL=https://hooks.example.com/x', 'GITOPS_GUARD_NOTIFY_HEADER=Authorization',
      'GITOPS_GUARD_NOTIFY_TOKEN_ENV=GG_TOKEN', 'GITOPS_GUARD_ON_DRIFT=refuse', 'GITOPS_GUARD_STACK=app']) expect(unit).toContain(`Environment="${line}"`);
    await expect(loadConfig({ cwd: dev, root: dev, config: { notify: { url: "https://x/'; reboot" } } })).rejects.toThrow(/notify\.url/);
    const percent = await loadConfig({ cwd: dev, root: dev, config: { remotePath: '/srv/100%', composeFiles: ['c.yml'] } });
    expect(plan(percent, 'cron').cronLine).toContain('GITOPS_GUARD_REPO=/srv/100\\% ');
    expect(plan(percent, 'systemd').files[1]!.content).toContain('Environment="GITOPS_GUARD_REPO=/srv/100%%"');
  });
});

describe('server install --apply, over SSH', () => {
  it('writes the reconciler and the units, and reports that this server has no systemd to enable them', () => {
    const r = cli('server', 'install', '--apply');
    expect(r.stderr).toMatch(/ok {3}check the server has git, flock and docker/);
    expect(r.stderr).toMatch(/ok {3}write ~\/.local\/bin\/gitops-guard-reconcile/);
    expect(r.stderr).toMatch(/ok {3}check the reconciler parses/);
    expect(r.stderr).toMatch(/FAIL enable gitops-guard-reconcile-Code_Foundry.timer/);
    expect(r.stderr).toContain('Next: the files are in place; switch the timer on by hand on the server: systemctl --user daemon-reload');
    expect(r.status).toBe(1);
    const script = join(sshd.home, '.local', 'bin', 'gitops-guard-reconcile');
    expect(readFileSync(script, 'utf8')).toBe(RECONCILER_SCRIPT);
    expect(statSync(script).mode & 0o777).toBe(0o755);
    const service = readFileSync(join(sshd.home, '.config', 'systemd', 'user', 'gitops-guard-reconcile-Code_Foundry.service'), 'utf8');
    expect(service).toContain(`Environment="GITOPS_GUARD_REPO=${checkout}"`);
    // systemd's own checker accepts both units, and %h/… resolves to the script just installed.
    const units = join(sshd.home, '.config', 'systemd', 'user');
    const runtime = mkdtempSync(join(work, 'xdg-'));
    const verify = spawnSync('systemd-analyze', ['--user', 'verify', join(units, 'gitops-guard-reconcile-Code_Foundry.service'), join(units, 'gitops-guard-reconcile-Code_Foundry.timer')],
      { encoding: 'utf8', env: { ...process.env, HOME: sshd.home, XDG_RUNTIME_DIR: runtime } });
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
  });

  it('adds one cron line (replacing its own earlier one, keeping the others) that applies the pushed commit', async () => {
    spawnSync('crontab', ['-'], { input: '# kept: someone else\'s job\n17 3 * * * true\n' });
    const first = cli('server', 'install', '--cron', '--apply');
    expect(first.stderr).toMatch(/ok {3}add the cron line/);
    expect(first.status).toBe(0);
    expect(cli('server', 'install', '--cron', '--apply').status).toBe(0);
    const lines = crontab().split('\n').filter(Boolean);
    expect(lines.filter((l) => l.endsWith('# gitops-guard-reconcile[Code_Foundry]'))).toHaveLength(1);
    expect(lines).toContain('17 3 * * * true');
    // What cron would run, run the way cron runs it: the command part under sh, on the server.
    const line = lines.find((l) => l.endsWith('# gitops-guard-reconcile[Code_Foundry]'))!;
    ssh(line.split(' ').slice(5).join(' '));
    const state = JSON.parse(readFileSync(join(sshd.home, '.local', 'state', 'gitops-guard', 'Code_Foundry', 'state.json'), 'utf8')) as Record<string, unknown>;
    expect(state).toMatchObject({ commit: head, ok: true, applied: head });
    expect(engine.containers()).toEqual([expect.objectContaining({ service: 'gateway', state: 'running' })]);
    expect(await httpGet(port)).toBe(200);
  });

  it('two stacks of one server user keep their own cron line and state; uninstall removes exactly one stack\'s', () => {
    const config = JSON.parse(readFileSync(join(dev, 'gitops-guard.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dev, 'second.json'), JSON.stringify({ ...config, stack: 'second' }));
    spawnSync('crontab', ['-'], { input: '17 3 * * * true\n' });
    expect(cli('server', 'install', '--cron', '--apply').status).toBe(0);
    expect(cli('server', 'install', '--cron', '--apply', '--config', 'second.json').status).toBe(0);
    const lines = crontab().split('\n').filter(Boolean);
    expect(lines.filter((l) => l.includes('# gitops-guard-reconcile['))).toHaveLength(2);
    expect(lines.find((l) => l.endsWith('[second]'))).toContain('GITOPS_GUARD_STACK=second');
    expect(lines.find((l) => l.endsWith('[second]'))).toContain('.local/state/gitops-guard/second');
    const script = join(sshd.home, '.local', 'bin', 'gitops-guard-reconcile');
    const off = cli('server', 'uninstall', '--config', 'second.json');
    expect(off.status, off.stderr).toBe(0);
    expect(off.stderr).toContain('keep ~/.local/bin/gitops-guard-reconcile: another stack still uses it');
    expect(crontab().split('\n').filter(Boolean)).toEqual(['17 3 * * * true', lines.find((l) => l.endsWith('[Code_Foundry]'))]);
    expect(existsSync(script)).toBe(true);
    // The last stack: its cron line, its (never enabled) units and the script go; the other job stays.
    const last = cli('server', 'uninstall');
    expect(last.status, last.stderr).toBe(0);
    expect(crontab().split('\n').filter(Boolean)).toEqual(['17 3 * * * true']);
    expect(existsSync(script)).toBe(false);
    expect(existsSync(join(sshd.home, '.config', 'systemd', 'user', 'gitops-guard-reconcile-Code_Foundry.service'))).toBe(false);
    expect(existsSync(join(sshd.home, '.local', 'state', 'gitops-guard', 'Code_Foundry', 'state.json'))).toBe(true);
  });

  it('refuses a server whose host key is not in known_hosts, with a message', () => {
    const config = JSON.parse(readFileSync(join(dev, 'gitops-guard.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dev, 'other.json'), JSON.stringify({ ...config, knownHosts: [join(work, 'empty_known_hosts')] }));
    writeFileSync(join(work, 'empty_known_hosts'), '');
    const r = cli('server', 'install', '--apply', '--config', 'other.json');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/host key|known_hosts/i);
  });
});
