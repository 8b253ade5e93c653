import type { TProduct, TProductRow } from '@koi/contracts';
import { reactive } from 'vue';
import { getProduct } from '@/api/catalog';
import { ApiError } from '@/api/http';

/** What a picker or an ordered list needs to show a product it only has the id of. */
export interface TProductBrief {
  id: string;
  title: string;
  image: string | null;
  priceMinFen: number;
  priceMaxFen: number;
  status: TProduct['status'];
}

/** `missing`: the product was deleted (a 404), so the list can say so rather than spin forever. */
export type TLookup = TProductBrief | 'missing' | 'loading';

// One cache for the session: pickers fill it as the operator browses, lists read from it.
const cache = reactive(new Map<string, TLookup>());

export function briefOfRow(row: TProductRow): TProductBrief {
  return { id: row.id, title: row.title, image: row.mainImage, priceMinFen: row.priceMinFen, priceMaxFen: row.priceMaxFen, status: row.status };
}

function briefOfProduct(p: TProduct): TProductBrief {
  return { id: p.id, title: p.title, image: p.images[0] ?? null, priceMinFen: p.priceMinFen, priceMaxFen: p.priceMaxFen, status: p.status };
}

/**
 * Titles and images of products by id. The admin list has no "these ids" filter, so ids not seen in
 * a list are fetched one by one, four at a time; a list is rarely longer than a collection page.
 */
export function useProductLookup() {
  function remember(rows: readonly TProductRow[]): void {
    for (const row of rows) cache.set(row.id, briefOfRow(row));
  }

  async function ensure(ids: readonly string[]): Promise<void> {
    const queue = [...new Set(ids)].filter((id) => !cache.has(id));
    for (const id of queue) cache.set(id, 'loading');
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          cache.set(id, briefOfProduct(await getProduct(id, { silent: true })));
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) cache.set(id, 'missing');
          else cache.delete(id); // try again next time
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
  }

  function get(id: string): TLookup | undefined {
    return cache.get(id);
  }

  return { remember, ensure, get };
}
