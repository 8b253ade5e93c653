import { ADMIN_PRODUCT_IDS_MAX, ZProductIdList, type TProduct, type TProductRow } from '@koi/contracts';
import { reactive } from 'vue';
import { listProducts } from '@/api/catalog';

/** What a picker or an ordered list needs to show a product it only has the id of. */
export interface TProductBrief {
  id: string;
  title: string;
  image: string | null;
  priceMinFen: number;
  priceMaxFen: number;
  status: TProduct['status'];
}

/** `missing`: the product was deleted (or the id is no product's), so the list can say so rather than spin forever. */
export type TLookup = TProductBrief | 'missing' | 'loading';

// One cache for the session: pickers fill it as the operator browses, lists read from it.
const cache = reactive(new Map<string, TLookup>());

export function briefOfRow(row: TProductRow): TProductBrief {
  return { id: row.id, title: row.title, image: row.mainImage, priceMinFen: row.priceMinFen, priceMaxFen: row.priceMaxFen, status: row.status };
}

const isProductId = (id: string) => ZProductIdList.safeParse(id).success;

/** `ids` in requests of at most ADMIN_PRODUCT_IDS_MAX: one request for any list a grid or a collection page holds. */
export function chunksOf<T>(ids: readonly T[], size = ADMIN_PRODUCT_IDS_MAX): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/**
 * Titles and images of products by id. Ids not seen in a list yet are fetched with the admin list's
 * `ids` filter, up to a hundred per request; an id the list does not return was deleted.
 */
export function useProductLookup() {
  function remember(rows: readonly TProductRow[]): void {
    for (const row of rows) cache.set(row.id, briefOfRow(row));
  }

  async function ensure(ids: readonly string[]): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !cache.has(id));
    // An id that cannot be a product's (a hand-edited block) would fail the whole request.
    for (const id of wanted) cache.set(id, isProductId(id) ? 'loading' : 'missing');
    const queue = wanted.filter(isProductId);
    await Promise.all(chunksOf(queue).map(async (chunk) => {
      try {
        const { items } = await listProducts({ ids: chunk, pageSize: chunk.length }, { silent: true });
        const found = new Map(items.map((row) => [row.id, row]));
        for (const id of chunk) {
          const row = found.get(id);
          cache.set(id, row ? briefOfRow(row) : 'missing');
        }
      } catch {
        for (const id of chunk) cache.delete(id); // try again next time
      }
    }));
  }

  function get(id: string): TLookup | undefined {
    return cache.get(id);
  }

  return { remember, ensure, get };
}

/** Tests start from an empty cache. */
export function forgetProductLookups(): void {
  cache.clear();
}
