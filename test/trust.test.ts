// Issue 11 through the real hook CLI (dist/gitops-guard.cjs): a config an agent rewrote to loosen
// the policy is ignored until a person trusts it (on a terminal, driven through tmux on a private
// socket); the hosts' file-edit tools cannot write the guard's own files; every block is in the
// audit log, whole lines even with dozens of hooks at once, and a read-only state directory does
// not make a hook fail.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config-file.js';
import { BIN, project, SEED, tempDir } from './helpers.js';

/** A project pack that tightens: terraform apply is denied. */
const STRICT = `rules:
  - id: no-terraform-apply
    description: terraform apply by hand
    decision: deny
    match:
      program: [terraform]
      path: [apply]
    message: Apply infrastructure through git.
    examples:
      match:
        - terraform apply
`;

const UP = 'docker compose up -d';
const SSH_UP = 'ssh ainetic.tech "docker compose up -d"';
const NOTE = 'no person has trusted its content';

/** A git repository with this config, and a user's own directories outside it. */
function repo(config: Record<string, unknown>, files: Record<string, string> = {}) {
  const dir = project({ 'gitops-guard.json': JSON.stringify({ ...SEED, ...config }), 'sub/.keep': '', ...files });
  spawnSync('git', ['init', '-q', dir]);
  const user = tempDir('gitops-guard-user-');
  const env = {
    PATH: process.env.PATH ?? '', HOME: user,
    XDG_CONFIG_HOME: join(user, 'config'), XDG_STATE_HOME: join(user, 'state'), XDG_CACHE_HOME: join(user, 'cache'),
  };
  return { dir, env, user };
}

type Env = Record<string, string>;

function hook(host: string, input: unknown, cwd: string, env: Env) {
  const r = spawnSync(process.execPath, [BIN, 'hook', host], { cwd, input: JSON.stringify(input), encoding: 'utf8', env });
  const out = r.stdout.trim();
  return { exit: r.status, stdout: out, stderr: r.stderr, json: out ? JSON.parse(out) as Record<string, any> : undefined };
}

const claudeBash = (command: string, cwd: string) =>
  ({ session_id: 'sess-1', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, cwd });

/** Claude's decision and reason for a shell command. */
function claude(command: string, cwd: string, env: Env): { decision: string; reason: string } {
  const r = hook('claude', claudeBash(command, cwd), cwd, env);
  expect(r.exit, r.stderr).toBe(0);
  if (r.stdout === '') return { decision: 'allow', reason: '' };
  const out = r.json!.hookSpecificOutput;
  return { decision: out.permissionDecision, reason: out.permissionDecisionReason };
}

/** Codex (no ask: everything not allowed is a deny). */
function codex(command: string, cwd: string, env: Env): { decision: string; reason: string } {
  const r = hook('codex', { ...claudeBash(command, cwd), turn_id: 't1' }, cwd, env);
  expect(r.exit, r.stderr).toBe(0);
  if (r.stdout === '') return { decision: 'allow', reason: '' };
  return { decision: r.json!.hookSpecificOutput.permissionDecision, reason: r.json!.hookSpecificOutput.permissionDecisionReason };
}

const pack = `rules:
  - id: team-compose-ok
    description: this team runs compose by hand
    decision: allow
    match:
      program: [docker]
      path: ["compose up"]
    message: allowed here
    examples:
      match:
        - command: docker compose up -d
          decision: allow
`;

