import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './http.ts';

/** Hashed assets never change; index.html and the favicons keep their names, so they must be able to. */
function cacheControl(file: string): string {
  if (file.endsWith('.html')) return 'no-cache';
  if (/[\\/]favicon\.(ico|svg)$/.test(file)) return 'public, max-age=86400';
  return 'public, max-age=31536000, immutable';
}

/**
 * Serves the built front ends: the shop's H5 build at `/` (its favicon at /favicon.ico), the admin at
 * `/admin/`. Hashed assets are cached for a year, the favicons for a day; index.html is never cached
 * and is re-read when the build changes it, so a rebuild shows without restarting the server (files
 * are looked up per request, not listed at boot).
 */
export function registerStaticWeb(app: App, sites: { prefix: string; dir: string }[]): string[] {
  const served: string[] = [];
  for (const [i, site] of sites.entries()) {
    const index = path.join(site.dir, 'index.html');
    if (!existsSync(index)) continue;
    void app.register(fastifyStatic, {
      root: site.dir,
      prefix: site.prefix,
      decorateReply: i === 0,
      wildcard: true,
      index: ['index.html'],
      setHeaders(res, file) {
        res.setHeader('cache-control', cacheControl(file));
      },
    });
    let cached = { mtimeMs: -1, html: '' };
    app.spaRoots.push({
      prefix: site.prefix,
      get indexHtml() {
        const mtimeMs = statSync(index, { throwIfNoEntry: false })?.mtimeMs ?? 0;
        if (mtimeMs !== cached.mtimeMs) cached = { mtimeMs, html: existsSync(index) ? readFileSync(index, 'utf8') : '' };
        return cached.html;
      },
    });
    served.push(site.prefix);
  }
  return served;
}
