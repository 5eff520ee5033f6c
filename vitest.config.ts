import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships CJS (`main`) and ESM (`module`) builds; Node loads the CJS one for every package
  // (Apollo, graphql-ws, graphql-tools), Vite would hand the project's own files the ESM one, and
  // graphql refuses a schema or error made by the other build. One build, as in production.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Builds web/dist when it is missing or stale (the browser tests serve it).
    globalSetup: ['test/global-setup.ts'],
    // Integration tests start real HTTPS servers; two cores, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
