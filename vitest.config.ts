import { defineConfig } from 'vitest/config';

// Four projects so `npm run test:unit` stays quick while `npm test` runs everything.
export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
          // Documents are read in a worker thread, which runs JavaScript: this bundles its entry.
          globalSetup: ['./test/setup/document-reader-worker.ts'],
          // The four projects share two cores; a quick test can wait its turn behind a packaging build.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          // cli.e2e runs the services from source; the built hosts find the worker beside them.
          globalSetup: ['./test/setup/document-reader-worker.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // What the window shows after a document is read in its worker can take more than
          // expect.poll's default second on two busy cores; an outcome, never a time, is checked.
          expect: { poll: { timeout: 10_000 } },
          // One Chromium at a time: CI machines have two cores.
          fileParallelism: false,
        },
      },
      {
        test: {
          // Kills a store writer 200 times and checks every claim's history after each kill
          // (test/crash/store-crash.test.ts); about five minutes on two cores.
          name: 'crash',
          include: ['test/crash/**/*.test.ts'],
          environment: 'node',
          // The bundled writer imports documents, so it needs the reader worker too.
          globalSetup: ['./test/setup/document-reader-worker.ts'],
          testTimeout: 900_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'packaging',
          include: ['test/packaging/**/*.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
