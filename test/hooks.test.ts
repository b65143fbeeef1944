// Every agent host's hook, through the built CLI as a child process, with recorded protocol
// fixtures (test/fixtures/hooks/<host>.json): allow, deny, ask, rewrite offered and applied, a tool
// that is not a shell, malformed input; and failures that must still block.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, project, SEED } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const HOSTS = ['claude', 'codex', 'cursor', 'gemini', 'copilot', 'windsurf', 'cline'] as const;
type Host = (typeof HOSTS)[number];

function fixture(host: Host, kind: 'shell' | 'other' | 'malformed', dir: string, command = ''): string {
  const all = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'hooks', `${host}.json`), 'utf8')) as Record<string, unknown>;
  // Recorded with /tmp as the project and COMMAND as the command: put this test's in, including
  // inside JSON carried as a string (Copilot's toolArgs).
  const fill = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (v.startsWith('{') && v.includes('COMMAND')) return JSON.stringify(fill(JSON.parse(v)));
      return v.replace('COMMAND', command).replace(/^\/tmp/, dir);
    }
    if (Array.isArray(v)) return v.map(fill);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return JSON.stringify(fill(all[kind]));
}

function hook(host: string, input: string, cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, 'hook', host], {
    cwd, input, encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', XDG_CACHE_HOME: join(cwd, '.cache'),
      XDG_CONFIG_HOME: join(cwd, '.user-config'), XDG_STATE_HOME: join(cwd, '.state'), ...env,
    },
  });
  const out = r.stdout.trim();
  return { exit: r.status, stdout: out, json: out ? JSON.parse(out) as Record<string, any> : undefined, stderr: r.stderr };
}

function projectWith(rewriteMode?: 'suggest' | 'ask' | 'apply'): string {
  return project({ 'gitops-guard.json': JSON.stringify({ ...SEED, ...(rewriteMode ? { rewriteMode } : {}) }) });
}

/** What each host must see: the decision in its own words. */
const expectAllow: Record<Host, (r: ReturnType<typeof hook>) => void> = {
  claude: (r) => { expect(r.exit).toBe(0); expect(r.stdout).toBe(''); },
  codex: (r) => { expect(r.exit).toBe(0); expect(r.stdout).toBe(''); },
  cursor: (r) => { expect(r.exit).toBe(0); expect(r.json).toEqual({ permission: 'allow' }); },
  gemini: (r) => { expect(r.exit).toBe(0); expect(r.json).toEqual({}); },
  copilot: (r) => { expect(r.exit).toBe(0); expect(r.stdout).toBe(''); },
  windsurf: (r) => { expect(r.exit).toBe(0); expect(r.stdout).toBe(''); },
  cline: (r) => { expect(r.exit).toBe(0); expect(r.json).toEqual({ cancel: false }); },
};

/** A deny (or, where the host cannot ask, an ask turned into a deny), with the reason containing `text`. */
const expectDeny: Record<Host, (r: ReturnType<typeof hook>, text: string) => void> = {
  claude: (r, t) => {
    expect(r.exit).toBe(0);
    expect(r.json!.hookSpecificOutput.hookEventName).toBe('PreToolUse');
    expect(r.json!.hookSpecificOutput.permissionDecision).toBe('deny');
    expect(r.json!.hookSpecificOutput.permissionDecisionReason).toContain(t);
  },
  codex: (r, t) => expectDeny.claude(r, t),
  cursor: (r, t) => {
    expect(r.exit).toBe(0);
    expect(r.json!.permission).toBe('deny');
    expect(r.json!.agent_message).toContain(t);
    expect(r.json!.user_message).toContain(t);
  },
  gemini: (r, t) => { expect(r.exit).toBe(0); expect(r.json!.decision).toBe('deny'); expect(r.json!.reason).toContain(t); },
  copilot: (r, t) => {
    expect(r.exit).toBe(0);
    expect(r.json!.permissionDecision).toBe('deny');
    expect(r.json!.permissionDecisionReason).toContain(t);
  },
  windsurf: (r, t) => { expect(r.exit).toBe(2); expect(r.stderr).toContain(t); },
  cline: (r, t) => { expect(r.exit).toBe(0); expect(r.json!.cancel).toBe(true); expect(r.json!.errorMessage).toContain(t); },
};

