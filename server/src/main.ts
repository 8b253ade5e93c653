import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, ConfigError } from './platform/config.ts';
import { MigrationError } from './platform/migrate.ts';
import { registerStaticWeb } from './platform/static-web.ts';
import { buildKoi } from './app.ts';
import { seedDemo, DEMO_PASSWORD } from './demo/seed.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }

  const koi = await buildKoi(config, {
    extend: ({ app }) => {
      registerStaticWeb(app, [
        { prefix: '/admin/', dir: path.join(root, 'web/admin/dist') },
        { prefix: '/', dir: path.join(root, 'web/shop/dist/build/h5') },
      ]);
    },
  });
  const seeded = config.demo ? await seedDemo(koi) : false;
  await koi.app.listen({ port: config.port, host: config.host });
  await koi.startWorkers();

  const base = config.publicUrl;
  const lines = [
    '',
    `  Koi ${config.demo ? '· demo merchant 青瓷小筑 ' : ''}is running (${koi.db.kind}${config.redisUrl ? ' + redis' : ''})`,
    `  Shop (H5)    ${base}/`,
    `  Admin        ${base}/admin/`,
    `  API docs     ${base}/api/docs`,
  ];
  if (config.providers === 'simulator') lines.push(`  SMS inbox    ${base}/dev/sms   (sign-in codes land here in demo mode)`);
  if (config.demo) lines.push(`  Demo logins  owner@koi.demo / ${DEMO_PASSWORD}  (also operator@, manager.hz@, guide.hz@, service@, finance@koi.demo)`);
  if (seeded) lines.push('  Seeded a fresh demo merchant.');
  console.log(lines.join('\n') + '\n');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    koi.log.info({ signal }, 'shutting down');
    await koi.close().catch((err) => koi.log.error({ err }, 'shutdown failed'));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof MigrationError) console.error(`Migration refused: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
