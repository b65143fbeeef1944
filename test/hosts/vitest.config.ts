// `npm run test:hosts`: the hooks inside the real agent hosts (test/hosts/). Not part of `npm test`:
// it installs the pinned hosts (~1 GB) into a cache outside the repository on its first run.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/hosts/**/*.hosts.ts'],
    globalSetup: ['test/hosts/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