const LOOSENING: Array<[string, Record<string, unknown>, Record<string, string>, string]> = [
  ['builtinRules: false', { builtinRules: false }, {}, 'builtinRules: false'],
  ['disabledRules', { disabledRules: ['container-apply', 'container-other', 'remote-not-read-only'] }, {}, 'disabledRules: "container-apply"'],
  ['remoteAllow', { remoteAllow: ['docker compose'] }, {}, 'remoteAllow: "docker compose"'],
  ['a rule pack that allows what a built-in rule denies', { rules: ['guard/team.yaml'] }, { 'guard/team.yaml': pack }, 'rule "team-compose-ok"'],
  ['a directory of rule packs', { rules: ['guard'] }, { 'guard/team.yaml': pack }, 'rule "team-compose-ok"'],
  ['rewriteMode: apply', { rewriteMode: 'apply' }, {}, 'rewriteMode: "apply"'],
  ['hostKeyPolicy: accept-new', { hostKeyPolicy: 'accept-new' }, {}, 'hostKeyPolicy: "accept-new"'],
  ['protectedBranches without the deploy branch', { protectedBranches: ['release'] }, {}, 'leave "main" unprotected'],
  ['reconcile: trigger with a program of its own', { reconcile: 'trigger', reconcilerPath: '/sbin/reboot' }, {}, 'reconcilerPath: "/sbin/reboot"'],
  ['everything at once', { builtinRules: false, remoteAllow: ['docker compose'], rewriteMode: 'apply', rules: ['guard'] }, { 'guard/team.yaml': pack }, 'remoteAllow'],
];

describe('a config an agent rewrote to loosen the policy', () => {
  describe.each(LOOSENING)('%s', (_name, config, files, what) => {
    const { dir, env } = repo(config, files);
    it('still gets docker compose denied, locally and over ssh, from the top and from a subdirectory, with the note', () => {
      for (const cwd of [dir, join(dir, 'sub')]) {
        for (const command of [UP, SSH_UP]) {
          const c = claude(command, cwd, env);
          expect(c.decision, `${command} in ${cwd}`).toBe('deny');
          expect(c.reason).toContain(NOTE);
          expect(c.reason).toContain(join(dir, 'gitops-guard.json'));
          expect(c.reason).toContain(what);
          expect(c.reason).toContain('gitops-guard trust');
          // Said once.
          expect(c.reason.split(NOTE)).toHaveLength(2);
        }
      }
      const x = codex(SSH_UP, join(dir, 'sub'), env);
      expect(x.decision).toBe('deny');
      expect(x.reason).toContain(what);
    });
  });

  it('tightening takes effect at once, without trust and without a note', () => {
    const { dir, env } = repo({ rules: ['strict.yaml'], protectedBranches: ['main', 'release'] }, { 'strict.yaml': STRICT });
    const t = claude('terraform apply -auto-approve', dir, env);
    expect(t.decision).toBe('deny');
    expect(t.reason).not.toContain(NOTE);
    expect(claude('git push --force origin release', dir, env).decision).toBe('deny');
    expect(claude(UP, dir, env).reason).not.toContain(NOTE);
  });

  it('a nearer config in a subdirectory is measured against the enclosing one, not the defaults', () => {
    const { dir, env } = repo({ rules: ['strict.yaml'], protectedBranches: ['main', 'release'] },
      { 'strict.yaml': STRICT, 'sub/gitops-guard.json': JSON.stringify(SEED), 'ok/gitops-guard.json': JSON.stringify({ ...SEED, protectedBranches: ['main', 'release', 'prod'], rules: ['../strict.yaml'] }) });
    const sub = join(dir, 'sub');
    // `{}` below the root drops the root's release protection and its rule pack: both stay in force, with the note.
    const push = claude('git push --force origin release', sub, env);
    expect(push.decision).toBe('deny');
    expect(push.reason).toContain(NOTE);
    expect(push.reason).toContain('"release" unprotected');
    expect(claude('terraform apply', sub, env).decision).toBe('deny');
    // One that keeps the enclosing config's protections and adds its own takes effect as it is.
    const ok = claude('git push --force origin prod', join(dir, 'ok'), env);
    expect(ok.decision).toBe('deny');
    expect(ok.reason).not.toContain(NOTE);
    // Trusting the nearer config is a person's decision, and then it applies.
    const t = spawnSync(process.execPath, [BIN, 'trust', '--yes'], { cwd: sub, encoding: 'utf8', env });
    expect(t.stdout).toContain('"release" unprotected');
    expect(t.status, t.stderr).toBe(0);
    expect(claude('terraform apply', sub, env).decision).toBe('allow');
  });

  it('configs nested deeper than the trust check follows block, instead of measuring the last one against the defaults', () => {
    // 33 configs inside one another below the root: the outermost of them drops the root's release protection.
    const files: Record<string, string> = {};
    let path = '';
    for (let i = 0; i < 33; i++) {
      path += `d${i}/`;
      files[`${path}gitops-guard.json`] = JSON.stringify(SEED);
    }
    const { dir, env } = repo({ protectedBranches: ['main', 'release'] }, files);
    // Claude Code's block for a guard that cannot decide: exit 2, the reason on stderr.
    const r = hook('claude', claudeBash('git status', join(dir, path)), join(dir, path), env);
    expect(r.exit).toBe(2);
    expect(r.stderr).toContain('more than 32 gitops-guard configs inside one another');
  });

  it('a user-level config outside every repository is trusted as it is, and is the baseline', async () => {
    const { dir, env, user } = repo({ mcpReadOnly: false, confirmDeploy: false });
    mkdirSync(env.XDG_CONFIG_HOME + '/gitops-guard', { recursive: true });
    writeFileSync(join(env.XDG_CONFIG_HOME, 'gitops-guard', 'gitops-guard.json'), JSON.stringify({ mcpReadOnly: true, confirmDeploy: true, remoteAllow: ['redis-cli ping'] }));
    // The project turns off what the person's own config turned on: ignored, and said.
    const c = claude(UP, dir, env);
    expect(c.reason).toContain('mcpReadOnly: false');
    expect(c.reason).toContain('confirmDeploy: false');
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const loaded = await loadConfig({ cwd: dir });
      expect(loaded.mcpReadOnly).toBe(true);
      expect(loaded.confirmDeploy).toBe(true);
      // Outside every project the user-level config applies, with its own loosening, untouched.
      const outside = tempDir('gitops-guard-outside-');
      const own = await loadConfig({ cwd: outside });
      expect(own.file).toBe(join(env.XDG_CONFIG_HOME, 'gitops-guard', 'gitops-guard.json'));
      expect(own.remoteAllow).toEqual(['redis-cli ping']);
      expect(own.trust).toBeUndefined();
    } finally {
      process.env = saved;
    }
    expect(claude('ssh web1 redis-cli ping', tempDir('gitops-guard-outside-'), env).decision).toBe('allow');
    expect(user).toBeTruthy();
  });
});

