// git runs hooks the command line does not show: the classifier judges the ones a git command runs,
// found as git finds them. Real repositories made with the real git; where it matters, the real git
// command runs too, and whether a hook ran is checked against what the classifier said.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGuard } from '../src/index.js';
import { diskFiles } from '../src/shell/files.js';
import { hooksCannotRun } from '../src/shell/git-repo.js';
import { cannotHideManaged } from '../src/shell/fastpath.js';
import { isolatedGit, SEED, tempDir } from './helpers.js';

/** git with a fixed identity and no user or system config of this machine. */
const ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args], { cwd, encoding: 'utf8', env: ENV, stdio: 'pipe' }).trim();

/** A repository with one commit on main and a branch `side` one commit ahead. */
function repo(): string {
  const dir = tempDir('gg-hooks-');
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'a'), 'a\n');
  git(dir, 'add', 'a');
  git(dir, 'commit', '-q', '-m', 'one');
  git(dir, 'checkout', '-q', '-b', 'side');
  writeFileSync(join(dir, 's'), 's\n');
  git(dir, 'add', 's');
  git(dir, 'commit', '-q', '-m', 'side');
  git(dir, 'checkout', '-q', 'main');
  return dir;
}

function hook(dir: string, name: string, body: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

// The classifier sees the same environment the real git commands run with.
const decide = isolatedGit();

describe('hooks of a repository', () => {
  it('reads core.hooksPath from the repository config, relative to the top of the work tree', () => {
    const dir = repo();
    hook(join(dir, '.husky'), 'pre-push', 'docker compose up -d');
    git(dir, 'config', 'core.hooksPath', '.husky');
    mkdirSync(join(dir, 'sub'));
    expect(decide('git push origin HEAD', dir)).toBe('deny');
    expect(decide('git push origin HEAD', join(dir, 'sub'))).toBe('deny');
    expect(decide('git push --no-verify origin HEAD', dir)).not.toBe('deny');
    expect(decide('git status', dir)).toBe('allow');
    expect(decide('git log --oneline', dir)).toBe('allow');
    expect(decide('git -C sub push origin HEAD', dir)).toBe('deny');
  });

  it('reads .git/hooks, with the options that skip hooks as git reads them', () => {
    const dir = repo();
    hook(join(dir, '.git', 'hooks'), 'pre-commit', 'docker compose up -d');
    expect(decide('git commit -m x', dir)).toBe('deny');
    expect(decide('git commit -nm x', dir)).toBe('allow');
    expect(decide('git commit --no-verify -m x', dir)).toBe('allow');
    expect(decide('git commit --no-ver -m x', dir)).toBe('allow');
    expect(decide('git commit --no-verify --verify -m x', dir)).toBe('deny');
    // `-m -n`: -n is the message.
    expect(decide('git commit -m -n', dir)).toBe('deny');
    expect(decide('git commit --dry-run -m x', dir)).toBe('allow');
    expect(decide('git -c alias.ci=commit ci -m x', dir)).toBe('deny');
    expect(decide('git diff', dir)).toBe('allow');
  });

  it('allows benign hooks and repositories with none', () => {
    const dir = repo();
    expect(decide('git add -A && git commit -m "fix: x" && git push', dir)).toBe('allow');
    hook(join(dir, '.git', 'hooks'), 'pre-commit', 'npx lint-staged\nnpm test');
    hook(join(dir, '.git', 'hooks'), 'commit-msg', 'grep -q "^[a-z]*: " "$1"');
    expect(decide('git commit -m "fix: x"', dir)).toBe('allow');
  });

  it('finds the common directory of a worktree, and its own config.worktree', () => {
    const dir = repo();
    const wt = join(tempDir('gg-wt-'), 'wt');
    git(dir, 'worktree', 'add', '-q', wt, 'side');
    expect(readFileSync(join(wt, '.git'), 'utf8')).toMatch(/^gitdir: /);
    expect(decide('git commit -m x', wt)).toBe('allow');
    hook(join(dir, '.git', 'hooks'), 'post-commit', 'docker restart web');
    expect(decide('git commit -m x', wt)).toBe('deny');
    rmSync(join(dir, '.git', 'hooks', 'post-commit'));
    git(dir, 'config', 'extensions.worktreeConfig', 'true');
    git(wt, 'config', '--worktree', 'core.hooksPath', 'tools/hooks');
    hook(join(wt, 'tools', 'hooks'), 'post-checkout', 'docker compose up -d');
    expect(decide('git checkout -q side', wt)).toBe('deny');
    expect(decide('git checkout -q side', dir)).toBe('allow');
  });

  it('counts a hook written earlier in the same text', () => {
    const dir = repo();
    git(dir, 'config', 'core.hooksPath', 'tools/hooks');
    mkdirSync(join(dir, 'tools', 'hooks'), { recursive: true });
    expect(decide("printf 'docker compose up -d\\n' > tools/hooks/pre-commit && chmod +x tools/hooks/pre-commit && git commit -m x", dir)).toBe('deny');
    expect(decide("printf 'npm test\\n' > tools/hooks/pre-commit && git commit -m x", dir)).toBe('allow');
  });

  it('asks where the hooks cannot be known or read', () => {
    const dir = repo();
    expect(decide('git -c core.hooksPath="$HOOKS" commit -m x', dir)).toBe('ask');
    expect(decide('git -C "$dir" commit -m x', dir)).toBe('ask');
    expect(decide('GIT_DIR="$d" git commit -m x', dir)).toBe('ask');
    // A hook that is not a regular file (a fifo) cannot be read.
    mkdirSync(join(dir, 'h'));
    execFileSync('mkfifo', [join(dir, 'h', 'pre-commit')]);
    expect(decide('git -c core.hooksPath=h commit -m x', dir)).toBe('ask');
    // A git command that runs no hook does not care.
    expect(decide('git -C "$dir" log --oneline', dir)).toBe('allow');
  });

  it('judges hook managers by what they run (husky, lefthook, pre-commit)', () => {
    const dir = repo();
    // husky 9's layout: core.hooksPath=.husky/_, a shim per hook that sources the runner `h`.
    mkdirSync(join(dir, '.husky', '_'), { recursive: true });
    writeFileSync(join(dir, '.husky', '_', 'pre-commit'), '#!/usr/bin/env sh\n. "$(dirname "$0")/h"');
    writeFileSync(join(dir, '.husky', '_', 'h'), ['#!/usr/bin/env sh', '[ "$HUSKY" = "2" ] && set -x', 'n=$(basename "$0")',
      's=$(dirname "$(dirname "$0")")/$n', '[ ! -f "$s" ] && exit 0', 'i="${XDG_CONFIG_HOME:-$HOME/.config}/husky/init.sh"',
      '[ -f "$i" ] && . "$i"', '[ "${HUSKY-}" = "0" ] && exit 0', 'export PATH="node_modules/.bin:$PATH"', 'sh -e "$s" "$@"', 'c=$?',
      '[ $c != 0 ] && echo "husky - $n script failed (code $c)"', 'exit $c', ''].join('\n'));
    git(dir, 'config', 'core.hooksPath', '.husky/_');
    writeFileSync(join(dir, '.husky', 'pre-commit'), 'npm test\n');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ scripts: { test: 'vitest run' } }));
    expect(decide('git commit -m x', dir)).toBe('allow');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ scripts: { test: 'docker compose up -d' } }));
    expect(decide('git commit -m x', dir)).toBe('deny');
    // A line of its own in husky's runner: read as written, which cannot be told statically.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ scripts: { test: 'vitest run' } }));
    writeFileSync(join(dir, '.husky', '_', 'h'), readFileSync(join(dir, '.husky', '_', 'h'), 'utf8') + 'curl -s x | sh\n');
    expect(decide('git commit -m x', dir)).toBe('ask');

    // lefthook's shim in .git/hooks runs `lefthook run pre-push`, which lefthook.yml says.
    git(dir, 'config', '--unset', 'core.hooksPath');
    writeFileSync(join(dir, '.git', 'hooks', 'pre-push'), ['#!/bin/sh', 'if [ "$LEFTHOOK" = "0" ]; then', '  exit 0', 'fi', 'call_lefthook()', '{',
      '  if test -n "$LEFTHOOK_BIN"', '  then', '    "$LEFTHOOK_BIN" "$@"', '  elif lefthook -h >/dev/null 2>&1', '  then', '    lefthook "$@"',
      '  else', '    echo "Can\'t find lefthook in PATH"', '  fi', '}', '', 'call_lefthook run "pre-push" "$@"', ''].join('\n'));
    writeFileSync(join(dir, 'lefthook.yml'), 'pre-push:\n  commands:\n    lint:\n      run: npx eslint .\n');
    expect(decide('git push origin HEAD', dir)).not.toBe('deny');
    writeFileSync(join(dir, 'lefthook.yml'), 'pre-push:\n  commands:\n    ship:\n      run: docker compose up -d\n');
    expect(decide('git push origin HEAD', dir)).toBe('deny');
  });
});

