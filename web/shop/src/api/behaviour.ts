import { ZBehaviourAccepted, type TBehaviourBatch } from '@koi/contracts';
import { anonymousId } from './anonymous-id';
import { apiBase, request, sessionToken } from './request';

type Events = TBehaviourBatch['events'];

/** One batch over `request` (the bearer header joins it to the signed-in shopper). */
export function sendEvents(events: Events): Promise<{ accepted: number }> {
  return request('/api/shop/events', { method: 'POST', body: { anonymousId: anonymousId(), events } satisfies TBehaviourBatch, schema: ZBehaviourAccepted });
}

/**
 * The beacon's body: navigator.sendBeacon cannot set headers, so the session token (when signed in)
 * rides in the body, where the server verifies it exactly like a bearer header.
 */
export function beaconBody(events: Events, token: string | null = sessionToken()): TBehaviourBatch {
  return { anonymousId: anonymousId(), events, ...(token ? { token } : {}) };
}

/** H5: hands one batch to the browser, which sends it even as the tab closes. False when it refused (quota). */
export function beaconEvents(events: Events): boolean {
  let sent = false;
  // #ifdef H5
  const blob = new Blob([JSON.stringify(beaconBody(events))], { type: 'application/json' });
  sent = navigator.sendBeacon?.(`${apiBase()}/api/shop/events`, blob) ?? false;
  // #endif
  return sent;
}
