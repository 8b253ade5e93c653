import { defineConfig } from 'drizzle-kit';

// One schema, one migration folder for PGlite and PostgreSQL. `npm -w server run db:generate`
// writes a new SQL file after a *.tables.ts change; platform/migrate.ts applies them.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/**/*.tables.ts',
  out: './migrations',
});
