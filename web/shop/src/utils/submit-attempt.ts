/**
 * Placing an order exactly once. The server keeps every `Idempotency-Key` for a day: the same key
 * with the same body answers what the first request got (the order, or the same rejection), and the
 * same key with a different body is a 409. So the confirm page holds one attempt (key + body):
 *
 * - when the outcome of a submit is unknown (the reply was lost, a 5xx, or the first request is
 *   still running), the next submit sends the SAME key and the SAME body, whatever the shopper
 *   changed since: the order the server may already have made is the one they get, never a second;
 * - when the server answered for sure (an order, or a 4xx saying why not), the attempt is done:
 *   the next submit is a new attempt with a new key and the page's current choices.
 *
 * Pure: no uni APIs (tests/unit/submit-attempt.test.ts).
 */
export interface Attempt<B> {
  key: string;
  body: B;
}

export interface Outcome {
  /** HTTP status; 0 when no reply arrived. */
  status: number;
  code?: string;
}

/** The first request with this key has not finished: its reply will tell. */
const IN_PROGRESS = 'idempotency.in_progress';

/** What to send now: the unsettled attempt again, or a new one for the current body. */
export function nextAttempt<B>(pending: Attempt<B> | null, body: B, newKey: () => string): Attempt<B> {
  return pending ?? { key: newKey(), body };
}

/** True when nobody can tell whether the server made the order. */
export function outcomeUnknown(outcome: Outcome): boolean {
  return outcome.status === 0 || outcome.status >= 500 || outcome.code === IN_PROGRESS;
}

/** After a reply: keep the attempt while its outcome is unknown, forget it once settled. */
export function settleAttempt<B>(attempt: Attempt<B>, outcome: Outcome): Attempt<B> | null {
  return outcomeUnknown(outcome) ? attempt : null;
}

/**
 * `ck_<time>_<random>`: unique per attempt, printable ASCII as the server requires. `random` gives
 * bytes (crypto.getRandomValues where there is one; the mini-program has none).
 */
export function idempotencyKey(now: number, random: (n: number) => Uint8Array): string {
  const hex = Array.from(random(12), (b) => b.toString(16).padStart(2, '0')).join('');
  return `ck_${now.toString(36)}_${hex}`;
}
