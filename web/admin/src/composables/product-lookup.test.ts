import type { TProductRow } from '@koi/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chunksOf, forgetProductLookups, useProductLookup } from './product-lookup.ts';

/** The lookup against a fake admin product list that answers the `ids` filter. */

const id = (n: number) => `0190a0a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const row = (n: number): TProductRow => ({
  id: id(n), title: `商品 ${n}`, mainImage: null, status: 'on_sale', categoryName: null, priceMinFen: 100 * n, priceMaxFen: 100 * n,
  stockTotal: 1, sales: 0, skuCount: 1, updatedAt: '2026-01-01T00:00:00Z',
});

function fakeList(deleted: Set<string> = new Set()) {
  const urls: URL[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://koi.test');
    urls.push(url);
    const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
    const items = ids.filter((x) => !deleted.has(x)).map((x) => row(Number(x.slice(-12))));
    return new Response(JSON.stringify({ items, total: items.length }), { status: 200, headers: { 'content-type': 'application/json' } });
  }));
  return urls;
}

describe('product lookup', () => {
  beforeEach(() => forgetProductLookups());
  afterEach(() => vi.unstubAllGlobals());

  it('loads the picked products in one request, and marks the ones the list no longer has as missing', async () => {
    const urls = fakeList(new Set([id(3)]));
    const lookup = useProductLookup();
    await lookup.ensure([id(1), id(2), id(3), id(1)]);
    expect(urls).toHaveLength(1);
    expect(urls[0]!.pathname).toBe('/api/admin/catalog/products');
    expect(urls[0]!.searchParams.get('ids')).toBe([id(1), id(2), id(3)].join(','));
    expect(urls[0]!.searchParams.get('pageSize')).toBe('3');
    expect(lookup.get(id(2))).toMatchObject({ title: '商品 2', priceMinFen: 200 });
    expect(lookup.get(id(3))).toBe('missing');
    // Known ids are not asked for again.
    await lookup.ensure([id(1), id(2)]);
    expect(urls).toHaveLength(1);
  });

  it('asks for a hundred at a time and never sends an id that cannot be a product\'s', async () => {
    const urls = fakeList();
    const lookup = useProductLookup();
    await lookup.ensure([...Array.from({ length: 150 }, (_, i) => id(i + 1)), 'not-a-uuid']);
    expect(urls.map((u) => u.searchParams.get('ids')!.split(',').length)).toEqual([100, 50]);
    expect(urls.every((u) => !u.searchParams.get('ids')!.includes('not-a-uuid'))).toBe(true);
    expect(lookup.get('not-a-uuid')).toBe('missing');
    expect(lookup.get(id(150))).toMatchObject({ title: '商品 150' });
    expect(chunksOf([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });

  it('forgets a failed request so the next look tries again', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 502 })));
    const lookup = useProductLookup();
    await lookup.ensure([id(7)]);
    expect(lookup.get(id(7))).toBeUndefined();
    const urls = fakeList();
    await lookup.ensure([id(7)]);
    expect(urls).toHaveLength(1);
    expect(lookup.get(id(7))).toMatchObject({ title: '商品 7' });
  });
});
