// A guard keeps each decision it made by reading files (scripts, package.json, the test files a
// runner collects) while none of those files changes. These tests change the files between two
// questions to the same guard and check the second answer follows the files, not the first answer.
import { mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
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

  it('reads a script again once it is written where it was missing', async () => {
    const { dir, guard } = await aged({ 'README.md': 'x\n' }, ['scripts']);
    const first = guard.classify('npm run build');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ scripts: { build: 'docker compose up -d' } }));
    expect(guard.classify('npm run build').decision).toBe('deny');
    expect(first.decision).not.toBe('deny');
  });
});
