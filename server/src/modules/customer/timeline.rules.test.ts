import { describe, expect, it } from 'vitest';
import { SERVER_BEHAVIOUR_TYPES, BEHAVIOUR_EVENT_TYPES } from '@koi/contracts';
import { timelineLabel } from './timeline.rules.ts';

describe('timelineLabel', () => {
  it('shows fen as yuan without recomputing', () => {
    expect(timelineLabel('order_paid', { orderNo: 'K1', paidFen: 12345 })).toEqual({ zh: '支付订单 K1 ¥123.45', en: 'Paid order K1, ¥123.45' });
  });
  it('names after-sale kinds and consent purposes', () => {
    expect(timelineLabel('aftersale_requested', { kind: 'refund_only', afterSaleNo: 'A1', orderNo: 'K1' }).zh).toBe('申请仅退款 A1（订单 K1）');
    expect(timelineLabel('consent_changed', { purpose: 'marketing_sms', granted: false }).en).toBe('Withdrew SMS marketing');
  });
  it('labels every known type in both languages (no fallback to the raw type)', () => {
    for (const t of [...SERVER_BEHAVIOUR_TYPES, ...BEHAVIOUR_EVENT_TYPES]) {
      const l = timelineLabel(t, {});
      expect(l.zh).not.toBe(t);
      expect(l.en).not.toBe(t);
    }
  });
  it('falls back to the type for unknown ones', () => {
    expect(timelineLabel('future_thing', {})).toEqual({ zh: 'future_thing', en: 'future_thing' });
  });
});
