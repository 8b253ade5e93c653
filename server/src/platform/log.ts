import pino, { type Logger } from 'pino';

export type { Logger };

const PHONE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** 13812345678 → 138****5678; a@b.com → a***@b.com. Used for logs and for lists shown to staff. */
export function maskPii(text: string): string {
  return text.replace(PHONE, '$1****$2').replace(EMAIL, '$1***$2');
}

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return phone.length >= 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

function maskDeep(value: unknown, depth = 0): unknown {
  if (depth > 6) return value;
  if (typeof value === 'string') return maskPii(value);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (value && typeof value === 'object' && !(value instanceof Error)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, depth + 1)]));
  }
  return value;
}

/**
 * Structured JSON logs. Secrets are removed by path (tokens, passwords, codes, addresses);
 * phone numbers and emails anywhere in a log line are masked.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: {
      paths: [
        'req.headers.authorization', 'req.headers.cookie', 'headers.authorization',
        '*.password', '*.code', '*.token', '*.address', '*.detailAddress', 'password', 'token', 'code', 'address',
      ],
      censor: '[redacted]',
    },
    formatters: { log: (obj) => maskDeep(obj) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskPii(a) : a)) as Parameters<typeof method>;
        method.apply(this, masked);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
