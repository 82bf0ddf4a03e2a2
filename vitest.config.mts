import { defineConfig } from 'vitest/config';

// Vitest's transform (oxc) emits decorator metadata for files inside tsconfig.json's `include`,
// which type-graphql and TypeORM read.
export default defineConfig({
  resolve: {
    // One copy of graphql: the CommonJS build that type-graphql and Apollo load.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
