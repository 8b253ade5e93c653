import type { TMessageChannel } from '@koi/contracts';

/** What decides the channel of one notification. */
export type ChannelFacts = {
  /** The shopper's consent for this message's purpose, per channel. */
  consent: Record<TMessageChannel, boolean>;
  /** How the shopper can be reached: a sign-in phone; a mini-program openid. */
  phone: string | null;
  mpOpenid: string | null;
  /** The message has a template on the channel. */
  templates: Record<TMessageChannel, boolean>;
  /** Unused one-time WeChat grants of this message's template. */
  wechatQuota: number;
};

export type SkipReason = 'no_consent' | 'no_recipient' | 'no_template' | 'no_quota';
export type ChannelPlan = { send: TMessageChannel | null; skipped: { channel: TMessageChannel; reason: SkipReason }[] };

/** Channels in order of preference: a subscribe message in WeChat first (free, in the app), SMS second. */
export const CHANNEL_ORDER: readonly TMessageChannel[] = ['wechat', 'sms'];

export function channelBlocker(channel: TMessageChannel, f: ChannelFacts): SkipReason | null {
  if (!f.consent[channel]) return 'no_consent';
  if (!f.templates[channel]) return 'no_template';
  if (channel === 'wechat') {
    if (!f.mpOpenid) return 'no_recipient';
    if (f.wechatQuota <= 0) return 'no_quota';
    return null;
  }
  return f.phone ? null : 'no_recipient';
}

/**
 * One notification goes out on one channel: the first in `CHANNEL_ORDER` that the shopper consented
 * to, that can reach them and (WeChat) that they granted a subscription for. The channels passed over
 * before it are listed with why, so the log can say it. `exclude` leaves channels out (a WeChat send
 * the user refused falls back to the next channel).
 */
export function chooseChannel(f: ChannelFacts, exclude: readonly TMessageChannel[] = []): ChannelPlan {
  const skipped: ChannelPlan['skipped'] = [];
  for (const channel of CHANNEL_ORDER) {
    if (exclude.includes(channel)) continue;
    const reason = channelBlocker(channel, f);
    if (!reason) return { send: channel, skipped };
    skipped.push({ channel, reason });
  }
  return { send: null, skipped };
}

/** A recipient as lists and logs show it: 138****8000, oAbc****xyz9. */
export function maskRecipient(channel: TMessageChannel, recipient: string): string {
  if (channel === 'sms') return recipient.length >= 7 ? `${recipient.slice(0, 3)}****${recipient.slice(-4)}` : '****';
  return recipient.length > 8 ? `${recipient.slice(0, 4)}****${recipient.slice(-4)}` : '****';
}
