// Stale kept decisions: one guard (as the MCP server or a library user keeps it), a file changed between two checks.
// Run: node test/cases/attack/.r12/cache/repro.mjs (after npm run build). Works in a temp dir; prints each check.
import { createGuard } from '../../../../../dist/index.js';
import { mkdtempSync, writeFileSync, mkdirSync, utimesSync, statSync, symlinkSync, rmSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';

const config = { host: 'ainetic.tech', remotePath: '/root/projects/CodeFoundry', composeFiles: ['server/docker-compose.yml'] };
async function scenario(name, setup, command, change) {
  const dir = mkdtempSync(join(tmpdir(), 'r12-'));
  setup(dir);
  const guard = await createGuard({ cwd: dir, config, root: dir });
  const before = guard.classify(command).decision;
  change(dir);
  const after = guard.classify(command).decision;
  const fresh = (await createGuard({ cwd: dir, config, root: dir })).classify(command).decision;
  console.log(`${name}: before=${before} after-change(same guard)=${after} fresh-guard=${fresh}${after !== fresh ? '   <-- STALE' : ''}`);
}
const keepTimes = (p, f) => { const ref = join(mkdtempSync(join(tmpdir(), 'r12ref-')), 'ref'); execFileSync('touch', ['-r', p, ref]); f(); execFileSync('touch', ['-r', ref, p]); };

// 1. A script rewritten in place with the same size, its mtime put back (touch -r).
await scenario('same-size-rewrite', (d) => writeFileSync(join(d, 'run.sh'), '#!/bin/sh\necho hello world her\n'), './run.sh',
  (d) => keepTimes(join(d, 'run.sh'), () => writeFileSync(join(d, 'run.sh'), '#!/bin/sh\ndocker compose up -d\n')));

// 2. npm workspaces: a package added under packages/ (listed with readdirSync, not recorded).
await scenario('workspace-added', (d) => {
  writeFileSync(join(d, 'package.json'), JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }));
  mkdirSync(join(d, 'packages/a'), { recursive: true });
  writeFileSync(join(d, 'packages/a/package.json'), JSON.stringify({ name: 'a', scripts: { test: 'echo ok' } }));
}, 'npm test --workspaces', (d) => {
  mkdirSync(join(d, 'packages/b'));
  writeFileSync(join(d, 'packages/b/package.json'), JSON.stringify({ name: 'b', scripts: { test: 'docker compose up -d' } }));
});

// 3. pytest: a test module added to a walked directory whose mtime is then put back (touch -r dir).
await scenario('pytest-dir-touch', (d) => { mkdirSync(join(d, 'tests')); writeFileSync(join(d, 'tests/test_a.py'), 'def test_a():\n    pass\n'); }, 'pytest',
  (d) => keepTimes(join(d, 'tests'), () => writeFileSync(join(d, 'tests/test_b.py'), 'import os\nos.system("docker compose up -d")\n')));

// 5. A directory written into, replaced by a link to the agent host's settings directory.
await scenario('dir-becomes-link', (d) => { mkdirSync(join(d, '.claude')); mkdirSync(join(d, 'cfg')); writeFileSync(join(d, 'new.json'), '{}'); }, 'cp new.json cfg/settings.json',
  (d) => { rmSync(join(d, 'cfg'), { recursive: true }); symlinkSync('.claude', join(d, 'cfg')); });
await scenario('dir-becomes-link-redirect', (d) => { mkdirSync(join(d, '.claude')); mkdirSync(join(d, 'cfg')); }, 'echo {} > cfg/settings.json',
  (d) => { rmSync(join(d, 'cfg'), { recursive: true }); symlinkSync('.claude', join(d, 'cfg')); });
await scenario('dir-becomes-link-hooks', (d) => { mkdirSync(join(d, '.git/hooks'), { recursive: true }); mkdirSync(join(d, 'h')); }, 'printf "docker compose up -d" > h/pre-commit',
  (d) => { rmSync(join(d, 'h'), { recursive: true }); symlinkSync('.git/hooks', join(d, 'h')); });

// 4. A missing script created, the directory's mtime put back.
await scenario('missing-then-created', () => {}, 'bash deploy.sh',
  (d) => keepTimes(d, () => writeFileSync(join(d, 'deploy.sh'), 'docker compose up -d\n')));
