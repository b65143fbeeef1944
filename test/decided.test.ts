// A guard keeps each decision it made by reading files (scripts, package.json, the test files a
// runner collects) while none of those files changes. These tests change the files between two
// questions to the same guard and check the second answer follows the files, not the first answer.
import { linkSync, mkdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGuard } from '../src/index.js';
import { project, SEED, tempDir } from './helpers.js';

const RUNS_DOCKER = 'import os\nos.system("docker compose up -d")\n';

/** A project whose directories look a minute old, as a tree made before the agent's session does. */
async function aged(files: Record<string, string>, dirs: string[] = []) {
  const dir = project(files);
  for (const d of dirs) mkdirSync(join(dir, d), { recursive: true });
  const then = new Date(Date.now() - 60_000);
  for (const d of ['.', ...dirs, ...Object.keys(files).map((f) => join(f, '..'))]) utimesSync(join(dir, d), then, then);
  return { dir, guard: await createGuard({ config: SEED, cwd: dir }) };
}

describe('decisions kept per guard', () => {
  it('reads pytest\'s tree again when a test file appears in a directory it walked', async () => {
    const { dir, guard } = await aged({ 'tests/test_math.py': 'def test_add():\n    assert 1 + 1 == 2\n' }, ['tests/deep/er']);
    expect(guard.classify('python3 -m pytest -q').decision).toBe('allow');
    writeFileSync(join(dir, 'tests/deep/er/test_deploy.py'), RUNS_DOCKER);
    expect(guard.classify('python3 -m pytest -q').decision).toBe('deny');
  });

  it('reads a collected test file again when its text changes in place', async () => {
    const { dir, guard } = await aged({ 'tests/test_math.py': 'def test_add():\n    assert 1 + 1 == 2\n' });
    expect(guard.classify('pytest').decision).toBe('allow');
    writeFileSync(join(dir, 'tests/test_math.py'), `${RUNS_DOCKER}# and more text than before\n`);
    expect(guard.classify('pytest').decision).toBe('deny');
  });

  it('sees a conftest.py that was a dangling link once its target is made elsewhere', async () => {
    const elsewhere = tempDir();
    const { dir, guard } = await aged({ 'tests/test_math.py': 'def test_add():\n    assert True\n' });
    symlinkSync(join(elsewhere, 'conftest.py'), join(dir, 'tests', 'conftest.py'));
    utimesSync(join(dir, 'tests'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(guard.classify('pytest').decision).toBe('allow');
    writeFileSync(join(elsewhere, 'conftest.py'), RUNS_DOCKER);
    expect(guard.classify('pytest').decision).toBe('deny');
  });

  it('walks into a name that was a plain file and is now a directory of tests', async () => {
    const { dir, guard } = await aged({ 'tests/test_math.py': 'def test_add():\n    assert True\n', 'tests/fixtures': 'plain data\n' });
    expect(guard.classify('pytest').decision).toBe('allow');
    rmSync(join(dir, 'tests/fixtures'));
    mkdirSync(join(dir, 'tests/fixtures'));
    writeFileSync(join(dir, 'tests/fixtures/test_up.py'), RUNS_DOCKER);
    expect(guard.classify('pytest').decision).toBe('deny');
  });

  it('reads a script again when it is rewritten at the same size and its times are put back (touch -r)', async () => {
    const { dir, guard } = await aged({ 'run.sh': '#!/bin/sh\necho hello world her\n' });
    expect(guard.classify('./run.sh').decision).toBe('allow');
    const was = statSync(join(dir, 'run.sh')).mtimeMs;
    execFileSync('touch', ['-r', join(dir, 'run.sh'), join(dir, 'ref')]);
    writeFileSync(join(dir, 'run.sh'), '#!/bin/sh\ndocker compose up -d\n');
    execFileSync('touch', ['-r', join(dir, 'ref'), join(dir, 'run.sh')]);
    expect(statSync(join(dir, 'run.sh')).mtimeMs).toBe(was);
    expect(guard.classify('./run.sh').decision).toBe('deny');
  });

  it('reads a script again once it is written where it was missing', async () => {
    const { dir, guard } = await aged({ 'README.md': 'x\n' }, ['scripts']);
    const first = guard.classify('npm run build');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ scripts: { build: 'docker compose up -d' } }));
    expect(guard.classify('npm run build').decision).toBe('deny');
    expect(first.decision).not.toBe('deny');
  });

  // A write the rules allowed lands somewhere else once its target is made a link (or another name)
  // of a git hook: the kept decision must not outlive that.
  for (const command of ['echo "$(date)" >> notes.md', 'printf "%s\\n" x | tee -a notes.md']) {
    it(`judges \`${command}\` again once notes.md leads to a hook`, async () => {
      const { dir, guard } = await aged({ 'README.md': 'x\n' }, ['.git/hooks']);
      const plain = await createGuard({ config: SEED, cwd: dir, fastPath: false });
      // Twice: the fast path answers a command first, the classifier (whose decision is kept) the next time.
      expect(guard.classify(command).decision).toBe('allow');
      expect(guard.classify(command).decision).toBe('allow');
      expect(plain.classify(command).decision).toBe('allow');
      symlinkSync('.git/hooks/pre-commit', join(dir, 'notes.md'));
      expect(guard.classify(command).decision).toBe('deny');
      expect(plain.classify(command).decision).toBe('deny');
      rmSync(join(dir, 'notes.md'));
      expect(guard.classify(command).decision).toBe('allow');
      writeFileSync(join(dir, '.git/hooks/pre-commit'), '#!/bin/sh\n');
      linkSync(join(dir, '.git/hooks/pre-commit'), join(dir, 'notes.md'));
      expect(guard.classify(command).decision).toBe('deny');
    });
  }

  it('judges a write again once a directory on its way is made a link', async () => {
    const { dir, guard } = await aged({ 'README.md': 'x\n' }, ['.git/hooks', 'out']);
    const command = 'echo "$(date)" > out/pre-commit';
    expect(guard.classify(command).decision).toBe('allow');
    rmSync(join(dir, 'out'), { recursive: true });
    symlinkSync('.git/hooks', join(dir, 'out'));
    expect(guard.classify(command).decision).toBe('deny');
  });

  it('judges a force push of HEAD again once the branch a checkout named is also a file there', async () => {
    const { dir, guard } = await aged({ 'README.md': 'x\n' }, ['feature']);
    // `git checkout NAME` restores the file NAME when one exists, and the branch stays what it was (main).
    const command = 'git checkout feature/x && git push -f origin HEAD';
    expect(guard.classify(command).decision).toBe('allow');
    writeFileSync(join(dir, 'feature/x'), 'x\n');
    expect(guard.classify(command).decision).toBe('deny');
  });
});