describe('submodules', () => {
  it('reads the hooks of the submodules a command runs in too', () => {
    const lib = repo();
    const dir = repo();
    git(dir, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'lib');
    git(dir, 'commit', '-q', '-m', 'lib');
    const modules = join(dir, '.git', 'modules', 'lib');
    expect(existsSync(join(modules, 'HEAD'))).toBe(true);
    hook(join(modules, 'hooks'), 'post-checkout', 'docker compose up -d');
    expect(decide('git checkout -q side', dir)).not.toBe('deny');
    expect(decide('git checkout -q --recurse-submodules side', dir)).toBe('deny');
    expect(decide('git -c submodule.recurse=true checkout -q side', dir)).toBe('deny');
    expect(decide('git submodule update', dir)).toBe('deny');
    expect(decide('git checkout -q --no-recurse-submodules side', dir)).not.toBe('deny');
    // In the submodule's own work tree, its .git file leads to the same hooks.
    expect(decide('git checkout -q main', join(dir, 'lib'))).toBe('deny');
  });
});

describe('a push into a repository on this machine', () => {
  it('reads the receive hooks of the repository pushed to, as git runs them', () => {
    const dir = repo();
    const bare = join(tempDir('gg-bare-'), 'deploy.git');
    git(dir, 'init', '-q', '--bare', bare);
    git(dir, 'remote', 'add', 'deploy', bare);
    const mark = join(bare, 'ran');
    hook(join(bare, 'hooks'), 'post-receive', `docker compose up -d >/dev/null 2>&1 || true\ntouch ${mark}`);
    expect(decide('git push deploy main', dir)).toBe('deny');
    expect(decide(`git push ${bare} main`, dir)).toBe('deny');
    expect(decide('git push --no-verify deploy main', dir)).toBe('deny');
    // The real push runs that hook.
    git(dir, 'push', '-q', 'deploy', 'main');
    expect(existsSync(mark)).toBe(true);
    rmSync(join(bare, 'hooks', 'post-receive'));
    expect(decide('git push deploy main', dir)).not.toBe('deny');
  });
});

