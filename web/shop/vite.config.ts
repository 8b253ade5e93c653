import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import uni from '@dcloudio/vite-plugin-uni';

// The mini-program cannot call a relative URL, so its API base is baked in at build time.
// The H5 build ignores it and calls /api on its own origin (see src/api/request.ts); the H5 dev
// server proxies /api to it.
// The mini-program calls the server by absolute URL: KOI_API_BASE, else the server's public URL.
const apiBase = (process.env.KOI_API_BASE || process.env.KOI_PUBLIC_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');

/**
 * uni-h5's framework CSS preloads navigation-bar shadow images from DCloud's CDN three seconds
 * after start. The shop uses no such shadows, and a private-domain shop should not call a third
 * party (nor fail to, offline), so the URLs are dropped from the emitted CSS.
 */
function noCdnShadows(): Plugin {
  const cdnImage = /url\(['"]?https:\/\/cdn\.dcloud\.net\.cn\/img\/shadow-\w+\.png['"]?\)/g;
  return {
    name: 'koi:no-cdn-shadows',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'asset' && file.fileName.endsWith('.css') && typeof file.source === 'string') {
          file.source = file.source.replace(cdnImage, 'none');
        }
      }
    },
  };
}

/**
 * The H5 shop's icon, at /favicon.ico (browsers ask for it there) and /favicon.svg (index.html links
 * both). uni-app has no public folder of its own and copies src/static into the mini-program too,
 * so the files in public/ are emitted here, for H5 only.
 */
function h5Favicon(): Plugin {
  return {
    name: 'koi:h5-favicon',
    apply: 'build',
    generateBundle() {
      if (process.env.UNI_PLATFORM !== 'h5') return;
      for (const fileName of ['favicon.ico', 'favicon.svg']) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(new URL(`./public/${fileName}`, import.meta.url)) });
      }
    },
  };
}

/**
 * zod 4 carries `@__PURE__` comments Rollup cannot place (harmless: it drops them) and says so at
 * length on every build. uni's own config sets rollupOptions.onwarn and wins over ours, so this
 * runs after it (enforce: 'post') and wraps its handler.
 */
function quietZodAnnotations(): Plugin {
  return {
    name: 'koi:quiet-zod-annotations',
    enforce: 'post',
    config(config) {
      const previous = config.build?.rollupOptions?.onwarn;
      return {
        build: {
          rollupOptions: {
            onwarn(warning, warn) {
              if (warning.code === 'INVALID_ANNOTATION' && (warning.id ?? '').includes('/zod/')) return;
              if (previous) previous(warning, warn);
              else warn(warning);
            },
          },
        },
      };
    },
  };
}

export default defineConfig({
  plugins: [uni(), noCdnShadows(), quietZodAnnotations(), h5Favicon()],
  define: {
    __KOI_API_BASE__: JSON.stringify(apiBase),
  },
  server: {
    // `npm run dev:h5` serves the shop on its own port; the API and the demo SMS inbox stay on the server.
    proxy: { '/api': apiBase, '/dev': apiBase },
  },
  resolve: {
    // @koi/contracts is a symlink to ../../packages/contracts; without dedupe its `import 'zod'`
    // would resolve from the repository root and bundle a second copy.
    dedupe: ['zod'],
  },
});
