import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../platform/config.ts';
import { buildKoi } from '../app.ts';
import { seedDemo } from './seed.ts';

/** `npm run demo:reset`: wipes the database (PGlite folder or the PostgreSQL schemas) and seeds the demo again. */
const config = loadConfig();
if (config.databaseUrl) {
  const client = new pg.Client({ connectionString: config.databaseUrl });
  await client.connect();
  await client.query('drop schema if exists public cascade; drop schema if exists pgboss cascade; create schema public;');
  await client.end();
} else {
  rmSync(path.join(config.dataDir, 'pglite'), { recursive: true, force: true });
}
const koi = await buildKoi({ ...config, demo: true });
await seedDemo(koi);
await koi.close();
console.log('Demo merchant reset. Run `npm start`.');
