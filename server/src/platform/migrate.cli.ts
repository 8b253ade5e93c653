import { loadConfig } from './config.ts';
import { openDb } from './db.ts';
import { migrate } from './migrate.ts';

const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const { applied } = await migrate(db);
  console.log(applied.length ? `applied ${applied.length}: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await db.close();
}
