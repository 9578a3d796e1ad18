import { defineConfig } from 'vitest/config';

// One project per test lane (README, "Tests"); `npm test` picks the lanes this machine
// can run and says which it skipped.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'worker',
          include: ['tests/worker/**/*.test.ts'],
          globalSetup: ['tests/worker/build.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'postgres',
          // The db lane's files again, on a real server, plus the concurrency tests.
          include: ['tests/db/**/*.test.ts', 'tests/postgres/**/*.test.ts'],
          // That file tests the embedded chain itself, whatever the lane's engine.
          exclude: ['tests/db/embedded-stack.test.ts'],
          env: { AVENIR_TEST_ENGINE: 'postgres' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/worker/build.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
