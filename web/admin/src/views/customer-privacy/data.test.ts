import { describe, expect, it } from 'vitest';
import { auditText, deletionTagType, purposeText } from './data.ts';

const t = (key: string) => `[${key}]`;
const entry = (action: string, detail: Record<string, unknown> = {}) => ({ id: 'a', requestId: 'r', customerId: 'c', action, detail, actor: 'system', at: '2026-01-01T00:00:00Z' });

describe('customer-privacy data', () => {
  it('describes erasure steps with the module and the rows touched', () => {
    expect(auditText(t, entry('erase_step', { module: 'order', rows: 3 }))).toBe('[privacy.actions.erase_step] · order（3）');
    expect(auditText(t, entry('erase_step', { module: 'customer', rows: { addresses: 1, behaviourEvents: 4 } }))).toBe('[privacy.actions.erase_step] · customer（addresses 1，behaviourEvents 4）');
    expect(auditText(t, entry('requested'))).toBe('[privacy.actions.requested]');
    expect(auditText(t, entry('something_new'))).toBe('something_new');
  });
  it('maps statuses and purposes', () => {
    expect(deletionTagType('completed')).toBe('success');
    expect(purposeText(t, 'marketing_sms')).toBe('[privacy.purposes.marketing_sms]');
    expect(purposeText(t, 'other')).toBe('other');
  });
});
