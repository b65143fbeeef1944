// How the hook judges a path to be one of the guard's own files when the host, the kernel or git
// resolve it differently from its spelling (attack4c findings 1 and 4): hard links, dangling
// symlinks, git's commondir, a leading `~`, and Gemini CLI's path correction. Real files, real git,
// the built hook run as a process.
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, project, SEED, tempDir } from './helpers.js';

type Env = Record<string, string>;

/** A git repository with the seed config, and a user's own directories outside it. */
function repo() {
  const dir = project({ 'gitops-guard.json': JSON.stringify(SEED), 'src/app.ts': '' });
  git(dir, 'init', '-q');
  const user = tempDir('gitops-guard-user-');
  const env: Env = {
    PATH: process.env.PATH ?? '', HOME: user,
    XDG_CONFIG_HOME: join(user, 'config'), XDG_STATE_HOME: join(user, 'state'), XDG_CACHE_HOME: join(user, 'cache'),
  };
  return { dir, env, user };
}

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
  return r.stdout.trim();
}

function hook(host: string, input: unknown, cwd: string, env: Env) {
  const r = spawnSync(process.execPath, [BIN, 'hook', host], { cwd, input: JSON.stringify(input), encoding: 'utf8', env });
  const out = r.stdout.trim();
  return { exit: r.status, stdout: out, stderr: r.stderr, json: out ? JSON.parse(out) as Record<string, any> : undefined };
}

/** Claude Code's decision for one tool call ('allow' when it passes untouched). */
function claude(tool: string, input: Record<string, unknown>, dir: string, env: Env): string {
  const r = hook('claude', { session_id: 's', hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input, cwd: dir }, dir, env);
  expect(r.exit, r.stderr).toBe(0);
  return r.stdout === '' ? 'allow' : r.json!.hookSpecificOutput.permissionDecision;
}
const write = (path: string, dir: string, env: Env) => claude('Write', { file_path: path, content: 'x' }, dir, env);
const bash = (command: string, dir: string, env: Env) => claude('Bash', { command }, dir, env);

/** Gemini CLI's decision for one file tool call. */
function gemini(tool: string, file_path: string, dir: string, env: Env, cwd = dir): string {
  const r = hook('gemini', { session_id: 'g', hook_event_name: 'BeforeTool', tool_name: tool, tool_input: { file_path, content: '{}', old_string: '', new_string: '{}' }, cwd }, cwd, env);
  expect(r.exit, r.stderr).toBe(0);
  return r.json?.decision ?? 'allow';
}

describe('another name of a guarded file', () => {
  it('a hard link of .git/config: git reads what is written to it, so the edit tools and the shell may not write it', () => {
    const { dir, env } = repo();
    linkSync(join(dir, '.git', 'config'), join(dir, 'hl.txt'));
    expect(gemini('write_file', 'hl.txt', dir, env)).toBe('deny');
    expect(write(join(dir, 'hl.txt'), dir, env)).toBe('deny');
    expect(bash('printf "[core]\\n\\thooksPath = /tmp/h\\n" >> hl.txt', dir, env)).toBe('deny');
    // The fact behind it: a write to the link is a write to the repository's config.
    writeFileSync(join(dir, 'hl.txt'), '[core]\n\thooksPath = /tmp/h\n');
    expect(git(dir, 'config', 'core.hooksPath')).toBe('/tmp/h');
    // Hard links of ordinary files stay writable.
    writeFileSync(join(dir, 'a.txt'), 'a');
    linkSync(join(dir, 'a.txt'), join(dir, 'b.txt'));
    expect(write(join(dir, 'b.txt'), dir, env)).toBe('allow');
    expect(bash('echo b >> b.txt', dir, env)).toBe('allow');
  });

  it('making the link is refused: ln, cp -l and link of a guarded file; of an ordinary one they pass', () => {
    const { dir, env } = repo();
    for (const command of ['ln .git/config notes.txt', 'cp -l .git/config notes.txt', 'link .git/config notes.txt', 'ln -s .git/hooks/pre-commit notes.md']) {
      expect(bash(command, dir, env), command).toBe('deny');
    }
    for (const command of ['ln src/app.ts app-link.ts', 'cp .git/config /tmp/config.bak', 'ln -s src/app.ts app.ts']) {
      expect(bash(command, dir, env), command).toBe('allow');
    }
  });

  it('a dangling symlink to a hook not written yet: the write creates the hook, so it is refused', () => {
    const { dir, env } = repo();
    symlinkSync('.git/hooks/pre-commit', join(dir, 'notes.md'));
    expect(write(join(dir, 'notes.md'), dir, env)).toBe('deny');
    expect(bash('printf "#!/bin/sh\\ndocker compose up -d\\n" > notes.md', dir, env)).toBe('deny');
    expect(gemini('write_file', 'notes.md', dir, env)).toBe('deny');
    // A link through a link, and one to the hooks directory.
    symlinkSync('notes.md', join(dir, 'again.md'));
    symlinkSync('.git/hooks', join(dir, 'h'));
    expect(write(join(dir, 'again.md'), dir, env)).toBe('deny');
    expect(bash('echo x > h/pre-push', dir, env)).toBe('deny');
    // The fact behind it: writing the link creates the hook.
    writeFileSync(join(dir, 'notes.md'), '#!/bin/sh\n');
    expect(existsSync(join(dir, '.git', 'hooks', 'pre-commit'))).toBe(true);
    // A dangling link to an ordinary file that does not exist yet stays writable.
    symlinkSync('docs/later.md', join(dir, 'later.md'));
    expect(write(join(dir, 'later.md'), dir, env)).toBe('allow');
    expect(bash('echo x > later.md', dir, env)).toBe('allow');
  });
});