describe('a repository made in the same text', () => {
  /** Run `command` with sh in `cwd`, a stand-in docker first on PATH that notes it ran in the returned log. */
  function run(command: string, cwd: string): string[] {
    const bin = tempDir('gg-bin-');
    const log = join(bin, 'ran.log');
    hook(bin, 'docker', `echo "$*" >> ${log}`);
    const r = spawnSync('sh', ['-c', command], { cwd, env: { ...ENV, PATH: `${bin}:${process.env.PATH}`, GIT_AUTHOR_NAME: 'D', GIT_AUTHOR_EMAIL: 'd@e', GIT_COMMITTER_NAME: 'D', GIT_COMMITTER_EMAIL: 'd@e' } });
    expect(r.status, r.stderr.toString()).toBe(0);
    return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  }

  it('resolves a relative core.hooksPath from the top of the new repository, as git does', () => {
    // The text runs inside a project repository: the new one t is not it.
    const COMMANDS = [
      'git init -q t && mkdir t/hk && printf "#!/bin/sh\\ndocker restart web\\n" > t/hk/pre-commit && chmod +x t/hk/pre-commit && git -C t -c core.hooksPath=hk commit -q --allow-empty -m x',
      'git init -q t && cd t && mkdir hk && printf "#!/bin/sh\\ndocker restart web\\n" > hk/pre-commit && chmod +x hk/pre-commit && git -c core.hooksPath=hk commit -q --allow-empty -m x',
      'mkdir t && cd t/ && git init -q && mkdir -p hk a/b && printf "#!/bin/sh\\ndocker restart web\\n" > hk/pre-commit && chmod +x hk/pre-commit && cd a/b && git -c core.hooksPath=hk commit -q --allow-empty -m x',
      'git init -q t && mkdir t/hk && printf "#!/bin/sh\\ndocker restart web\\n" > t/hk/pre-commit && chmod +x t/hk/pre-commit && GIT_DIR=t/.git GIT_WORK_TREE=t git -c core.hooksPath=hk commit -q --allow-empty -m x',
    ];
    for (const command of COMMANDS) {
      const dir = repo();
      expect(decide(command, dir), command).toBe('deny');
      expect(run(command, dir), command).toEqual(['restart web']);
    }
    // The same hook with git run in the project: hk/ there has no such hook, and git runs none.
    const outside = 'git init -q t && mkdir t/hk && printf "#!/bin/sh\\ndocker restart web\\n" > t/hk/pre-commit && chmod +x t/hk/pre-commit && git -c core.hooksPath=hk commit -q --allow-empty -m x';
    const dir = repo();
    expect(decide(outside, dir)).toBe('allow');
    expect(run(outside, dir)).toEqual([]);
    const lint = 'git init -q t && mkdir t/hk && printf "#!/bin/sh\\necho lint\\n" > t/hk/pre-commit && chmod +x t/hk/pre-commit && git -C t -c core.hooksPath=hk commit -q --allow-empty -m x';
    expect(decide(lint, repo())).toBe('allow');
  });

  it('asks about a hook in the work tree of a repository cloned in the same text', () => {
    const remote = repo();
    hook(join(remote, 'hooks'), 'pre-commit', 'docker restart web');
    git(remote, 'add', 'hooks');
    git(remote, 'commit', '-q', '-m', 'hooks');
    const dir = repo();
    const command = `git clone -q ${remote} t && git -C t -c core.hooksPath=hooks commit -q --allow-empty -m x`;
    expect(decide(command, dir)).toBe('ask');
    // The real clone brings the hook, and git runs it.
    expect(run(command, dir)).toEqual(['restart web']);
    // No hooks path into the clone: its .git/hooks come from the template, not the remote.
    expect(decide(`git clone -q ${remote} u && git -C u commit -q --allow-empty -m x`, dir)).toBe('allow');
    expect(decide(`git clone -q ${remote} v && git -C v -c core.hooksPath=hooks log --oneline`, dir)).toBe('allow');
  });
});

