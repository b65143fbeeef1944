// The deploy loop's failures as a program reads them: with --json, one object on stdout with the
// error's code, message and next step, and the exit code of its kind (docs/cli.md). Real git: a
// bare repository is the remote, and a second clone deploys first.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from './helpers.js';
import { COMPOSE, gatewayCompose, git, makeRepos } from './support/repos.js';

const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('deploy --json failures', () => {
  it('says "refused", exit 5, and suggests git pull --rebase --autostash when behind; "validation", exit 6, for a broken compose file', () => {
    const work = tempDir();
    const { bare, dev } = makeRepos(work, {
      checkout: 'checkout', message: 'deploy: one',
      files: { [COMPOSE]: gatewayCompose(18790), 'gitops-guard.json': JSON.stringify({ composeFiles: [COMPOSE] }) },
    });
    const other = join(work, 'other');
    spawnSync('git', ['clone', '-q', bare, other]);
    writeFileSync(join(other, 'README.md'), 'someone else\n');
    git(other, 'add', 'README.md');
    git(other, 'commit', '-qm', 'deploy: from another clone');
    git(other, 'push', '-q');

    writeFileSync(join(dev, COMPOSE), gatewayCompose(18791));
    const head = git(dev, 'rev-parse', 'HEAD');
    const behind = cli(dev, 'deploy', '-m', 'port 18791', '--no-wait', '--json');
    expect(behind.status, behind.stderr).toBe(5);
    const out = JSON.parse(behind.stdout);
    expect(out).toMatchObject({ ok: false, error: { code: 'refused', next: 'git pull --rebase --autostash' } });
    expect(out.error.message).toContain('you do not have');
    expect(git(dev, 'rev-parse', 'HEAD')).toBe(head);

    git(dev, 'stash', '-q');
    git(dev, 'pull', '-q', '--rebase');
    writeFileSync(join(dev, COMPOSE), 'services:\n  gateway:\n    image: [not, a, string]\n');
    const invalid = cli(dev, 'deploy', '-m', 'broken', '--no-wait', '--json');
    expect(invalid.status, invalid.stderr).toBe(6);
    expect(JSON.parse(invalid.stdout).error.code).toBe('validation');
  });
});
