import type { TCheckoutInput, TOrderDetail } from '@koi/contracts';
import { ref } from 'vue';
import { placeOrder } from '@/api/order';
import { ApiError } from '@/api/request';
import { nextAttempt, outcomeUnknown, settleAttempt, type Attempt } from '@/utils/submit-attempt';
import { newIdempotencyKey } from '@/utils/new-key';

export type PlaceResult = { kind: 'placed'; order: TOrderDetail } | { kind: 'unknown' } | { kind: 'refused'; error: unknown };

/**
 * 提交订单 for one visit of the confirm page: one attempt (Idempotency-Key + body) is held until the
 * server has answered for sure, so a double tap or a retry after a lost reply never makes a second
 * order (rules in utils/submit-attempt.ts).
 */
export function usePlaceOrder() {
  const submitting = ref(false);
  /** The last submit's outcome is unknown: the next one resends the same attempt. */
  const retrying = ref(false);
  let attempt: Attempt<TCheckoutInput> | null = null;

  async function place(body: TCheckoutInput): Promise<PlaceResult | null> {
    if (submitting.value) return null;
    const current = nextAttempt(attempt, body, newIdempotencyKey);
    attempt = current;
    submitting.value = true;
    try {
      const order = await placeOrder(current.body, current.key);
      attempt = null;
      retrying.value = false;
      return { kind: 'placed', order };
    } catch (error) {
      const outcome = error instanceof ApiError ? { status: error.status, code: error.code } : { status: 0 };
      attempt = settleAttempt(current, outcome);
      retrying.value = attempt !== null;
      return outcomeUnknown(outcome) ? { kind: 'unknown' } : { kind: 'refused', error };
    } finally {
      submitting.value = false;
    }
  }

  return { submitting, retrying, place };
}
