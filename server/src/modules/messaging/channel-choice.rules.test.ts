import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseChannel, maskRecipient, type ChannelFacts } from './channel-choice.rules.ts';

const all: ChannelFacts = { consent: { wechat: true, sms: true }, phone: '13800138000', mpOpenid: 'oKoiSimOpenid0000000000001', templates: { wechat: true, sms: true }, wechatQuota: 1 };

describe('channel choice', () => {
  it('prefers a WeChat subscribe message when granted, else SMS', () => {
    expect(chooseChannel(all)).toEqual({ send: 'wechat', skipped: [] });
    expect(chooseChannel({ ...all, wechatQuota: 0 })).toEqual({ send: 'sms', skipped: [{ channel: 'wechat', reason: 'no_quota' }] });
    expect(chooseChannel({ ...all, mpOpenid: null })).toEqual({ send: 'sms', skipped: [{ channel: 'wechat', reason: 'no_recipient' }] });
  });

  it('honours consent on every channel', () => {
    expect(chooseChannel({ ...all, consent: { wechat: false, sms: true } })).toEqual({ send: 'sms', skipped: [{ channel: 'wechat', reason: 'no_consent' }] });
    expect(chooseChannel({ ...all, consent: { wechat: false, sms: false } }).send).toBeNull();
    expect(chooseChannel({ ...all, wechatQuota: 0, consent: { wechat: true, sms: false } })).toEqual({
      send: null, skipped: [{ channel: 'wechat', reason: 'no_quota' }, { channel: 'sms', reason: 'no_consent' }],
    });
  });

  it('falls back past an excluded channel', () => {
    expect(chooseChannel(all, ['wechat'])).toEqual({ send: 'sms', skipped: [] });
  });

  it('never picks a channel without consent, recipient, template or (WeChat) a grant', () => {
    const facts = fc.record({
      consent: fc.record({ wechat: fc.boolean(), sms: fc.boolean() }),
      phone: fc.option(fc.constant('13800138000')),
      mpOpenid: fc.option(fc.constant('oKoiSimOpenid0000000000001')),
      templates: fc.record({ wechat: fc.boolean(), sms: fc.boolean() }),
      wechatQuota: fc.integer({ min: -1, max: 3 }),
    });
    fc.assert(fc.property(facts, (f) => {
      const { send, skipped } = chooseChannel(f);
      if (send) {
        expect(f.consent[send] && f.templates[send]).toBe(true);
        expect(send === 'sms' ? f.phone : f.mpOpenid).toBeTruthy();
        if (send === 'wechat') expect(f.wechatQuota).toBeGreaterThan(0);
      }
      expect(skipped.every((s) => s.channel !== send)).toBe(true);
    }));
  });

  it('masks recipients', () => {
    expect(maskRecipient('sms', '13800138000')).toBe('138****8000');
    expect(maskRecipient('wechat', 'oKoiSimOpenid0000000000001')).toBe('oKoi****0001');
  });
});
