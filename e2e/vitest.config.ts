import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One browser and one server per file; files run one at a time on two cores.
    fileParallelism: false,
  },
});
