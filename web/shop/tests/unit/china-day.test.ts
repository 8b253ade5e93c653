import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chinaToday, kmText } from '../../src/utils/china-day.ts';

describe('china-day (slot and hours labels)', () => {
  it('reads the calendar day and weekday in China time, Monday = 0', () => {
    // 2026-11-22T16:30Z is Monday 00:30 in China.
    assert.deepEqual(chinaToday(Date.parse('2026-11-22T16:30:00Z')), { date: '2026-11-23', weekday: 0, tomorrow: '2026-11-24' });
    assert.deepEqual(chinaToday(Date.parse('2026-11-22T15:59:00Z')), { date: '2026-11-22', weekday: 6, tomorrow: '2026-11-23' });
  });
  it('shows metres as km with one decimal', () => {
    assert.equal(kmText(3480), '3.5');
    assert.equal(kmText(0), '0.0');
  });
});
