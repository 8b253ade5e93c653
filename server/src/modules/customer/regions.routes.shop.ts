import { z } from 'zod';
import { ZRegionChildren, ZRegionChildrenQuery, ZRegionTree, type TRegionTree } from '@koi/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../platform/http.ts';
import { KoiError } from '../../platform/errors.ts';
import type { Regions } from './regions.ts';

/** The data changes only with a new release of the region package: a day in caches, then revalidate. */
const CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

/** Weak comparison as RFC 9110 §13.1.2 describes for If-None-Match (a list, or *). */
function notModified(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').map((t) => t.trim().replace(/^W\//, '')).some((t) => t === etag || t === '*');
}

function cacheable(reply: FastifyReply, etag: string): void {
  reply.header('etag', etag).header('cache-control', CACHE_CONTROL).header('vary', 'accept-encoding');
}

export function registerRegionRoutes(app: App, regions: Regions) {
  const treeEtag = `"${regions.version}"`;

  app.get('/api/shop/regions', {
    schema: {
      tags: ['shop'],
      summary: 'Provinces, cities and districts (GB/T 2260), the whole tree; ETag + Cache-Control',
      response: { 200: ZRegionTree, 304: z.null().describe('Not modified') },
    },
  }, async (req, reply) => {
    cacheable(reply, treeEtag);
    if (notModified(req, treeEtag)) return reply.code(304).send(null);
    // Serialised once at boot: fastify sends a string with a JSON content type as it is (no
    // serializer runs), so the type provider's object type does not describe this payload.
    return reply.type('application/json; charset=utf-8').send(regions.treeJson as unknown as TRegionTree);
  });

  app.get('/api/shop/regions/children', {
    schema: {
      tags: ['shop'],
      summary: 'One level of the region tree: provinces, or the children of `parent`',
      querystring: ZRegionChildrenQuery,
      response: { 200: ZRegionChildren, 304: z.null().describe('Not modified') },
    },
  }, async (req, reply) => {
    const items = regions.children(req.query.parent);
    if (!items) throw new KoiError('resource.not_found', { what: 'region' });
    const etag = `"${regions.version}-${req.query.parent ?? 'root'}"`;
    cacheable(reply, etag);
    if (notModified(req, etag)) return reply.code(304).send(null);
    return { version: regions.version, items };
  });
}
