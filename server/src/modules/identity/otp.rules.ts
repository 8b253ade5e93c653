/** One-time sign-in codes: the decisions, without I/O. */
export const OTP_MAX_ATTEMPTS = 5;

export type OtpState = { expiresAt: Date; attempts: number; consumedAt: Date | null };
export type OtpVerdict = 'ok' | 'none' | 'expired' | 'used' | 'too_many_attempts' | 'wrong';

/**
 * `attemptsAfter` is the attempt count after this try was counted (the counter is bumped atomically
 * before checking, so parallel guesses cannot exceed the limit).
 */
export function judgeOtp(state: OtpState | null, now: Date, codeMatches: boolean, attemptsAfter: number): OtpVerdict {
  if (!state) return 'none';
  if (state.consumedAt) return 'used';
  if (now.getTime() >= state.expiresAt.getTime()) return 'expired';
  if (attemptsAfter > OTP_MAX_ATTEMPTS) return 'too_many_attempts';
  return codeMatches ? 'ok' : 'wrong';
}

/** Send limits: one code a minute and ten a day per phone; forty an hour per client address. */
export const OTP_SEND_LIMITS = {
  perPhoneMinute: { max: 1, windowSeconds: 60 },
  perPhoneDay: { max: 10, windowSeconds: 86400 },
  perIpHour: { max: 40, windowSeconds: 3600 },
} as const;

/** Staff password sign-in: ten tries per account and fifty per address every fifteen minutes. */
export const STAFF_LOGIN_LIMITS = {
  perEmail: { max: 10, windowSeconds: 900 },
  perIp: { max: 50, windowSeconds: 900 },
} as const;