/** Every hook githooks(5) names, each noting in `log` that it ran. */
const HOOKS = ['applypatch-msg', 'pre-applypatch', 'post-applypatch', 'pre-commit', 'pre-merge-commit', 'prepare-commit-msg', 'commit-msg',
  'post-commit', 'pre-rebase', 'post-checkout', 'post-merge', 'pre-push', 'reference-transaction', 'post-rewrite', 'post-index-change'];

describe('the hook table against git itself', () => {
  // For each command: with every hook installed, does git run one (it notes so), and does the
  // classifier then see the hook's docker command? A hook git does not run must not count either
  // way for commands the table says run none.
  const COMMANDS = ['git commit -q --allow-empty -m x', 'git commit -q -n --allow-empty -m x', 'git checkout -q side', 'git switch -q -c new',
    'git merge -q --no-edit side', 'git branch b2', 'git tag t2', 'git log --oneline', 'git show -s', 'git rev-parse HEAD', 'git blame a',
    'git ls-files', 'git cat-file -t HEAD', 'git for-each-ref', 'git shortlog -s HEAD', 'git describe --always', 'git status',
    'git commit -q --amend -m y', 'git cherry-pick side', 'git revert --no-edit HEAD', 'git rebase -q side', 'git reset -q --hard HEAD',
    'git restore a', 'git stash -q', 'git notes add -m n', 'git add a', 'git mv a b', 'git rm -q --cached a', 'git gc --auto',
    'git merge -q --squash side', 'git merge -q --no-commit --no-ff side', 'git hook run pre-commit', 'git remote -v', 'git grep -q a',
    'git diff', 'git stash list', 'git reflog -1', 'git clean -n', 'git worktree list', 'git branch --list', 'git config core.bare'];
  it.each(COMMANDS)('%s', (command) => {
    const dir = repo();
    const log = join(dir, '.git', 'ran.log');
    // The hooks' docker is a stand-in that does nothing, first on PATH.
    const bin = join(dir, '.git', 'bin');
    hook(bin, 'docker', 'exit 0');
    for (const h of HOOKS) hook(join(dir, '.git', 'hooks'), h, `docker compose up -d\necho ${h} >> ${log}`);
    // git status refreshes (and writes) the index only when a file's stat data changed.
    writeFileSync(join(dir, 'a'), 'a\n');
    const verdict = decide(command, dir);
    const r = spawnSync('sh', ['-c', command], { cwd: dir, env: { ...ENV, PATH: `${bin}:${process.env.PATH}`, GIT_AUTHOR_NAME: 'D', GIT_AUTHOR_EMAIL: 'd@e', GIT_COMMITTER_NAME: 'D', GIT_COMMITTER_EMAIL: 'd@e' } });
    expect(r.status, r.stderr.toString()).toBe(0);
    const ran = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
    // Whatever git ran, the classifier read (it may read more: post-index-change where git found the index clean).
    if (ran.length > 0) expect(verdict, `git ran ${ran.join(', ')}`).toBe('deny');
    // It reads no more than the table says: the commands that may run one and did not here.
    else if (verdict === 'deny') expect(command).toMatch(/status|describe|diff|gc --auto|stash|branch|merge|remote|reflog/);
  });
});

