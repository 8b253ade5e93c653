import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ADDRESS_BOOK_LIMIT } from '@koi/contracts';
import { canAdd, compareEntries, defaultOnSave, successorDefault, type BookEntry } from './address.rules.ts';

/** An in-memory address book driven only by the rules, as the service drives the table. */
class Book {
  entries: BookEntry[] = [];
  private clock = 0;
  private next = 0;
  state() {
    return { count: this.entries.length, defaultId: this.entries.find((e) => e.isDefault)?.id ?? null };
  }
  save(id: string | null, wantsDefault: boolean): string | null {
    if (id === null && !canAdd(this.state())) return null;
    const { isDefault, clearOthers } = defaultOnSave(this.state(), { id, wantsDefault });
    if (clearOthers) for (const e of this.entries) e.isDefault = false;
    const at = ++this.clock;
    if (id === null) {
      const created = { id: `a${String(this.next++).padStart(3, '0')}`, isDefault, updatedAt: at };
      this.entries.push(created);
      return created.id;
    }
    const e = this.entries.find((x) => x.id === id)!;
    e.isDefault = isDefault;
    e.updatedAt = at;
    return id;
  }
  remove(id: string): void {
    const gone = this.entries.find((e) => e.id === id)!;
    this.entries = this.entries.filter((e) => e.id !== id);
    if (gone.isDefault) {
      const heir = successorDefault(this.entries);
      for (const e of this.entries) e.isDefault = e.id === heir;
    }
  }
}

const op = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), wantsDefault: fc.boolean() }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), wantsDefault: fc.boolean() }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
);

describe('address book rules', () => {
  it('makes the first address the default even when not asked', () => {
    expect(defaultOnSave({ count: 0, defaultId: null }, { id: null, wantsDefault: false })).toEqual({ isDefault: true, clearOthers: false });
  });

  it('moves the default when asked, and keeps the current default when it is saved with isDefault false', () => {
    expect(defaultOnSave({ count: 2, defaultId: 'a' }, { id: 'b', wantsDefault: true })).toEqual({ isDefault: true, clearOthers: true });
    expect(defaultOnSave({ count: 2, defaultId: 'a' }, { id: 'a', wantsDefault: false })).toEqual({ isDefault: true, clearOthers: false });
    expect(defaultOnSave({ count: 2, defaultId: 'a' }, { id: 'a', wantsDefault: true })).toEqual({ isDefault: true, clearOthers: false });
    expect(defaultOnSave({ count: 2, defaultId: 'a' }, { id: null, wantsDefault: false })).toEqual({ isDefault: false, clearOthers: false });
  });

  it('refuses the address past the limit', () => {
    expect(canAdd({ count: ADDRESS_BOOK_LIMIT - 1, defaultId: 'a' })).toBe(true);
    expect(canAdd({ count: ADDRESS_BOOK_LIMIT, defaultId: 'a' })).toBe(false);
  });

  it('lists the default first, then the most recently changed', () => {
    const rows: BookEntry[] = [
      { id: 'x', isDefault: false, updatedAt: 5 },
      { id: 'y', isDefault: true, updatedAt: 1 },
      { id: 'z', isDefault: false, updatedAt: 9 },
    ];
    expect([...rows].sort(compareEntries).map((r) => r.id)).toEqual(['y', 'z', 'x']);
    expect(successorDefault(rows.filter((r) => r.id !== 'y'))).toBe('z');
    expect(successorDefault([])).toBeNull();
  });

  it('keeps exactly one default in any non-empty book, whatever the shopper does (property)', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
      const book = new Book();
      for (const o of ops) {
        const ids = book.entries.map((e) => e.id);
        if (o.kind === 'add') {
          const id = book.save(null, o.wantsDefault);
          if (id && o.wantsDefault) expect(book.state().defaultId).toBe(id);
        } else if (o.kind === 'update' && ids.length) {
          const id = ids[o.pick % ids.length]!;
          const wasDefault = book.state().defaultId === id;
          book.save(id, o.wantsDefault);
          if (o.wantsDefault || wasDefault) expect(book.state().defaultId).toBe(id);
        } else if (o.kind === 'remove' && ids.length) {
          book.remove(ids[o.pick % ids.length]!);
        }
        const defaults = book.entries.filter((e) => e.isDefault).length;
        expect(defaults).toBe(book.entries.length ? 1 : 0);
        expect(book.entries.length).toBeLessThanOrEqual(ADDRESS_BOOK_LIMIT);
      }
    }), { numRuns: 300 });
  });
});