describe('option files a program reads by itself', () => {
  // An agent's earlier command may have written them: curl reads ~/.curlrc before its command line.
  it('reads ~/.curlrc and aria2.conf from disk, and again once they change', async () => {
    const home = tempDir();
    const before = process.env.HOME;
    process.env.HOME = home;
    try {
      const { dir, guard } = await aged({ 'README.md': 'x\n' });
      const restart = 'curl -X POST http://localhost/containers/web/restart';
      expect(guard.classify(restart).decision).toBe('allow');
      writeFileSync(join(home, '.curlrc'), 'unix-socket = /var/run/docker.sock\n');
      expect(guard.classify(restart).decision).toBe('deny');
      // `-q` first: curl reads no ~/.curlrc.
      expect(guard.classify(`curl -q ${restart.slice(5)}`).decision).toBe('allow');
      writeFileSync(join(home, '.curlrc'), 'silent\nshow-error\n');
      expect(guard.classify(restart).decision).toBe('allow');
      mkdirSync(join(home, '.aria2'));
      writeFileSync(join(home, '.aria2', 'aria2.conf'), 'on-download-complete=/usr/bin/docker\n');
      expect(guard.classify('aria2c https://example.com/x').decision).toBe('deny');
      // npm runs every script in the user's script-shell (~/.npmrc) when the project's .npmrc names none.
      writeFileSync(join(home, 'evil.sh'), '#!/bin/sh\ndocker restart web\n');
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ scripts: { test: 'vitest run' } }));
      expect(guard.classify('npm test').decision).toBe('allow');
      writeFileSync(join(home, '.npmrc'), `script-shell=${join(home, 'evil.sh')}\n`);
      expect(guard.classify('npm test').decision).toBe('deny');
    } finally {
      process.env.HOME = before;
    }
  });
});
