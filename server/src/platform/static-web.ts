import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './http.ts';

/**
 * Serves the built front ends: the shop's H5 build at `/`, the admin at `/admin/`. Hashed assets are
 * cached for a year; index.html is never cached so a new build shows at once.
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
      wildcard: false,
      index: ['index.html'],
      setHeaders(res, file) {
        res.setHeader('cache-control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    });
    app.spaRoots.push({ prefix: site.prefix, indexHtml: readFileSync(index, 'utf8') });
    served.push(site.prefix);
  }
  return served;
}
