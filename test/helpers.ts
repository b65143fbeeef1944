// Shared test helpers: the seed's project config and throw-away directories.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createGuard, type Guard } from '../src/index.js';

/** The project from the seed document (GitOps.md). */
export const SEED = {
  host: 'ainetic.tech',
  remotePath: '/root/projects/CodeFoundry',
  composeFiles: ['server/docker-compose.yml'],
};

/** The executable the package installs (package.json "bin"): what agent hosts and people run. */
export const BIN = join(import.meta.dirname, '..',
  (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['gitops-guard']!);

export function tempDir(prefix = 'gitops-guard-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write files (path → contents) under a new temp dir; returns the dir. */
export function project(files: Record<string, string> = {}): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

let seedGuard: Promise<Guard> | undefined;
/** A guard for the seed project, running in an empty directory. */
export function seed(): Promise<Guard> {
  seedGuard ??= createGuard({ config: SEED, cwd: project() });
  return seedGuard;
}

/**
 * For tests that run real git: git's global and system configuration left out for the whole file (the
 * classifier sees the environment the git commands run with), and `decide` by a guard made once.
 */
export function isolatedGit(): (command: string, cwd: string) => string {
  let guard: Guard;
  const saved = { GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM: process.env.GIT_CONFIG_NOSYSTEM };
  beforeAll(async () => {
    process.env.GIT_CONFIG_GLOBAL = '/dev/null';
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    guard = await createGuard({ config: SEED, cwd: tempDir(), fastPath: false });
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
  });
  return (command, cwd) => guard.classify(command, { cwd }).decision;
}