describe("git's commondir", () => {
  it('names the repository whose config git uses: writing it is refused (Write, apply_patch, the shell), in a worktree too', () => {
    const { dir, env } = repo();
    // The fact behind it: git takes the config (aliases, core.hooksPath) from the directory commondir names.
    const evil = tempDir('gitops-guard-evil-');
    for (const d of ['hooks', 'objects', 'refs']) mkdirSync(join(evil, d));
    writeFileSync(join(evil, 'config'), '[alias]\n\tst = !echo from-evil\n');
    const other = repo();
    writeFileSync(join(other.dir, '.git', 'commondir'), evil + '\n');
    expect(git(other.dir, 'config', 'alias.st')).toBe('!echo from-evil');

    expect(write(join(dir, '.git', 'commondir'), dir, env)).toBe('deny');
    expect(write(join(dir, '.git', 'worktrees', 'w', 'commondir'), dir, env)).toBe('deny');
    expect(write(join(dir, '.git', 'worktrees', 'w', 'gitdir'), dir, env)).toBe('deny');
    const patch = hook('codex', { session_id: 's', turn_id: 't', hook_event_name: 'PreToolUse', tool_name: 'apply_patch',
      tool_input: { command: '*** Begin Patch\n*** Add File: .git/commondir\n+/tmp/evil\n*** End Patch' }, cwd: dir }, dir, env);
    expect(patch.json?.hookSpecificOutput.permissionDecision).toBe('deny');
    expect(bash('echo /tmp/evil > .git/commondir', dir, env)).toBe('deny');
    expect(bash('cat .git/commondir', dir, env)).toBe('allow');
    expect(readFileSync(join(dir, '.git', 'HEAD'), 'utf8')).toContain('ref:');
  });
});

describe('a leading ~ in an edit tool path', () => {
  it('is the home directory (Claude Code expands it): the trust file ($XDG_CONFIG_HOME here), the user git config and ~/.kube/config are refused', () => {
    const { dir, env } = repo();
    expect(write('~/config/gitops-guard/trust.json', dir, env)).toBe('deny');
    expect(write('~/config/git/config', dir, env)).toBe('deny');
    expect(claude('Edit', { file_path: '~/.gitconfig', old_string: '[user]', new_string: '[core]\n\thooksPath = /tmp/h\n[user]' }, dir, env)).toBe('deny');
    expect(write('~/.kube/config', dir, env)).toBe('deny');
    expect(write('~', dir, env)).toBe('allow');
    expect(write('~/notes.md', dir, env)).toBe('allow');
    // ~NAME is another user's home, a sibling of this one.
    expect(write(`~${env.HOME!.split('/').pop()}/.gitconfig`, dir, env)).toBe('deny');
  });

  it('from the shell, ~NAME is the home directory /etc/passwd gives NAME (bash expands it so)', () => {
    const { dir, env } = repo();
    const root = { ...env, HOME: '/root' };
    expect(readFileSync('/etc/passwd', 'utf8')).toMatch(/^root:[^:]*:0:0:[^:]*:\/root:/m);
    expect(bash('echo "[core]" >> ~root/.gitconfig', dir, root)).toBe('deny');
    expect(bash('ln -s ~root/.gitconfig g', dir, root)).toBe('deny');
    expect(bash('echo x > ~root/notes.md', dir, root)).toBe('allow');
    expect(bash('echo x > ~no-such-user/.gitconfig', dir, root)).toBe('allow');
  });
});

describe("Gemini CLI's relative paths", () => {
  it('write_file resolves a new relative file against the project (no correction): ordinary new files pass', () => {
    const { dir, env } = repo();
    for (const path of ['src/hooks/useAuthState.ts', 'tests/hooks/conftest.py', 'app/config', 'settings.json', 'config.json', 'extensions/x.ts']) {
      expect(gemini('write_file', path, dir, env), path).toBe('allow');
    }
    for (const path of ['.gemini/settings.json', '.git/hooks/pre-commit', '@.gemini/settings.json', '%2Egemini/settings.json', 'file://' + join(dir, '.git', 'config')]) {
      expect(gemini('write_file', path, dir, env), path).toBe('deny');
    }
  });

  it("replace may correct a path that names no file to an existing file ending in it (as a string): matched by the guarded paths' tails", () => {
    const { dir, env } = repo();
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    for (const path of ['settings.json', 'hooks/pre-commit', 't/config', 'extensions/x/hooks/hooks.json']) {
      expect(gemini('replace', path, dir, env, sub), path).toBe('deny');
    }
    // A tail that starts with `**` (`**/hooks/**` of `.git/modules/**/hooks/**`) is no tail of its own.
    for (const path of ['src/hooks/useAuthState.ts', 'tests/hooks/conftest.py', 'app/config', 'src/app.ts']) {
      expect(gemini('replace', path, dir, env, sub), path).toBe('allow');
    }
  });
});
