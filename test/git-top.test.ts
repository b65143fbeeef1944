// What git's own state on disk decides, in real repositories made with the real git (a case fixture
// cannot hold a .git): the branch a force push of HEAD pushes (HEAD as .git/HEAD names it), and the
// .pre-commit-config.yaml that pre-commit reads (only the one at the top of the work tree).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedGit, tempDir } from './helpers.js';

const ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args], { cwd, encoding: 'utf8', env: ENV, stdio: 'pipe' }).trim();

/** A clone of a bare remote with main pushed, checked out on `branch`. */
function repoOn(branch: string): string {
  const remote = tempDir('gg-top-remote-');
  git(remote, 'init', '-q', '--bare');
  const dir = tempDir('gg-top-');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'one');
  git(dir, 'remote', 'add', 'origin', remote);
  git(dir, 'push', '-q', 'origin', 'main');
  if (branch !== 'main') git(dir, 'checkout', '-q', '-b', branch);
  return dir;
}

// The classifier sees the same environment the real git commands run with.
const decide = isolatedGit();

describe('a force push of HEAD pushes the branch checked out', () => {
  it('allows it on a feature branch, read from .git/HEAD', () => {
    const dir = repoOn('feature');
    for (const c of ['git push --force-with-lease', 'git push -f origin HEAD', 'git push --force origin @', 'git add -A && git commit -m x && git push -f',
      `git -C ${dir} push --force-with-lease`]) expect(decide(c, dir), c).toBe('allow');
  });

  it('denies it on main, and wherever something may have switched first', () => {
    const main = repoOn('main');
    for (const c of ['git push --force-with-lease', 'git push -f origin HEAD', 'git push -f']) expect(decide(c, main), c).toBe('deny');
    const dir = repoOn('feature');
    for (const c of ['git checkout main && git push -f', 'git push -f origin HEAD:main', 'echo "ref: refs/heads/main" > .git/HEAD; git push -f',
      './switch.sh && git push -f', 'git push --prune origin']) expect(decide(c, dir), c).toBe('deny');
  });

  it('denies it where HEAD names no branch (detached) or there is no repository', () => {
    const dir = repoOn('feature');
    git(dir, 'checkout', '-q', '--detach');
    expect(decide('git push -f origin HEAD', dir)).toBe('deny');
    expect(decide('git push --force-with-lease', tempDir())).toBe('deny');
  });

  it('reads a worktree\'s own HEAD', () => {
    const dir = repoOn('main');
    const wt = join(tempDir('gg-top-wt-'), 'wt');
    git(dir, 'worktree', 'add', '-q', '-b', 'feature', wt);
    expect(decide('git push --force-with-lease', wt)).toBe('allow');
    expect(decide('git push --force-with-lease', dir)).toBe('deny');
  });
});

describe('pre-commit reads the config at the top of the work tree', () => {
  const LOCAL = 'repos:\n  - repo: local\n    hooks:\n      - id: up\n        name: up\n        entry: docker compose up -d\n        language: system\n        pass_filenames: false\n';

  it('judges the top level config from a subdirectory', () => {
    const dir = repoOn('main');
    writeFileSync(join(dir, '.pre-commit-config.yaml'), LOCAL);
    mkdirSync(join(dir, 'src'));
    expect(decide('pre-commit run --all-files', dir)).toBe('deny');
    expect(decide('pre-commit run --all-files', join(dir, 'src'))).toBe('deny');
  });

  it('leaves a nested sub-project\'s config alone: pre-commit never reads it', () => {
    const dir = repoOn('main');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', '.pre-commit-config.yaml'), LOCAL);
    expect(decide('pre-commit run --all-files', join(dir, 'sub'))).toBe('allow');
    // named with -c, it is the file read
    expect(decide('pre-commit run --all-files -c .pre-commit-config.yaml', join(dir, 'sub'))).toBe('deny');
  });

  it('outside a repository pre-commit stops before reading any config', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.pre-commit-config.yaml'), LOCAL);
    expect(decide('pre-commit run --all-files', dir)).toBe('allow');
  });
});
