// `npm test`: everything, in order — typecheck, server unit + integration tests (PGlite always;
// PostgreSQL when DATABASE_URL is set; Redis when REDIS_URL is set), admin unit tests, both shop
// builds (H5 and the WeChat mini-program) with their checks, then browser end-to-end tests when
// Chromium is installed. Prints what it skipped and why, and one closing line with the totals.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, '.koi-cache/test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const skipped = [];
const steps = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
const chromium = process.env.KOI_CHROMIUM ?? '/usr/bin/chromium';

function run(name, cmd, args, opts = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  const ok = r.status === 0;
  steps.push({ name, ok, seconds: (Date.now() - t0) / 1000 });
  if (!ok) console.error(`✗ ${name} failed (exit ${r.status ?? r.signal})`);
  return ok;
}

function vitest(name, workspace, extra = []) {
  const out = path.join(reports, `${name.replace(/\W+/g, '-')}.json`);
  const ok = run(name, 'npm', ['-w', workspace, 'exec', '--', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`, ...extra]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  } else if (!ok) totals.failed += 1;
  return ok;
}

/** node:test prints TAP-style totals (`# pass N`, `# fail N`); count them with the rest. */
function nodeTest(name, cmd, args) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: process.env });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  const count = (label) => Number((r.stdout ?? '').match(new RegExp(`^# ${label} (\\d+)`, 'm'))?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail');
  totals.skipped += count('skipped');
  const ok = r.status === 0;
  steps.push({ name, ok, seconds: (Date.now() - t0) / 1000 });
  if (!ok) console.error(`✗ ${name} failed (exit ${r.status ?? r.signal})`);
  return ok;
}

if (!process.env.DATABASE_URL) skipped.push('PostgreSQL integration runs: DATABASE_URL is not set (PGlite runs only)');
if (!process.env.REDIS_URL) skipped.push('Redis rate-limiter tests: REDIS_URL is not set');

run('typecheck', 'npm', ['run', 'typecheck']);
vitest('server tests', 'server');
vitest('admin tests', 'web/admin');
const built = run('build admin + shop H5', process.execPath, ['scripts/build-web.mjs']);
const mp = run('build shop for WeChat mini-program', 'npm', ['--prefix', 'web/shop', 'run', 'build:mp']);
nodeTest('shop unit tests', 'npm', ['--prefix', 'web/shop', 'run', 'test:unit']);
if (built && mp) run('shop checks (pages in the mini-program build, its own vue)', 'npm', ['--prefix', 'web/shop', 'run', 'check']);
else skipped.push('shop checks: a shop build failed');

if (!existsSync(chromium)) skipped.push(`browser end-to-end tests: no Chromium at ${chromium} (apt-get install -y chromium)`);
else if (!built) skipped.push('browser end-to-end tests: the front-end build failed');
else vitest('browser end-to-end tests', 'e2e', ['--config', 'vitest.config.ts']);

console.log('\n── summary ──');
for (const s of steps) console.log(`${s.ok ? '✓' : '✗'} ${s.name} (${s.seconds.toFixed(1)} s)`);
for (const s of skipped) console.log(`⊘ SKIPPED ${s}`);
const failedSteps = steps.filter((s) => !s.ok).length;
if (failedSteps && totals.failed === 0) totals.failed = failedSteps;
console.log(`\nkoi: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps ? 1 : 0);