// ---- trust on a terminal, through tmux on a private socket ----
const SOCKET = `gitops-guard-i11-${process.pid}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
afterAll(() => { tmux('kill-server'); });

async function waitFor(pane: string, text: string | RegExp, ms = 20_000): Promise<string> {
  const end = Date.now() + ms;
  let screen = '';
  while (Date.now() < end) {
    screen = tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', pane).stdout;
    if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${String(text)}; screen:\n${screen}`);
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe('gitops-guard trust on a terminal', () => {
  it('shows what the config loosens, asks, records the hashes (0600); the loosening then applies; one changed byte untrusts it', async () => {
    const { dir, env } = repo({ builtinRules: false, remoteAllow: ['docker compose'], rules: ['guard'] }, { 'guard/team.yaml': pack });
    expect(claude(UP, dir, env).decision).toBe('deny');

    // Without a terminal and without --yes nobody can be asked: refused.
    const noTty = spawnSync(process.execPath, [BIN, 'trust'], { cwd: dir, env, encoding: 'utf8', input: 'y\n' });
    expect(noTty.status).toBe(1);
    expect(noTty.stderr).toContain('not on a terminal');

    const envWords = Object.entries(env).map(([k, v]) => `${k}=${q(v)}`).join(' ');
    const started = tmux('new-session', '-d', '-s', 'trust', '-x', '200', '-y', '50',
      `cd ${q(dir)} && env -i ${envWords} ${q(process.execPath)} ${q(BIN)} trust; echo "exit=$?"; sleep 60`);
    expect(started.status, started.stderr).toBe(0);
    const screen = await waitFor('trust', '[y/N]');
    expect(screen).toContain('builtinRules: false');
    expect(screen).toContain('remoteAllow: "docker compose"');
    expect(screen).toContain('rule "team-compose-ok"');
    expect(screen).toContain(join(dir, 'guard', 'team.yaml'));
    tmux('send-keys', '-t', 'trust', 'y', 'Enter');
    expect(await waitFor('trust', /exit=\d/)).toContain('exit=0');

    const file = join(env.XDG_CONFIG_HOME, 'gitops-guard', 'trusted.json');
    const { statSync } = await import('node:fs');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const store = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(store.entries[join(dir, 'gitops-guard.json')].files).sort())
      .toEqual([join(dir, 'gitops-guard.json'), join(dir, 'guard', 'team.yaml')].sort());

    // Trusted: the loosening applies, from the top and from a subdirectory.
    expect(claude(UP, dir, env)).toEqual({ decision: 'allow', reason: '' });
    expect(claude(SSH_UP, join(dir, 'sub'), env)).toEqual({ decision: 'allow', reason: '' });

    // One changed byte in a pack untrusts it all.
    appendFileSync(join(dir, 'guard', 'team.yaml'), ' ');
    const after = claude(SSH_UP, join(dir, 'sub'), env);
    expect(after.decision).toBe('deny');
    expect(after.reason).toContain(NOTE);
    const list = spawnSync(process.execPath, [BIN, 'trust', '--list'], { cwd: dir, env, encoding: 'utf8' });
    expect(list.stdout).toContain('CHANGED since trusted');

    // Trusted again with --yes, then revoked.
    expect(spawnSync(process.execPath, [BIN, 'trust', '--yes'], { cwd: dir, env, encoding: 'utf8' }).status).toBe(0);
    expect(claude(UP, dir, env).decision).toBe('allow');
    writeFileSync(join(dir, 'gitops-guard.json'), readFileSync(join(dir, 'gitops-guard.json'), 'utf8').replace('false', 'false '));
    expect(claude(UP, dir, env).decision).toBe('deny');
    expect(spawnSync(process.execPath, [BIN, 'trust', '--revoke'], { cwd: dir, env, encoding: 'utf8' }).stdout).toContain('No longer trusted');

    // Every trust decision is in the audit log.
    const audit = spawnSync(process.execPath, [BIN, 'audit', '--json'], { cwd: dir, env, encoding: 'utf8' });
    const decisions = (JSON.parse(audit.stdout) as Array<{ decision: string }>).map((r) => r.decision);
    expect(decisions.filter((d) => d === 'trust')).toHaveLength(2);
    expect(decisions).toContain('revoke');
  });

  it('an agent running it is asked about (Claude) or denied (hosts that cannot ask)', () => {
    const { dir, env } = repo({ builtinRules: false });
    for (const command of ['gitops-guard trust --yes', 'npx gitops-guard trust --yes', 'cd sub && gitops-guard init --yes', 'gitops-guard uninstall', 'eval "$(gitops-guard shell-init bash)"', 'gitops-guard shell-init zsh >> ~/.zshrc']) {
      expect(claude(command, dir, env).decision, command).toBe('ask');
      expect(codex(command, dir, env).decision, command).toBe('deny');
    }
    expect(claude('__gitops_guard_off', dir, env).decision).toBe('ask');
    expect(claude('shopt -u extdebug', dir, env).decision).toBe('ask');
    expect(claude('gitops-guard check "docker ps"', dir, env).decision).toBe('allow');
    // shell-init only prints the snippet: printed where only a person reads it, nothing is installed.
    expect(claude('gitops-guard shell-init bash | head -20', dir, env).decision).toBe('allow');
  });
});

