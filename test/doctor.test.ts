// gitops-guard doctor on real projects prepared by init: it runs each installed hook command for
// real (sh, the project, the host's JSON) and reads the answer as the host does; it reads the trust
// files the hosts read (in a temporary HOME), and it reaches a real sshd on 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, project, tempDir } from './helpers.js';
import { startSshd, type Sshd } from './support/sshd.js';

const ROOT = join(import.meta.dirname, '..');
const PATH = `${dirname(process.execPath)}:/usr/bin:/bin`;

function setup(agents: string[], files: Record<string, string> = {}) {
  const dir = project({ '.git/HEAD': 'ref: refs/heads/main\n', ...files });
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules', 'gitops-guard'));
  symlinkSync(BIN, join(dir, 'node_modules', '.bin', 'gitops-guard'));
  const home = tempDir();
  const r = spawnSync(process.execPath, [BIN, 'init', '--cwd', dir, '--yes', ...agents.flatMap((a) => ['--agent', a])],
    { encoding: 'utf8', input: '', env: { PATH, HOME: home } });
  expect(r.status, r.stderr).toBe(0);
  return { dir, home };
}

function doctor(dir: string, home: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'doctor', '--cwd', dir, '--json', ...args],
    { encoding: 'utf8', env: { PATH, HOME: home, NO_COLOR: '1' } });
  return { code: r.status, report: JSON.parse(r.stdout), stderr: r.stderr };
}

const host = (report: any, id: string): any => report.hosts.find((h: any) => h.host === id);

