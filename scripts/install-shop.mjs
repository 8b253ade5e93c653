// web/shop lives outside the workspaces with its own lockfile: uni-app's mini-program build
// breaks when wot-design-uni is hoisted to the root, and it pins an older vue and vite.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
if (process.env.KOI_SKIP_SHOP_INSTALL) process.exit(0);
if (!existsSync('web/shop/package.json')) process.exit(0);
const cmd = existsSync('web/shop/package-lock.json') ? 'ci' : 'install';
const r = spawnSync('npm', ['--prefix', 'web/shop', cmd, '--no-audit', '--no-fund'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
