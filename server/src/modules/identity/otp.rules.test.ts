import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { judgeOtp, OTP_MAX_ATTEMPTS } from './otp.rules.ts';

const now = new Date('2026-11-22T10:00:00Z');
const live = { expiresAt: new Date(now.getTime() + 60_000), attempts: 0, consumedAt: null };

describe('judgeOtp', () => {
  it('accepts the right code within time and tries', () => {
    expect(judgeOtp(live, now, true, 1)).toBe('ok');
    expect(judgeOtp(live, now, true, OTP_MAX_ATTEMPTS)).toBe('ok');
  });

  it('names why it refuses', () => {
    expect(judgeOtp(null, now, true, 1)).toBe('none');
    expect(judgeOtp({ ...live, consumedAt: now }, now, true, 1)).toBe('used');
    expect(judgeOtp({ ...live, expiresAt: now }, now, true, 1)).toBe('expired');
    expect(judgeOtp(live, now, true, OTP_MAX_ATTEMPTS + 1)).toBe('too_many_attempts');
    expect(judgeOtp(live, now, false, 1)).toBe('wrong');
  });

  it('never says ok for an expired, used or over-tried code, or a wrong one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -600_000, max: 600_000 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 20 }),
        (expiresIn, used, matches, attempts) => {
          const verdict = judgeOtp({ expiresAt: new Date(now.getTime() + expiresIn), attempts, consumedAt: used ? now : null }, now, matches, attempts);
          const shouldPass = expiresIn > 0 && !used && matches && attempts <= OTP_MAX_ATTEMPTS;
          return (verdict === 'ok') === shouldPass;
        },
      ),
    );
  });
});