describe('the fast path probe', () => {
  it('finds no hook in a fresh repository, and sees every way one can appear', () => {
    const dir = repo();
    const env = (n: string): string | undefined => ENV[n as keyof typeof ENV];
    const probe = (): boolean => hooksCannotRun(diskFiles(), dir, env);
    expect(probe()).toBe(true);
    expect(cannotHideManaged('git add -A && git commit -m x', undefined, probe)).toBe(true);
    git(dir, 'config', 'core.hooksPath', '.husky');
    expect(probe()).toBe(false);
    git(dir, 'config', '--unset', 'core.hooksPath');
    expect(probe()).toBe(true);
    hook(join(dir, '.git', 'hooks'), 'post-commit', 'true');
    expect(probe()).toBe(false);
    expect(hooksCannotRun(diskFiles(), tempDir(), env)).toBe(false); // no repository: the classifier decides
    expect(hooksCannotRun(diskFiles(), dir, (n) => (n === 'GIT_DIR' ? '/x' : env(n)))).toBe(false);
  });
});

describe('commands a file the repository config includes makes git run', () => {
  // include.path names an ordinary file (relative to .git/: ../shared.gitconfig is the work tree's, often
  // tracked and shared): an agent's plain write there sets
  // core.fsmonitor (run by git status) or diff.external (run by git diff); git's own config is guarded.
  it('judges core.fsmonitor and diff.external from an included file, and the real git runs them', async () => {
    const dir = repo();
    git(dir, 'config', 'include.path', '../shared.gitconfig');
    const guard = await createGuard({ config: SEED, cwd: dir });
    expect(guard.classify('git status').decision).toBe('allow');
    writeFileSync(join(dir, 'up.sh'), '#!/bin/sh\ndocker compose up -d\n');
    chmodSync(join(dir, 'up.sh'), 0o755);
    writeFileSync(join(dir, 'shared.gitconfig'), '[core]\n\tfsmonitor = ./up.sh\n[diff]\n\texternal = ./up.sh\n');
    expect(guard.classify('git status').decision).toBe('deny');
    expect(guard.classify('git diff').decision).toBe('deny');
    // The real git does run it: a recording script in its place leaves a mark.
    writeFileSync(join(dir, 'up.sh'), `#!/bin/sh\ntouch "${join(dir, 'ran')}"\n`);
    spawnSync('git', ['status'], { cwd: dir, env: ENV });
    expect(existsSync(join(dir, 'ran'))).toBe(true);
    // An included file that sets no command is no deploy.
    writeFileSync(join(dir, 'shared.gitconfig'), '[user]\n\tname = Dev\n');
    expect(guard.classify('git status').decision).toBe('allow');
  });
});
