// Shared test helpers: the seed's project config and throw-away directories.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
