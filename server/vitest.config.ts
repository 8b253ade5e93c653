import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // A file's beforeAll boots Koi and seeds the whole demo merchant: minutes on a busy 2-core machine.
    hookTimeout: 240_000,
    pool: 'forks',
    // Two cores here; each integration file opens its own database (PGlite in memory, or a fresh PostgreSQL database).
    maxWorkers: 2,
    reporters: ['default'],
    env: { KOI_LOG_LEVEL: 'silent' },
  },
});
