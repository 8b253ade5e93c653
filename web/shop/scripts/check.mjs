// Checks the two builds and the install layout of web/shop. Run after build:h5 and build:mp:
//   npm --prefix web/shop run check
// (a) mp-weixin: every page of src/pages.json has .js/.json/.wxml/.wxss, and every wot-design-uni
//     component the sources use (and every component a page's .json points at) is in the output;
// (b) vue resolves from web/shop to its own node_modules at the exact version uni-app pins, not to
//     the repository root's vue; vite and every @dcloudio/* package are pinned as uni-app needs;
// (c) the H5 build has an index.html whose assets load from base path `/`, and its favicon.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const shop = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const mpDir = join(shop, 'dist/build/mp-weixin');
const h5Dir = join(shop, 'dist/build/h5');
const failures = [];
const notes = [];
const fail = (msg) => failures.push(msg);
const rel = (p) => relative(shop, p) || '.';
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));
/** pages.json may carry comments (uni-app allows them); strip them outside strings. */
const readJsonc = (p) =>
  JSON.parse(readFileSync(p, 'utf8').replace(/("(?:\\.|[^"\\])*")|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m, str) => str ?? ''));

function walk(dir, filter, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, filter, out);
    else if (filter(p)) out.push(p);
  }
  return out;
}

// (a) the mini-program output
function checkMiniProgram() {
  if (!existsSync(mpDir)) return fail(`${rel(mpDir)} is missing: run \`npm run build:mp\` first`);
  const pagesJson = readJsonc(join(shop, 'src/pages.json'));
  const pages = [
    ...pagesJson.pages.map((p) => p.path),
    ...(pagesJson.subPackages ?? []).flatMap((sp) => sp.pages.map((p) => `${sp.root}/${p.path}`)),
  ];
  for (const page of pages) {
    for (const ext of ['js', 'json', 'wxml', 'wxss']) {
      const file = join(mpDir, `${page}.${ext}`);
      if (!existsSync(file)) fail(`mp-weixin: page ${page} has no ${rel(file)}`);
    }
  }
  const appJson = join(mpDir, 'app.json');
  if (existsSync(appJson)) {
    const listed = readJson(appJson).pages ?? [];
    for (const page of pagesJson.pages.map((p) => p.path)) if (!listed.includes(page)) fail(`mp-weixin: app.json does not list ${page}`);
  } else fail('mp-weixin: app.json is missing');

  // Components the sources use, by tag name: <wd-button ...> → node-modules/wot-design-uni/components/wd-button/
  const used = new Set();
  for (const file of walk(join(shop, 'src'), (p) => p.endsWith('.vue'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/<(wd-[a-z0-9-]+)[\s/>]/g)) used.add(m[1]);
  }
  const wotOut = join(mpDir, 'node-modules/wot-design-uni/components');
  for (const tag of [...used].sort()) {
    for (const ext of ['js', 'json', 'wxml', 'wxss']) {
      const file = join(wotOut, tag, `${tag}.${ext}`);
      if (!existsSync(file)) fail(`mp-weixin: component ${tag} is used in src but ${rel(file)} is missing`);
    }
  }
  notes.push(`mp-weixin: ${pages.length} pages, ${used.size} wot-design-uni components used (${[...used].sort().join(', ')})`);

  // Every usingComponents entry of every output .json must point at a component that exists.
  let refs = 0;
  for (const jsonFile of walk(mpDir, (p) => p.endsWith('.json') && !p.endsWith('project.config.json'))) {
    const using = readJson(jsonFile).usingComponents ?? {};
    for (const [name, target] of Object.entries(using)) {
      if (target.startsWith('plugin://')) continue;
      refs++;
      const base = target.startsWith('/') ? join(mpDir, target) : resolve(dirname(jsonFile), target);
      if (!existsSync(`${base}.js`) || !existsSync(`${base}.wxml`)) fail(`mp-weixin: ${rel(jsonFile)} uses <${name}> from ${target}, which is not in the output`);
    }
  }
  notes.push(`mp-weixin: ${refs} usingComponents references resolved`);
}

