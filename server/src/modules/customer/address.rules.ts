/**
 * Rules of a shopper's address book: which address is the default after a change, what a full book
 * refuses, the order addresses are listed in. Pure: the service passes the book's state.
 *
 * The invariant: a book with at least one address has exactly one default. The first address is the
 * default whatever the shopper asked; `isDefault: true` moves the default; `isDefault: false` on the
 * current default keeps it (a shopper cannot end up with none); deleting the default hands it to the
 * most recently changed remaining address.
 */
import { ADDRESS_BOOK_LIMIT } from '@koi/contracts';

export type BookState = { count: number; defaultId: string | null };
export type BookEntry = { id: string; isDefault: boolean; updatedAt: number };

/** What saving one address does to the default flag: its own value, and whether the old default is cleared. */
export function defaultOnSave(book: BookState, target: { id: string | null; wantsDefault: boolean }): { isDefault: boolean; clearOthers: boolean } {
  const isCurrentDefault = target.id !== null && target.id === book.defaultId;
  const isDefault = target.wantsDefault || isCurrentDefault || book.defaultId === null;
  return { isDefault, clearOthers: isDefault && !isCurrentDefault && book.defaultId !== null };
}

/** May one more address be added? */
export function canAdd(book: BookState, limit = ADDRESS_BOOK_LIMIT): boolean {
  return book.count < limit;
}

/** Listing and succession order: the default first, then the most recently changed (id breaks ties). */
export function compareEntries(a: BookEntry, b: BookEntry): number {
  if (a.isDefault !== b.isDefault) return a.isDefault ? -1 : 1;
  if (a.updatedAt !== b.updatedAt) return b.updatedAt - a.updatedAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Who becomes the default when the default is deleted: the first of the rest in listing order. */
export function successorDefault(remaining: readonly BookEntry[]): string | null {
  return [...remaining].sort(compareEntries)[0]?.id ?? null;
}