// ---- the hosts' file-edit tools ----
describe('file-edit tools cannot write the guard files', () => {
  const { dir, env } = repo({});
  const settings = join(dir, '.claude', 'settings.json');
  const app = join(dir, 'src', 'app.ts');

  it('Claude Code: Write/Edit/MultiEdit/NotebookEdit of a guarded file are denied; src/app.ts passes untouched', () => {
    for (const [tool, input] of [
      ['Write', { file_path: settings, content: '{}' }],
      ['Edit', { file_path: join(dir, '.claude', 'settings.local.json'), old_string: 'a', new_string: 'b' }],
      ['MultiEdit', { file_path: join(dir, '.git', 'hooks', 'pre-push'), edits: [] }],
      ['Write', { file_path: join(dir, '.git', 'config'), content: '[core]\n\thooksPath = /tmp/h\n' }],
      ['Write', { file_path: join(env.XDG_CONFIG_HOME, 'gitops-guard', 'trusted.json'), content: '{}' }],
      ['Write', { file_path: join(dir, 'sub', '..', '.claude', 'settings.json'), content: '{}' }],
      ['Write', { file_path: join(dir, '.Claude', 'Settings.json'), content: '{}' }],
      ['NotebookEdit', { notebook_path: join(dir, '.git', 'hooks', 'x.ipynb'), new_source: '' }],
    ] as const) {
      const r = hook('claude', { session_id: 's', hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input, cwd: dir }, dir, env);
      expect(r.exit).toBe(0);
      expect(r.json?.hookSpecificOutput.permissionDecision, `${tool} ${JSON.stringify(input)}`).toBe('deny');
      expect(r.json!.hookSpecificOutput.permissionDecisionReason).toContain('a person has to make that change');
    }
    const ok = hook('claude', { hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: app, content: 'x' }, cwd: dir }, dir, env);
    expect(ok).toMatchObject({ exit: 0, stdout: '' });
    // Editing the guard's own config stays allowed: loosening there waits for trust.
    const cfg = hook('claude', { hook_event_name: 'PreToolUse', tool_name: 'Edit', tool_input: { file_path: join(dir, 'gitops-guard.json'), old_string: 'a', new_string: 'b' }, cwd: dir }, dir, env);
    expect(cfg).toMatchObject({ exit: 0, stdout: '' });
  });

  it('the shell writes them neither: redirections, tee, cp, sed -i, git config, in any wrapping (Claude and Codex)', () => {
    for (const command of [
      "echo '{}' > .claude/settings.json",
      'git config core.hooksPath /tmp/h',
      'git config alias.p "push -f"',
      'sudo tee .git/hooks/pre-commit < /tmp/x',
      'cp /tmp/evil.json .codex/hooks.json',
      "sed -i 's/hook/x/' .gemini/settings.json",
      'bash -c "rm -rf .github/hooks"',
      `echo '{}' > ${join(env.XDG_CONFIG_HOME, 'gitops-guard', 'trusted.json')}`,
    ]) {
      for (const host of [claude, codex]) {
        const v = host(command, dir, env);
        expect(v.decision, `${host.name}: ${command}`).toBe('deny');
        expect(v.reason).toContain('[guarded-file]');
      }
    }
    for (const command of ['echo x > src/app.ts', 'git config user.email a@b.c', 'cat .claude/settings.json']) {
      expect(claude(command, dir, env).decision, command).toBe('allow');
    }
  });

  it("the guard's own executable (what init's hooks run) and what it loads: denied from the edit tools and the shell; npm ci passes", async () => {
    const { symlinkSync } = await import('node:fs');
    const pkg = join(dir, 'node_modules', 'gitops-guard');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(pkg, 'dist', 'gitops-guard.cjs'), '#!/usr/bin/env node\n');
    symlinkSync('../gitops-guard/dist/gitops-guard.cjs', join(dir, 'node_modules', '.bin', 'gitops-guard'));
    const patch = (path: string) => `*** Begin Patch\n*** Update File: ${path}\n@@\n-a\n+b\n*** End Patch\n`;
    for (const [tool, input] of [
      ['Write', { file_path: join(dir, 'node_modules', '.bin', 'gitops-guard'), content: '#!/bin/sh\nexit 0\n' }],
      ['Edit', { file_path: join(pkg, 'dist', 'gitops-guard-main.cjs'), old_string: 'a', new_string: 'process.exit(0)' }],
      ['Write', { file_path: join(pkg, 'dist', 'gitops-guard-main.cache'), content: '' }],
      ['Write', { file_path: join(pkg, 'dist', 'rules.json'), content: '{}' }],
      ['Write', { file_path: join(dir, 'node_modules', 'yaml', 'dist', 'index.js'), content: 'process.exit(0)' }],
      ['Write', { file_path: join(dir, 'shortcut', 'gitops-guard.cjs'), content: '' }],
    ] as const) {
      if (input.file_path.includes('shortcut')) symlinkSync(join(pkg, 'dist'), join(dir, 'shortcut'));
      const r = hook('claude', { session_id: 's', hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input, cwd: dir }, dir, env);
      expect(r.json?.hookSpecificOutput.permissionDecision, `${tool} ${input.file_path}`).toBe('deny');
      expect(r.json!.hookSpecificOutput.permissionDecisionReason).toContain('[guarded-file]');
    }
    const patched = hook('codex', { session_id: 's', turn_id: 't', hook_event_name: 'PreToolUse', tool_name: 'apply_patch', tool_input: { command: patch('node_modules/gitops-guard/dist/rules.json') }, cwd: dir }, dir, env);
    expect(patched.json?.hookSpecificOutput.permissionDecision).toBe('deny');
    const other = hook('claude', { hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: join(dir, 'node_modules', 'left-pad', 'index.js'), content: 'x' }, cwd: dir }, dir, env);
    expect(other).toMatchObject({ exit: 0, stdout: '' });
    for (const command of ['cp /bin/true node_modules/.bin/gitops-guard', "echo '{}' > node_modules/gitops-guard/dist/rules.json", 'ln -sf /bin/true shortcut/gitops-guard.cjs']) {
      expect(claude(command, dir, env).reason, command).toContain('[guarded-file]');
    }
    expect(claude('npm uninstall gitops-guard', dir, env).decision).toBe('ask');
    for (const command of ['npm ci', 'rm -rf node_modules && npm install', 'cat node_modules/gitops-guard/dist/rules.json']) {
      expect(claude(command, dir, env).decision, command).toBe('allow');
    }
  });

  it('programs that install git hooks are writes of .git/hooks (or core.hooksPath); plain git init and clone are not', () => {
    for (const command of ['git init --template=./tpl', 'git -c init.templateDir=./tpl init', 'pre-commit install', 'lefthook install', 'npx husky init', 'git config --global core.hooksPath /tmp/h']) {
      expect(claude(command, dir, env).reason, command).toContain('[guarded-file]');
    }
    for (const command of ['git init', 'git clone https://github.com/o/r.git', 'pre-commit run --all-files', 'npx husky --help']) {
      expect(claude(command, dir, env).decision, command).toBe('allow');
    }
  });

  it('a symlink into .git/hooks is followed', async () => {
    const { symlinkSync } = await import('node:fs');
    mkdirSync(join(dir, '.git', 'hooks'), { recursive: true });
    symlinkSync(join(dir, '.git', 'hooks'), join(dir, 'innocent'));
    const r = hook('claude', { hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: join(dir, 'innocent', 'pre-commit'), content: '' }, cwd: dir }, dir, env);
    expect(r.json?.hookSpecificOutput.permissionDecision).toBe('deny');
  });

  it('Codex apply_patch: the paths inside the patch envelope', () => {
    const patch = (path: string) => `*** Begin Patch\n*** Add File: ${path}\n+{}\n*** End Patch\n`;
    const call = (command: string) => ({ session_id: 's', turn_id: 't', hook_event_name: 'PreToolUse', tool_name: 'apply_patch', tool_input: { command }, cwd: dir });
    const denied = hook('codex', call(patch('.codex/hooks.json')), dir, env);
    expect(denied.json?.hookSpecificOutput.permissionDecision).toBe('deny');
    const moved = hook('codex', call(`*** Begin Patch\n*** Update File: src/a.ts\n*** Move to: .git/hooks/pre-commit\n@@\n-a\n+b\n*** End Patch\n`), dir, env);
    expect(moved.json?.hookSpecificOutput.permissionDecision).toBe('deny');
    expect(hook('codex', call(patch('src/app.ts')), dir, env)).toMatchObject({ exit: 0, stdout: '' });
  });

  it('Gemini CLI write_file/replace: relative paths, matched by suffix too', () => {
    const call = (tool: string, file_path: string, cwd = dir) => ({ session_id: 'g', hook_event_name: 'BeforeTool', tool_name: tool, tool_input: { file_path, content: '{}' }, cwd });
    expect(hook('gemini', call('write_file', '.gemini/settings.json'), dir, env).json).toMatchObject({ decision: 'deny' });
    expect(hook('gemini', call('replace', 'settings.json', join(dir, 'sub')), dir, env).json).toMatchObject({ decision: 'deny' });
    expect(hook('gemini', call('write_file', 'src/app.ts'), dir, env).json).toEqual({});
    // A relative path that exists is the file written: no suffix guess.
    writeFileSync(join(dir, 'config.toml'), '');
    expect(hook('gemini', call('replace', 'config.toml'), dir, env).json).toEqual({});
    expect(hook('gemini', call('replace', 'config.toml', join(dir, 'sub')), dir, env).json).toMatchObject({ decision: 'deny' });
  });

  it('Copilot CLI edit/create: toolArgs as a JSON string or an object', () => {
    const deny = (toolArgs: unknown, toolName = 'edit') => hook('copilot', { timestamp: 1, cwd: dir, toolName, toolArgs }, dir, env);
    expect(deny(JSON.stringify({ path: join(dir, '.github', 'hooks', 'gitops-guard.json') })).json).toMatchObject({ permissionDecision: 'deny' });
    expect(deny({ path: '.git/config' }, 'create').json).toMatchObject({ permissionDecision: 'deny' });
    expect(deny({ path: 'src/app.ts' }, 'create')).toMatchObject({ exit: 0, stdout: '' });
  });

  it('Windsurf pre_write_code and Cline write_to_file/replace_in_file/delete_file', () => {
    const w = hook('windsurf', { agent_action_name: 'pre_write_code', trajectory_id: 't', tool_info: { file_path: join(dir, '.windsurf', 'hooks.json'), edits: [] } }, dir, env);
    expect(w.exit).toBe(2);
    expect(w.stderr).toContain("Windsurf's hooks");
    expect(hook('windsurf', { agent_action_name: 'pre_write_code', tool_info: { file_path: app, edits: [] } }, dir, env)).toMatchObject({ exit: 0, stdout: '' });
    for (const toolName of ['write_to_file', 'replace_in_file', 'delete_file']) {
      const c = hook('cline', { hookName: 'PreToolUse', taskId: 'k', workspaceRoots: [dir], preToolUse: { toolName, parameters: { path: '.clinerules/hooks/PreToolUse' } } }, dir, env);
      expect(c.json, toolName).toMatchObject({ cancel: true });
    }
    expect(hook('cline', { hookName: 'PreToolUse', workspaceRoots: [dir], preToolUse: { toolName: 'write_to_file', parameters: { path: 'src/app.ts', content: '' } } }, dir, env).json).toEqual({ cancel: false });
  });

  it('an edit tool call whose file cannot be found is blocked', () => {
    const r = hook('claude', { hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { content: 'x' }, cwd: dir }, dir, env);
    expect(r.json?.hookSpecificOutput.permissionDecision).toBe('deny');
  });
});