/** The host's block after a failure. */
const expectBlock: Record<Host, (r: ReturnType<typeof hook>, text: string) => void> = {
  claude: (r, t) => { expect(r.exit).toBe(2); expect(r.stderr).toContain(t); },
  codex: (r, t) => expectBlock.claude(r, t),
  cursor: (r, t) => { expect(r.exit).toBe(2); expect(r.json!.permission).toBe('deny'); expect(r.json!.agent_message).toContain(t); },
  gemini: (r, t) => expectBlock.claude(r, t),
  copilot: (r, t) => { expect(r.exit).toBe(2); expect(r.json!.permissionDecision).toBe('deny'); expect(r.json!.permissionDecisionReason).toContain(t); },
  windsurf: (r, t) => expectBlock.claude(r, t),
  cline: (r, t) => { expect(r.exit).toBe(2); expect(r.json!.cancel).toBe(true); expect(r.json!.errorMessage).toContain(t); },
};

const RESTART = 'git commit --allow-empty -m "deploy: restart gateway" && git push';

describe.each(HOSTS)('hook %s', (host) => {
  const dir = projectWith();

  it('allows a benign command (fast path) and a read-only ssh command (parser)', () => {
    expectAllow[host](hook(host, fixture(host, 'shell', dir, 'ls -la'), dir));
    expectAllow[host](hook(host, fixture(host, 'shell', dir, 'ssh ainetic.tech "docker ps"'), dir));
  });

  it('denies a hand-run restart, saying why and what to run instead', () => {
    const r = hook(host, fixture(host, 'shell', dir, 'docker compose restart gateway'), dir);
    expectDeny[host](r, `Run instead: ${RESTART}`);
    expectDeny[host](r, 'Git is the single source of truth');
    expectDeny[host](r, '[container-restart]');
  });

  it('asks where the host can, and denies where it cannot', () => {
    const r = hook(host, fixture(host, 'shell', dir, '$d restart web'), dir);
    if (host === 'claude') {
      expect(r.json!.hookSpecificOutput.permissionDecision).toBe('ask');
      expect(r.json!.hookSpecificOutput.permissionDecisionReason).toContain('needs a person');
    } else if (host === 'cursor') {
      expect(r.json!.permission).toBe('ask');
    } else {
      expectDeny[host](r, 'computed at run time');
    }
  });

  it('passes a tool that is not a shell untouched', () => {
    expectAllow[host](hook(host, fixture(host, 'other', dir), dir));
  });

  it('blocks malformed input and input that is not JSON, with a clear message', () => {
    expectBlock[host](hook(host, fixture(host, 'malformed', dir), dir), 'does not have the expected shape');
    expectBlock[host](hook(host, '{"tool_name": ', dir), 'not valid JSON');
    expectBlock[host](hook(host, '', dir), 'not valid JSON');
  });

  it('fails closed on a broken config (an internal failure)', () => {
    const broken = project({ 'gitops-guard.json': '{"host": 42}' });
    expectBlock[host](hook(host, fixture(host, 'shell', broken, 'ls -la'), broken), 'could not decide');
  });

  it('fails closed when it runs out of time', () => {
    const r = hook(host, fixture(host, 'shell', dir, 'ssh ainetic.tech "docker ps"'), dir, { GITOPS_GUARD_HOOK_TIMEOUT_MS: '1' });
    expectBlock[host](r, 'no decision within 1 ms');
  });
});

describe('stdin', () => {
  it('blocks in bounded time when the host never closes stdin', async () => {
    const dir = project({});
    const child = spawn(process.execPath, [BIN, 'hook', 'claude'], {
      cwd: dir, stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: dir, GITOPS_GUARD_HOOK_TIMEOUT_MS: '500' },
    });
    child.stdin.write('{"tool_name": "Bash", ');
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exit = await new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.stdin.destroy();
    expect(exit).toBe(2);
    expect(stderr).toContain('no decision within 500 ms');
  });

  it('reads input that arrives in pieces', async () => {
    const dir = project({});
    const child = spawn(process.execPath, [BIN, 'hook', 'claude'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: dir } });
    const input = JSON.stringify({ session_id: 's', transcript_path: '/tmp/t', cwd: dir, hook_event_name: 'PreToolUse', tool_name: 'Bash',
      tool_input: { command: 'docker compose restart gateway' } });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stdin.write(input.slice(0, 40));
    await new Promise((r) => setTimeout(r, 150));
    child.stdin.end(input.slice(40));
    const exit = await new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    expect(exit).toBe(0);
    expect(JSON.parse(stdout).hookSpecificOutput.permissionDecision).toBe('deny');
  });
});