describe('gitops-guard doctor', () => {
  it('reports live hooks, with the forbidden probe refused and the benign one passed', () => {
    const { dir, home } = setup(['claude', 'cursor', 'windsurf', 'cline']);
    const { code, report } = doctor(dir, home);
    expect(report.hosts.map((h: any) => [h.host, h.live])).toEqual([['claude', true], ['cursor', true], ['windsurf', true], ['cline', true]]);
    const probe = host(report, 'claude').hooks[0];
    expect(probe.forbidden).toMatchObject({ command: 'docker compose up -d', blocked: true });
    expect(probe.forbidden.said).toContain('gitops-guard blocked this command');
    expect(probe.benign).toMatchObject({ command: 'ls', blocked: false });
    expect(report.config.ok).toBe(true);
    expect(host(report, 'claude').mcp).toMatchObject({ file: '.mcp.json', ok: true });
    expect(host(report, 'cline').mcp).toBeUndefined();
    expect(code).toBe(0);
    writeFileSync(join(dir, '.mcp.json'), JSON.stringify({ mcpServers: { 'gitops-guard': { command: 'npx', args: ['--no-install', 'gitops-guard', 'mcp'] } } }));
    expect(host(doctor(dir, home).report, 'claude').mcp.detail).toContain('waits on the network');
  });

  it('says why a hook is not live, and exits 8', () => {
    const { dir, home } = setup(['claude', 'copilot']);
    rmSync(join(dir, 'node_modules'), { recursive: true });
    const missing = doctor(dir, home);
    expect(missing.code).toBe(8);
    expect(host(missing.report, 'claude').why[0]).toContain('cannot find gitops-guard');
    // Copilot's PowerShell form is reported as not run where there is no pwsh.
    expect(host(missing.report, 'copilot').hooks.map((h: any) => h.field)).toEqual(['bash', 'powershell']);

    const broken = setup(['claude'], { 'gitops-guard.json': '{"host": 42}' });
    const bad = doctor(broken.dir, broken.home);
    expect(bad.code).toBe(8);
    expect(bad.report.config.ok).toBe(false);
    expect(host(bad.report, 'claude').why.join('\n')).toContain('could not decide');

    const off = setup(['claude'], { '.claude/settings.local.json': '{ "disableAllHooks": true }' });
    expect(host(doctor(off.dir, off.home).report, 'claude').why.join('\n')).toContain('disableAllHooks');

    const none = doctor(project(), tempDir());
    expect(none.code).toBe(8);
    expect(none.report.hosts).toEqual([]);
  });

  it('knows the trust gates of Codex, Copilot and Gemini, and sees them passed', () => {
    const { dir, home } = setup(['codex', 'copilot', 'gemini']);
    const before = doctor(dir, home);
    expect(before.code).toBe(8);
    for (const id of ['codex', 'copilot', 'gemini']) {
      const h = host(before.report, id);
      expect(h.live, id).toBe(false);
      expect(h.trust.trusted, id).toBe(false);
      // The probes themselves work: only the trust step is missing.
      expect(h.hooks[0].forbidden.blocked, id).toBe(true);
      expect(h.why.join('\n'), id).toContain(h.trust.step);
    }
    mkdirSync(join(home, '.codex'), { recursive: true });
    writeFileSync(join(home, '.codex', 'config.toml'), `model = "x"\n\n[projects."${dir}"]\ntrust_level = "trusted"\n`);
    const projectOnly = host(doctor(dir, home).report, 'codex');
    expect(projectOnly.live).toBe(false);
    expect(projectOnly.trust.detail).toContain('hook not trusted yet');
    writeFileSync(join(home, '.codex', 'config.toml'), `[projects."${dir}"]\ntrust_level = "trusted"\n\n`
      + `[hooks.state."${dir}/.codex/hooks.json:pre_tool_use:0:0"]\ntrusted_hash = "sha256:0"\n`);
    mkdirSync(join(home, '.copilot'), { recursive: true });
    writeFileSync(join(home, '.copilot', 'config.json'), JSON.stringify({ trusted_folders: [dirname(dir)] }));
    mkdirSync(join(home, '.gemini'), { recursive: true });
    writeFileSync(join(home, '.gemini', 'trustedFolders.json'), JSON.stringify({ [dir]: 'TRUST_FOLDER' }));
    const after = doctor(dir, home);
    expect(after.report.hosts.map((h: any) => [h.host, h.live])).toEqual([['codex', true], ['gemini', true], ['copilot', true]]);
    expect(after.code).toBe(0);
    writeFileSync(join(home, '.gemini', 'trustedFolders.json'), JSON.stringify({ [dir]: 'DO_NOT_TRUST', [dirname(dir)]: 'TRUST_FOLDER' }));
    expect(host(doctor(dir, home, '--agent', 'gemini').report, 'gemini').trust.detail).toContain('DO_NOT_TRUST');
  });

  describe('with a server', () => {
    let sshd: Sshd;
    beforeAll(async () => { sshd = await startSshd(); });
    afterAll(async () => { await sshd?.stop(); });

    it('reaches it with the host key checked, and reads the reconciler', () => {
      const known = join(tempDir(), 'known_hosts');
      writeFileSync(known, sshd.knownHostsLine + '\n');
      const state = join(tempDir(), 'state.json');
      writeFileSync(state, JSON.stringify({ commit: 'a'.repeat(40), time: '2026-12-01T12:00:00Z', ok: true }));
      const config = { host: '127.0.0.1', port: sshd.port, user: 'root', sshConfig: null, identityFile: sshd.clientKey, stateFile: state, knownHosts: [known] };
      const { dir, home } = setup(['claude'], { 'gitops-guard.json': JSON.stringify(config) });
      mkdirSync(join(sshd.home, '.local', 'bin'), { recursive: true });
      writeFileSync(join(sshd.home, '.local', 'bin', 'gitops-guard-reconcile'), '#!/bin/sh\n');
      const ok = doctor(dir, home);
      expect(ok.report.server).toMatchObject({ ok: true });
      expect(ok.report.reconciler.detail).toContain('script at ~/.local/bin/gitops-guard-reconcile');
      expect(ok.report.reconciler.lastRun.commit).toBe('a'.repeat(40));
      expect(ok.code).toBe(0);

      writeFileSync(join(dir, 'gitops-guard.json'), JSON.stringify({ ...config, knownHosts: [join(tempDir(), 'empty')] }));
      const unknown = doctor(dir, home);
      expect(unknown.report.server.ok).toBe(false);
      expect(unknown.report.server.detail).toContain('is not known');
      expect(unknown.code).toBe(4);
    });
  });
});
