import { describe, expect, it } from 'vitest';
import { pushSign, querySign, verifyPushSign, ZKdPush } from './kuaidi100.protocol.ts';
import { simulatedRoute, stepsDue } from './sim-route.rules.ts';

// No published Kuaidi100 example with real values was found; the concatenation order and the
// upper-case hex are checked against RFC 1321's MD5 test suite (MD5("abc"), MD5("message digest")).
describe('Kuaidi100 signing', () => {
  it('query sign = MD5(param + key + customer), upper-case hex', () => {
    expect(querySign('a', 'b', 'c')).toBe('900150983CD24FB0D6963F7D28E17F72');
    expect(querySign('message', ' ', 'digest')).toBe('F96B697D7CB7938D525A2F31AAF161D0');
    expect(querySign('c', 'b', 'a')).not.toBe('900150983CD24FB0D6963F7D28E17F72');
  });

  it('push sign = MD5(param + salt), verified case-insensitively and only for the exact param', () => {
    expect(pushSign('ab', 'c')).toBe('900150983CD24FB0D6963F7D28E17F72');
    expect(verifyPushSign('ab', 'c', '900150983cd24fb0d6963f7d28e17f72')).toBe(true);
    expect(verifyPushSign('ab ', 'c', '900150983CD24FB0D6963F7D28E17F72')).toBe(false);
    expect(verifyPushSign('ab', 'c', 'short')).toBe(false);
  });

  it('reads a push in the documented shape', () => {
    const push = ZKdPush.parse({
      status: 'polling', billstatus: 'got', message: '', autoCheck: '0', comOld: '', comNew: '',
      lastResult: { message: 'ok', state: '0', status: '200', condition: 'F00', ischeck: '0', com: 'yuantong', nu: 'YT1234567890123',
        data: [{ context: '快件已到达【杭州转运中心】', time: '2026-11-20 09:15:02', ftime: '2026-11-20 09:15:02', areaName: '浙江省,杭州市' }] },
    });
    expect(push.lastResult.data).toHaveLength(1);
  });
});

describe('simulated route', () => {
  it('goes 揽收 → 在途 → 派件 → 签收, in time order, the same for the same parcel', () => {
    const r = simulatedRoute('shunfeng', 'SF1234567890123', '上海,上海市,静安区');
    expect(r[0]!.state).toBe(1);
    expect(r.at(-2)!.state).toBe(5);
    expect(r.at(-1)!.state).toBe(3);
    expect(r.some((s) => s.context.includes('上海青浦转运中心'))).toBe(true);
    for (let i = 1; i < r.length; i++) expect(r[i]!.afterMinutes).toBeGreaterThan(r[i - 1]!.afterMinutes);
    expect(simulatedRoute('shunfeng', 'SF1234567890123', '上海,上海市,静安区')).toEqual(r);
    expect(stepsDue(r, 0)).toBe(0);
    expect(stepsDue(r, 10 * 24 * 60)).toBe(r.length);
  });
});
