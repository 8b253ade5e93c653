import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERASED_VALUE, redactClaims, redactMergeSnapshot } from './erase.rules.ts';

const snapshot = {
  from: { id: 'f', name: '林晓雨', gender: 'female', birthday: '1990-05-01', region_code: '330106', source_channel: 'taobao', merged_into: null, erased: false,
    identities: [{ kind: 'phone', value: '136****0002' }, { kind: 'taobao', value: 'tb_***' }] },
  into: { id: 'i', name: null, gender: 'unknown', birthday: null, region_code: null, identities: [] },
};

describe('redactMergeSnapshot', () => {
  it('takes the person out of a merge audit snapshot and keeps what describes the merge', () => {
    const r = redactMergeSnapshot(snapshot, '已注销用户·AB12') as typeof snapshot;
    expect(r.from).toEqual({ id: 'f', name: '已注销用户·AB12', gender: 'unknown', birthday: null, region_code: null, source_channel: 'taobao', merged_into: null, erased: false,
      identities: [{ kind: 'phone', value: ERASED_VALUE }, { kind: 'taobao', value: ERASED_VALUE }] });
    expect(r.into).toEqual({ ...snapshot.into, gender: 'unknown' });
    const after = redactMergeSnapshot({ into: { name: '林', gender: 'female', birthday: '1990-05-01', regionCode: '330106', firstSeenAt: 'x', identities: [] } }, 'P');
    expect(after).toEqual({ into: { name: 'P', gender: 'unknown', birthday: null, regionCode: null, firstSeenAt: 'x', identities: [] } });
  });
  it('is idempotent and leaves no original string value of a personal field (property)', () => {
    // Prefixed values: none can equal a key, the pseudonym or the placeholders.
    const v = fc.string({ minLength: 1 }).map((x) => `v:${x}`);
    const person = fc.record({ name: v, birthday: v, region_code: v, value: v });
    fc.assert(fc.property(person, (p) => {
      const s = { from: { name: p.name, birthday: p.birthday, region_code: p.region_code, identities: [{ kind: 'phone', value: p.value }] } };
      const once = redactMergeSnapshot(s, '已注销用户·X');
      expect(redactMergeSnapshot(once, '已注销用户·X')).toEqual(once);
      const text = JSON.stringify(once);
      for (const x of [p.name, p.birthday, p.region_code, p.value]) expect(text).not.toContain(JSON.stringify(x));
    }));
  });
});

describe('redactClaims', () => {
  it('keeps the kind and drops the value', () => {
    expect(redactClaims([{ kind: 'phone', value: '13600000002' }])).toEqual([{ kind: 'phone', value: ERASED_VALUE }]);
  });
});
