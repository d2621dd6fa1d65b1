import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          // Property tests run a thousand cases; on a busy 2-core machine one took over 5 s. The
          // timeout only catches a hang: tests check behaviour, not speed.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/src/**/*.int.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Proof suites (access matrix, fuzzing, crash, backup and restore): each has a longer
          // mode behind an npm script, set through HAVEN_PROOF=long.
          name: 'security',
          include: ['security/**/*.security.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          // A page on a busy machine can take a few seconds to settle; polls wait for it.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
