// Koi as deployed (all modules, logging off), on the database the environment names; prints a staff
// token for the authenticated route once ready.
import { loadConfig } from '../../src/platform/config.ts';
import { buildKoi } from '../../src/app.ts';
import { seedDemo } from '../../src/demo/seed.ts';

const config = loadConfig({ ...process.env, KOI_LOG_LEVEL: 'silent', KOI_DEMO: 'true', HOST: '127.0.0.1' });
const koi = await buildKoi(config, { memory: !config.databaseUrl });
await seedDemo(koi);
await koi.app.listen({ port: config.port, host: '127.0.0.1' });
const session = await koi.identity.staff.login('owner@koi.demo', 'koi-demo-2026', { ip: '127.0.0.1' });
console.log(JSON.stringify({ ready: true, token: session.token }));
