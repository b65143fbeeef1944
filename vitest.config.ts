import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The test files sit at the top of test/ (its subdirectories are fixtures): no walk of them, for vitest or the guard.
    include: ['test/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
