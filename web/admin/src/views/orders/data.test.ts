import { ZAdminOrderQuery } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import { dayBound, emptyFilters, filterQuery } from './data.ts';

describe('order filters → query', () => {
  it('leaves out what is empty, `all` included', () => {
    expect(filterQuery(emptyFilters())).toEqual({});
    expect(filterQuery({ status: 'all', q: '   ', range: null })).toEqual({});
  });

  it('sends the status, the search without spaces, and the picked days as whole local days', () => {
    const query = filterQuery({ status: 'pending_payment', q: ' 139 1688 0001 ', range: ['2026-03-01', '2026-03-05'] });
    expect(query).toEqual({
      status: 'pending_payment',
      q: '13916880001',
      createdFrom: new Date(2026, 2, 1, 0, 0, 0, 0).toISOString(),
      createdTo: new Date(2026, 2, 5, 23, 59, 59, 999).toISOString(),
    });
  });

  it('makes queries the server’s schema accepts', () => {
    for (const f of [emptyFilters(), { status: 'closed' as const, q: '0001', range: ['2026-01-31', '2026-02-01'] as [string, string] }]) {
      expect(ZAdminOrderQuery.safeParse(filterQuery(f)).success).toBe(true);
    }
  });

  it('ignores a day that is not a day', () => {
    expect(dayBound('2026-3-1', 'start')).toBeNull();
    expect(filterQuery({ status: 'all', q: '', range: ['x', 'y'] })).toEqual({});
  });
});
