import { describe, expect, it } from 'vitest';
import type { TMessageSend } from '@koi/contracts';
import zhCN from '@/i18n/locales/zh-CN.messages.ts';
import en from '@/i18n/locales/en.messages.ts';
import { messageColumns, reasonText, statusTagType } from './data.ts';

const t = (key: string) => `[${key}]`;
const row: TMessageSend = {
  id: '1', eventId: 'e', kind: 'order_paid', channel: 'sms', template: 'SMS_KOI_ORDER_PAID', recipient: '139****0001', status: 'sent',
  content: '【青瓷小筑】…', providerId: 'biz', error: null, attempts: 1, createdAt: '2026-11-22T06:30:00.000Z', sentAt: null,
};

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
}

describe('message log page data', () => {
  it('names the kind and counts attempts', () => {
    const cols = messageColumns(t);
    expect(cols.find((c) => c.prop === 'kind')!.formatter!(row)).toBe('[messages.kinds.order_paid]');
    expect(cols.find((c) => c.prop === 'attempts')!.formatter!(row)).toBe('1');
    expect(cols.find((c) => c.prop === 'recipient')!.formatter!({ ...row, recipient: '' })).toBe('—');
  });

  it('explains our own reasons and passes provider errors through', () => {
    expect(reasonText(t, 'no_quota')).toBe('[messages.reasons.no_quota]');
    expect(reasonText(t, '43101: WeChat refused the message')).toBe('43101: WeChat refused the message');
    expect(reasonText(t, null)).toBe('');
    expect(statusTagType('failed')).toBe('danger');
  });

  it('has the same keys in zh-CN and en', () => {
    expect(keys(en)).toEqual(keys(zhCN));
  });
});