// (b) the install layout
function checkVersions() {
  const require = createRequire(join(shop, 'package.json'));
  const pkg = readJson(join(shop, 'package.json'));
  const pluginPkg = readJson(require.resolve('@dcloudio/vite-plugin-uni/package.json'));
  const uniVersion = pluginPkg.version;
  const vuePinned = pluginPkg.dependencies['@vue/compiler-sfc'];
  const vitePinned = pluginPkg.peerDependencies.vite;

  let vuePkgPath;
  try {
    vuePkgPath = realpathSync(require.resolve('vue/package.json'));
  } catch {
    return fail('vue does not resolve from web/shop: run `npm --prefix web/shop ci`');
  }
  const expected = join(shop, 'node_modules/vue/package.json');
  const vueVersion = readJson(vuePkgPath).version;
  if (!existsSync(expected) || vuePkgPath !== realpathSync(expected)) {
    fail(`vue resolves to ${vuePkgPath} (${vueVersion}), expected ${expected}: web/shop must not use the root's vue`);
  }
  if (vueVersion !== vuePinned) fail(`vue is ${vueVersion}, uni-app ${uniVersion} pins ${vuePinned}`);
  if (pkg.dependencies.vue !== vuePinned) fail(`package.json asks for vue "${pkg.dependencies.vue}", pin it to exactly "${vuePinned}"`);

  const viteVersion = readJson(require.resolve('vite/package.json')).version;
  if (viteVersion !== vitePinned) fail(`vite is ${viteVersion}, uni-app ${uniVersion} needs ${vitePinned}`);

  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  for (const [name, range] of Object.entries(deps)) {
    if (!name.startsWith('@dcloudio/') || name === '@dcloudio/types') continue;
    if (range !== uniVersion) fail(`${name} is "${range}" in package.json; every @dcloudio/* package must be exactly ${uniVersion}`);
    const installed = readJson(require.resolve(`${name}/package.json`)).version;
    if (installed !== uniVersion) fail(`${name} ${installed} is installed, expected ${uniVersion}`);
  }
  notes.push(`versions: uni-app ${uniVersion}, vue ${vueVersion} (${rel(vuePkgPath)}), vite ${viteVersion}`);
}

// (c) the H5 output
function checkH5() {
  const index = join(h5Dir, 'index.html');
  if (!existsSync(index)) return fail(`${rel(index)} is missing: run \`npm run build:h5\` first`);
  const html = readFileSync(index, 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  if (!assets.length) fail('h5: index.html references no script or stylesheet');
  for (const a of assets) {
    if (!a.startsWith('/')) fail(`h5: ${a} is not under base path /`);
    else if (!existsSync(join(h5Dir, a))) fail(`h5: index.html references ${a}, which is not in ${rel(h5Dir)}`);
  }
  notes.push(`h5: index.html with ${assets.length} assets under /`);
  // The icon browsers ask for at /favicon.ico, and the ones index.html links.
  const icons = [...html.matchAll(/<link rel="icon" href="([^"]+)"/g)].map((m) => m[1]);
  for (const icon of new Set(['/favicon.ico', ...icons])) {
    if (!existsSync(join(h5Dir, icon))) fail(`h5: ${icon} is not in ${rel(h5Dir)}`);
  }
  if (existsSync(join(mpDir, 'favicon.ico'))) fail('mp-weixin: favicon.ico belongs to H5 only');
  notes.push(`h5: favicon at ${[...new Set(['/favicon.ico', ...icons])].join(', ')}`);
}

checkMiniProgram();
checkVersions();
checkH5();
for (const n of notes) console.log(`ok  ${n}`);
if (failures.length) {
  for (const f of failures) console.error(`FAIL ${f}`);
  console.error(`shop check: ${failures.length} problem(s)`);
  process.exit(1);
}
console.log('shop check: all good');
