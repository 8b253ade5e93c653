import { describe, expect, it } from 'vitest';
import { emptyFilters, filterQuery, rowActions, stars } from './data.ts';

describe('review moderation data', () => {
  it('sends only the filters that were set', () => {
    expect(filterQuery(emptyFilters())).toEqual({});
    expect(filterQuery({ ...emptyFilters(), rating: 1, hasPhotos: 'true', status: 'hidden', replied: 'false', productId: ' abc ', q: ' 骗子 ' }))
      .toEqual({ rating: 1, hasPhotos: 'true', status: 'hidden', replied: 'false', productId: 'abc', q: '骗子' });
  });
  it('offers the actions a review\'s state allows', () => {
    expect(rowActions({ status: 'pending', pinned: false })).toEqual(['approve', 'hide']);
    expect(rowActions({ status: 'hidden', pinned: false })).toEqual(['show']);
    expect(rowActions({ status: 'visible', pinned: true })).toEqual(['unpin', 'hide']);
    expect(stars(4)).toBe('★★★★☆');
  });
});
