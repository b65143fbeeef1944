// The policy through the public API where a case file cannot say it: finding ranges and splicing,
// placeholders for missing config, protected branches from config, scripts read from disk. The
// examples of POLICY.md themselves are in test/cases/policy.cases.yaml and the rules' own examples.
import { beforeAll, describe, expect, it } from 'vitest';
import { classify, type Guard } from '../src/index.js';
import { project, SEED, seed } from './helpers.js';

let guard: Guard;
beforeAll(async () => {
  guard = await seed();
});

const RESTART_WEB = 'git commit --allow-empty -m "deploy: restart web" && git push';

describe('rewrites are spliced into compound commands at the offending part', () => {

  it('gives each finding its source range and offending text', () => {
    const input = 'echo hi && docker restart web; ls';
    const v = guard.classify(input);
    const f = v.findings.find((x) => x.ruleId === 'container-restart')!;
    expect([f.start, f.end]).toEqual([11, 29]);
    expect(input.slice(f.start, f.end)).toBe('docker restart web');
    expect(f.text).toBe('docker restart web');
    expect(f.target).toBe('local');
    expect(f.rewrite).toBe(RESTART_WEB);
  });

  it('maps ranges back through joined line continuations', () => {
    const input = 'echo a \\\n  b && doc\\\nker restart web';
    const f = guard.classify(input).findings.find((x) => x.ruleId === 'container-restart')!;
    expect(input.slice(f.start, f.end)).toBe('doc\\\nker restart web');
  });
});

describe('missing config values give placeholders and no rewrite', () => {
  it('has no host: suggestion with <host>, no rewrite', async () => {
    const v = await classify('docker ps', { config: {}, cwd: project() });
    expect(v.decision).toBe('deny');
    expect(v.rewrite).toBeUndefined();
    expect(v.findings[0]!.suggestion).toBe('ssh <host> "docker ps"');
    expect(v.reason).toContain('ssh <host> "docker ps"');
  });
  it('restart needs no config value', async () => {
    const v = await classify('docker restart web', { config: {}, cwd: project() });
    expect(v.rewrite).toBe(RESTART_WEB);
  });
  it('uses the configured commit prefix', async () => {
    const v = await classify('docker restart web', { config: { commitPrefix: 'ops: ' }, cwd: project() });
    expect(v.rewrite).toBe('git commit --allow-empty -m "ops: restart web" && git push');
  });
  it('quotes configured values that need it', async () => {
    const v = await classify('docker compose ps', {
      config: { host: 'prod', remotePath: '/srv/my app', composeFiles: ['compose.yaml'] },
      cwd: project(),
    });
    expect(v.rewrite).toBe(`ssh prod 'cd "/srv/my app" && docker compose ps'`);
  });
});

describe("ssh: OpenSSH's option grammar", () => {

  it('names the host as the finding target', () => {
    const f = guard.classify('ssh -p 2222 deploy@ainetic.tech "docker restart web"').findings[0]!;
    expect(f.target).toBe('ainetic.tech');
    expect(f.via).toEqual(['ssh ainetic.tech']);
  });
});

describe('scripts fed to ssh on stdin', () => {

  it('reads a local script given with < file', async () => {
    const dir = project({ 'remote.sh': 'docker compose pull\n', 'look.sh': 'docker ps\ndf -h\n' });
    const g = await (await import('../src/index.js')).createGuard({ config: SEED, cwd: dir });
    expect(g.classify('ssh ainetic.tech bash -s < remote.sh').decision).toBe('deny');
    expect(g.classify('ssh ainetic.tech bash -s < look.sh').decision).toBe('allow');
    expect(g.classify('ssh ainetic.tech < look.sh').decision).toBe('allow');
  });
});

describe('git: the source of truth is append-only', () => {

  it('says how to roll back', () => {
    const v = guard.classify('git push --force origin main');
    expect(v.reason).toContain('git revert <sha>');
    expect(v.findings[0]!.ruleId).toBe('git-force-push');
  });

  it('protects the configured branches', async () => {
    const cwd = project();
    expect((await classify('git push -f origin prod', { config: { branch: 'prod' }, cwd })).decision).toBe('deny');
    expect((await classify('git push -f origin main', { config: { branch: 'prod' }, cwd })).decision).toBe('allow');
    const both = { protectedBranches: ['main', 'release'] };
    expect((await classify('git push -f origin release', { config: both, cwd })).decision).toBe('deny');
  });
});

