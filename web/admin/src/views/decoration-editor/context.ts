import { Aim, Bell, Document, Goods, Grid, Picture, Present, Ticket } from '@element-plus/icons-vue';
import type { TBlock, TCollection, TProductCard } from '@koi/contracts';
import { inject, type Component, type ComputedRef, type InjectionKey, type Ref } from 'vue';
import type { TDecoratedPageSummary } from '@/api/catalog-types';
import type { useCategories } from '@/composables/categories';
import type { TBlockKind } from './blocks.ts';

/** What every part of the decoration editor reads: lookups for pickers and the server's resolved preview. */
export interface TEditorContext {
  collections: Ref<TCollection[]>;
  pages: Ref<TDecoratedPageSummary[]>;
  categories: ReturnType<typeof useCategories>;
  /** Product cards of each product grid, by block id, from the last preview of the saved draft. */
  resolved: Ref<Map<string, TProductCard[]>>;
  /** The grid settings those cards were resolved for (see gridKey), to tell when they are stale. */
  resolvedFor: Ref<Map<string, string>>;
  canManage: ComputedRef<boolean>;
}

export const EDITOR: InjectionKey<TEditorContext> = Symbol('decoration-editor');

export function useEditor(): TEditorContext {
  const context = inject(EDITOR);
  if (!context) throw new Error('useEditor() outside the decoration editor');
  return context;
}

/** What decides a grid's products: a changed source or limit needs a save before the preview can show it. */
export function gridKey(block: TBlock): string {
  return block.kind === 'product_grid' ? JSON.stringify([block.source, block.limit]) : '';
}

export const BLOCK_ICONS: Record<TBlockKind, Component> = {
  banner: Picture,
  notice: Bell,
  category_nav: Grid,
  product_grid: Goods,
  rich_text: Document,
  image_hotspot: Aim,
  coupon: Ticket,
  activity: Present,
};

/** The MIME-like type a palette drag carries (the block kind), distinct from reordering drags. */
export const PALETTE_DRAG = 'application/x-koi-block';
