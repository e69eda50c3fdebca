import { defineConfig } from 'vitest/config'

export default defineConfig({
  // the packages by name (`@xxgk/schema`, `xxgk/…`) resolve to their sources, as in the root tsconfig
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'tests/consumer/app/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