describe('stdout', () => {
  it('an answer the host can no longer read blocks: Claude Code\'s deny is JSON on stdout with exit 0, so a closed stdout exits 2', async () => {
    const dir = project({ 'gitops-guard.json': JSON.stringify(SEED) });
    const run = async (command: string): Promise<number | null> => {
      const child = spawn(process.execPath, [BIN, 'hook', 'claude'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: dir } });
      child.stdout.destroy(); // the reading end is gone before the answer is written
      child.stdin.end(JSON.stringify({ session_id: 's', transcript_path: '/tmp/t', cwd: dir, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } }));
      return new Promise((done) => child.on('exit', (code) => done(code)));
    };
    expect(await run('docker compose restart gateway')).toBe(2);
    // An allow writes nothing, so nothing is lost.
    expect(await run('ls -la')).toBe(0);
  });
});

describe('rewrite modes', () => {
  it('ask: offers the rewrite as the updated input where the host runs it (Claude)', () => {
    const dir = projectWith('ask');
    const r = hook('claude', fixture('claude', 'shell', dir, 'docker ps'), dir);
    const out = r.json!.hookSpecificOutput;
    expect(out.permissionDecision).toBe('ask');
    expect(out.updatedInput).toEqual({ command: 'ssh ainetic.tech "docker ps"', description: 'Run it' });
    const cursor = hook('cursor', fixture('cursor', 'shell', dir, 'docker ps'), dir);
    expect(cursor.json!.permission).toBe('ask');
    expectDeny.gemini(hook('gemini', fixture('gemini', 'shell', dir, 'docker ps'), dir), 'ssh ainetic.tech "docker ps"');
  });

  it('apply: runs a read-only rewrite in place (Claude, Gemini), never a mutation', () => {
    const dir = projectWith('apply');
    // rewriteMode apply loosens the policy: until a person trusts the config, hooks only suggest.
    expectDeny.claude(hook('claude', fixture('claude', 'shell', dir, 'docker logs -f web'), dir), 'gitops-guard trust');
    const trusted = spawnSync(process.execPath, [BIN, 'trust', '--yes'], {
      cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', XDG_CONFIG_HOME: join(dir, '.user-config'), XDG_STATE_HOME: join(dir, '.state') },
    });
    expect(trusted.status, trusted.stderr).toBe(0);
    const r = hook('claude', fixture('claude', 'shell', dir, 'docker logs -f web'), dir);
    expect(r.json!.hookSpecificOutput.permissionDecision).toBe('allow');
    expect(r.json!.hookSpecificOutput.updatedInput.command).toBe('ssh ainetic.tech "docker logs -f web"');
    const g = hook('gemini', fixture('gemini', 'shell', dir, 'docker compose ps'), dir);
    expect(g.json).toMatchObject({
      decision: 'allow',
      hookSpecificOutput: { tool_input: { command: 'ssh ainetic.tech "cd /root/projects/CodeFoundry/server && docker compose ps"' } },
    });
    // A mutation is never applied, whatever the mode.
    expectDeny.claude(hook('claude', fixture('claude', 'shell', dir, 'docker compose restart gateway'), dir), RESTART);
    // Hosts that cannot run a replacement get the suggestion.
    expectDeny.codex(hook('codex', fixture('codex', 'shell', dir, 'docker ps'), dir), 'ssh ainetic.tech "docker ps"');
  });

  it('suggest (default): denies with the runnable command in the reason', () => {
    const dir = projectWith();
    expectDeny.claude(hook('claude', fixture('claude', 'shell', dir, 'docker ps'), dir), 'Run instead: ssh ainetic.tech "docker ps"');
  });
});

describe('hook command line', () => {
  it('blocks (exit 2) when the host name is wrong, since other exit codes let commands run', () => {
    const dir = projectWith();
    const r = hook('claud', fixture('claude', 'shell', dir, 'docker ps'), dir);
    expect(r.exit).toBe(2);
    expect(r.stderr).toContain('unknown host "claud"');
  });
  it('takes Codex commands given as argv', () => {
    const dir = projectWith();
    const input = JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', cwd: dir, tool_input: { command: ['docker', 'restart', 'web'] } });
    expectDeny.codex(hook('codex', input, dir), '[container-restart]');
  });
  it('judges a script in the directory the host says the command runs in', () => {
    const dir = project({ 'gitops-guard.json': JSON.stringify(SEED), 'ops/deploy.sh': 'docker compose up -d\n' });
    const input = JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', cwd: join(dir, 'ops'), tool_input: { command: './deploy.sh' } });
    expectDeny.claude(hook('claude', input, dir), '[container-apply]');
  });
  it('refuses input over 4 MiB', () => {
    const dir = projectWith();
    const big = JSON.stringify({ tool_name: 'Bash', tool_input: { command: 'x'.repeat(5 * 1024 * 1024) } });
    writeFileSync(join(dir, 'big.json'), big);
    expectBlock.claude(hook('claude', big, dir), 'larger than 4 MiB');
  });
});
