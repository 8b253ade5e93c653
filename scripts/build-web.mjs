// Builds the front ends the server serves (admin → web/admin/dist, shop H5 → web/shop/dist/build/h5),
// each only when its sources changed since the last build (content hash kept in .koi-cache/).
//   node scripts/build-web.mjs            build what changed
//   node scripts/build-web.mjs --force    build everything
//   node scripts/build-web.mjs --mp       also the WeChat mini-program (web/shop/dist/build/mp-weixin)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const cacheDir = path.join(root, '.koi-cache');
mkdirSync(cacheDir, { recursive: true });

function hashTree(paths) {
  const h = createHash('sha256');
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!['node_modules', 'dist', 'unpackage'].includes(name)) walk(path.join(p, name));
    } else {
      h.update(path.relative(root, p));
      h.update(readFileSync(p));
    }
  };
  paths.forEach((p) => walk(path.join(root, p)));
  return h.digest('hex');
}

const sites = [
  {
    name: 'admin',
    inputs: ['web/admin/src', 'web/admin/public', 'web/admin/index.html', 'web/admin/vite.config.ts', 'web/admin/package.json', 'packages/contracts/src'],
    output: 'web/admin/dist/index.html',
    cmd: ['npm', ['-w', 'web/admin', 'run', 'build']],
  },
  {
    name: 'shop-h5',
    inputs: ['web/shop/src', 'web/shop/public', 'web/shop/index.html', 'web/shop/vite.config.ts', 'web/shop/package.json', 'packages/contracts/src'],
    output: 'web/shop/dist/build/h5/index.html',
    cmd: ['npm', ['--prefix', 'web/shop', 'run', 'build:h5']],
  },
];
if (process.argv.includes('--mp')) {
  sites.push({
    name: 'shop-mp',
    inputs: sites[1].inputs,
    output: 'web/shop/dist/build/mp-weixin/app.json',
    cmd: ['npm', ['--prefix', 'web/shop', 'run', 'build:mp']],
    extraKey: `${process.env.KOI_API_BASE ?? ''}|${process.env.KOI_PUBLIC_URL ?? ''}`,
  });
}

let failed = false;
for (const site of sites) {
  const key = hashTree(site.inputs) + (site.extraKey ?? '');
  const stamp = path.join(cacheDir, `${site.name}.hash`);
  const fresh = !force && existsSync(path.join(root, site.output)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === key;
  if (fresh) {
    console.log(`[build] ${site.name}: up to date`);
    continue;
  }
  if (site.name.startsWith('shop') && !existsSync(path.join(root, 'web/shop/node_modules'))) {
    console.log(`[build] ${site.name}: installing web/shop dependencies first`);
    spawnSync('node', ['scripts/install-shop.mjs'], { cwd: root, stdio: 'inherit' });
  }
  const t0 = Date.now();
  console.log(`[build] ${site.name}: building…`);
  const r = spawnSync(site.cmd[0], site.cmd[1], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) {
    console.error(r.stdout?.slice(-4000), r.stderr?.slice(-4000));
    console.error(`[build] ${site.name}: FAILED`);
    failed = true;
    continue;
  }
  writeFileSync(stamp, key);
  console.log(`[build] ${site.name}: built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
process.exit(failed ? 1 : 0);