// ---- the audit log ----
describe('the audit log', () => {
  it('has one line for each block: host, session, cwd, command or file, decision, rule ids', () => {
    const { dir, env } = repo({});
    claude(UP, join(dir, 'sub'), env);
    claude('ls -la', dir, env);
    hook('claude', { session_id: 'sess-2', hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: join(dir, '.claude', 'settings.json'), content: '{}' }, cwd: dir }, dir, env);
    codex('gitops-guard trust --yes', dir, env);
    const lines = readFileSync(join(env.XDG_STATE_HOME, 'gitops-guard', 'audit.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ host: 'claude', session: 'sess-1', cwd: join(dir, 'sub'), command: UP, decision: 'deny', rules: ['container-apply'] });
    expect(lines[1]).toMatchObject({ host: 'claude', session: 'sess-2', file: join(dir, '.claude', 'settings.json'), decision: 'deny', rules: ['guarded-file'] });
    expect(lines[2]).toMatchObject({ host: 'codex', command: 'gitops-guard trust --yes', decision: 'deny', rules: ['guard-self'] });
    const text = spawnSync(process.execPath, [BIN, 'audit', '--since', '1h'], { cwd: dir, env, encoding: 'utf8' });
    expect(text.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(text.stdout).toContain('claude/sess-1  DENY [container-apply]  docker compose up -d');
    const none = spawnSync(process.execPath, [BIN, 'audit', '--since', '2000-01-01T00:00:00Z', '--json'], { cwd: dir, env, encoding: 'utf8' });
    expect(JSON.parse(none.stdout)).toHaveLength(3);
    expect(spawnSync(process.execPath, [BIN, 'audit', '--since', 'yesterday-ish'], { cwd: dir, env, encoding: 'utf8' }).status).toBe(1);
  });

  const run = (env: Env, cwd: string, input: unknown) => new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [BIN, 'hook', 'claude'], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d; });
    child.stderr.on('data', (d: Buffer) => { stderr += d; });
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(JSON.stringify(input));
  });

  it('48 hooks at once: 48 whole lines, none lost or interleaved, also across rotations', async () => {
    const variants: Env[] = [{}, { GITOPS_GUARD_AUDIT_MAX_BYTES: '6000', GITOPS_GUARD_AUDIT_KEEP: '1000' }];
    for (const extra of variants) {
      const { dir, env } = repo({});
      // 48 cold processes on a busy 2-core machine: give each time to decide (a hook out of time
      // blocks, which is right, but then this test would not see its decision).
      const all = { ...env, ...extra, GITOPS_GUARD_HOOK_TIMEOUT_MS: '120000' };
      const long = 'x'.repeat(2000);
      const results = await Promise.all(Array.from({ length: 48 }, (_, i) =>
        run(all, dir, claudeBash(`docker restart web-${i} ${long}`, dir))));
      for (const r of results) expect(JSON.parse(r.stdout || '{}').hookSpecificOutput?.permissionDecision, `${r.code} ${r.stderr}`).toBe('deny');
      const stateDir = join(env.XDG_STATE_HOME, 'gitops-guard');
      const files = readdirSync(stateDir).filter((n) => n.endsWith('.jsonl'));
      if ('GITOPS_GUARD_AUDIT_MAX_BYTES' in extra) expect(files.length).toBeGreaterThan(2);
      const lines = files.flatMap((n) => readFileSync(join(stateDir, n), 'utf8').split('\n').filter(Boolean));
      expect(lines).toHaveLength(48);
      const services = lines.map((l) => (JSON.parse(l) as { command: string }).command.split(' ')[2]).sort();
      expect(services).toEqual(Array.from({ length: 48 }, (_, i) => `web-${i}`).sort());
    }
  });

  it('a read-only state directory does not make the hook fail; the failure is said on stderr', () => {
    const { dir, env, user } = repo({});
    const ro = join(user, 'ro');
    mkdirSync(ro);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', ro], { encoding: 'utf8' });
    expect(mounted.status, `a read-only tmpfs is needed for this test (run as root): ${mounted.stderr}`).toBe(0);
    try {
      for (const state of [ro, join(dir, 'gitops-guard.json')]) {
        const r = hook('claude', claudeBash(UP, dir), dir, { ...env, XDG_STATE_HOME: state });
        expect(r.exit).toBe(0);
        expect(r.json!.hookSpecificOutput.permissionDecision).toBe('deny');
        expect(r.stderr).toContain('could not write the audit log');
        const ok = hook('claude', claudeBash('ls', dir), dir, { ...env, XDG_STATE_HOME: state });
        expect(ok).toMatchObject({ exit: 0, stdout: '' });
      }
    } finally {
      spawnSync('umount', [ro]);
    }
    expect(existsSync(join(ro, 'gitops-guard'))).toBe(false);
  });
});
