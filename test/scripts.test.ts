// Local scripts are judged by what they run: ./x.sh, bash x.sh, source x.sh, npm run X, make X,
// interpreter scripts. Missing ones are judged as written; unreadable ones ask.
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createGuard } from '../src/index.js';
import { project, SEED } from './helpers.js';

async function guardIn(files: Record<string, string>) {
  const dir = project(files);
  return { dir, guard: await createGuard({ config: SEED, cwd: dir }) };
}

describe('shell scripts run by name', () => {
  it('judges ./deploy.sh, bash deploy.sh, sh, source and . by their contents', async () => {
    const { guard } = await guardIn({
      'deploy.sh': '#!/bin/bash\nset -e\necho deploying\ndocker compose up -d\n',
      'look.sh': '#!/bin/sh\ndf -h\n',
      'scripts/inner.sh': 'docker restart web\n',
      'outer.sh': './scripts/inner.sh\n',
    });
    for (const cmd of ['./deploy.sh', 'bash deploy.sh', 'sh ./deploy.sh', 'source deploy.sh', '. ./deploy.sh',
      'sudo ./deploy.sh', 'bash -x deploy.sh arg']) {
      const v = guard.classify(cmd);
      expect(v.decision, cmd).toBe('deny');
      expect(v.findings[0]!.via.join(' ')).toContain('deploy.sh');
      expect(v.rewrite, 'a script is not replaced by a rewrite').toBeUndefined();
    }
    expect(guard.classify('./look.sh').decision).toBe('allow');
    expect(guard.classify('bash outer.sh').decision).toBe('deny');
  });

  it('looks scripts up from the directory the command runs in, following cd', async () => {
    const { guard } = await guardIn({ 'ops/deploy.sh': 'docker compose up -d\n' });
    expect(guard.classify('cd ops && ./deploy.sh').decision).toBe('deny');
    expect(guard.classify('./deploy.sh').decision).toBe('allow');
    expect(guard.classify('cd "$X" && ./deploy.sh').decision).toBe('ask');
  });

  it('judges a script that does not exist as written', async () => {
    const { guard } = await guardIn({});
    expect(guard.classify('./nope.sh').decision).toBe('allow');
    expect(guard.classify('bash nope.sh').decision).toBe('allow');
  });

  it('asks about a script that exists but cannot be read or parsed', async () => {
    const { dir, guard } = await guardIn({
      'broken.sh': 'docker compose up -d "\n',
      'huge.sh': `# ${'x'.repeat(2 * 1024 * 1024)}\n`,
    });
    mkdirSync(join(dir, 'fifo-dir'));
    execFileSync('mkfifo', [join(dir, 'pipe.sh')]);
    expect(guard.classify('./broken.sh').decision).toBe('ask');
    expect(guard.classify('./huge.sh').decision).toBe('ask');
    expect(guard.classify('bash pipe.sh').decision).toBe('ask');
  });

  it('follows a script that runs itself without looping', async () => {
    const { guard } = await guardIn({ 'loop.sh': './loop.sh\nbash loop.sh\n' });
    expect(guard.classify('./loop.sh').decision).toBe('allow');
  });

  it('reads scripts through symlinks, and scripts with no shebang as sh', async () => {
    const { dir, guard } = await guardIn({ 'real.sh': 'docker ps\n' });
    symlinkSync(join(dir, 'real.sh'), join(dir, 'link.sh'));
    chmodSync(join(dir, 'real.sh'), 0o755);
    expect(guard.classify('./link.sh').decision).toBe('deny');
  });

  it('scans interpreter scripts for managed commands', async () => {
    const { guard } = await guardIn({
      'deploy.py': 'import subprocess\nsubprocess.run(["docker", "compose", "up", "-d"])\n',
      'ok.py': 'print("hello")\n',
      'tool': '#!/usr/bin/env python3\nimport os\nos.system("docker restart web")\n',
    });
    expect(guard.classify('python3 deploy.py').decision).toBe('deny');
    expect(guard.classify('python3 ok.py').decision).toBe('allow');
    expect(guard.classify('./tool').decision).toBe('deny');
  });
});

describe('npm, yarn, pnpm scripts', () => {
  const pkg = JSON.stringify({
    scripts: {
      deploy: 'docker compose up -d',
      prestart: 'docker compose pull',
      start: 'node server.js',
      build: 'tsc -p .',
      chain: 'npm run build && npm run deploy',
    },
  });
  it('judges npm run X by the script text, with pre/post scripts', async () => {
    const { guard } = await guardIn({ 'package.json': pkg });
    expect(guard.classify('npm run deploy').decision).toBe('deny');
    expect(guard.classify('npm run build').decision).toBe('allow');
    expect(guard.classify('npm start').decision).toBe('deny');
    expect(guard.classify('npm run chain').decision).toBe('deny');
    expect(guard.classify('yarn deploy').decision).toBe('deny');
    expect(guard.classify('pnpm run deploy').decision).toBe('deny');
    expect(guard.classify('npm run missing').decision).toBe('allow');
    expect(guard.classify('npm install').decision).toBe('allow');
  });
  it('finds package.json in a parent directory and with --prefix', async () => {
    const { guard } = await guardIn({ 'package.json': pkg, 'src/x.ts': '' });
    expect(guard.classify('cd src && npm run deploy').decision).toBe('deny');
    const other = await guardIn({ 'app/package.json': pkg });
    expect(other.guard.classify('npm --prefix app run deploy').decision).toBe('deny');
  });
  it('asks when package.json is not valid JSON', async () => {
    const { guard } = await guardIn({ 'package.json': '{ nope' });
    expect(guard.classify('npm run deploy').decision).toBe('ask');
  });
});

describe('make targets', () => {
  const makefile = [
    'COMPOSE := docker compose',
    'SERVICE ?= web',
    '.PHONY: deploy build restart all',
    'all: build',
    'build:',
    '\t@echo building',
    '\ttsc -p .',
    'deploy: build',
    '\t$(COMPOSE) up -d',
    'restart:',
    '\t-docker restart $(SERVICE)',
    'dyn:',
    '\t$(TOOL) ps',
    '',
  ].join('\n');
  it('judges make X by its recipe and its prerequisites, with make variables expanded', async () => {
    const { guard } = await guardIn({ Makefile: makefile });
    expect(guard.classify('make deploy').decision).toBe('deny');
    expect(guard.classify('make build').decision).toBe('allow');
    expect(guard.classify('make').decision).toBe('allow');
    expect(guard.classify('make restart').decision).toBe('deny');
    expect(guard.classify('make dyn').decision).toBe('ask');
    expect(guard.classify('make -C . deploy').decision).toBe('deny');
    expect(guard.classify('make nothing-here').decision).toBe('allow');
  });
  it('reads -f FILE and the default target', async () => {
    const { guard } = await guardIn({ 'ops.mk': 'go:\n\tdocker compose up -d\n' });
    expect(guard.classify('make -f ops.mk').decision).toBe('deny');
  });
});
