/**
 * Behaviour events for the customer data platform (POST /api/shop/events, ZBehaviourBatch).
 *
 * Events wait in a small in-memory queue and leave in batches every few seconds, and when the page
 * is hidden: H5 uses navigator.sendBeacon (it survives the tab closing), the mini-program
 * uni.request from App.onHide. A device keeps an anonymous id in storage so events from before
 * sign-in join the shopper later; a signed-in request carries the bearer token, a beacon (which
 * cannot set headers) the session token in its body. Searches are recorded by the server itself.
 *
 * Tracking must never block or break a page: every entry point swallows its own failures, and a
 * batch the server refuses is dropped rather than retried forever.
 */
import type { BEHAVIOUR_EVENT_TYPES, TBehaviourBatch } from '@koi/contracts';
import { anonymousId } from '@/api/anonymous-id';
import { beaconEvents, sendEvents } from '@/api/behaviour';
import { ApiError } from '@/api/request';

/** Kept here too: pages and the cart asked this module for it before it moved to the API layer. */
export { anonymousId };

export type TrackedEvent = Exclude<(typeof BEHAVIOUR_EVENT_TYPES)[number], 'search'>;
/** Undefined values are left out, so a page can pass its optional query as it is. */
export type TrackProps = Record<string, string | number | boolean | null | undefined>;
type Queued = TBehaviourBatch['events'][number];

const FLUSH_MS = 5000;
const BATCH_MAX = 50; // the contract's limit
const QUEUE_MAX = 200; // beyond this (server unreachable for long) the oldest go

let queue: Queued[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let sending = false;

function schedule(): void {
  if (timer || !queue.length) return;
  timer = setTimeout(() => {
    timer = undefined;
    void flush();
  }, FLUSH_MS);
}

/** Queues one event; returns at once. */
export function track(type: TrackedEvent, props: TrackProps = {}): void {
  try {
    const clean: Record<string, string | number | boolean | null> = {};
    for (const [k, v] of Object.entries(props)) if (v !== undefined) clean[k] = typeof v === 'string' ? v.slice(0, 500) : v;
    queue.push({ type, at: new Date().toISOString(), props: clean });
    if (queue.length > QUEUE_MAX) queue = queue.slice(-QUEUE_MAX);
    schedule();
  } catch {
    /* never break the page */
  }
}

/** Sends one batch now (over uni.request, with the bearer token when signed in). */
export async function flush(): Promise<void> {
  if (sending || !queue.length) return;
  sending = true;
  const batch = queue.slice(0, BATCH_MAX);
  queue = queue.slice(batch.length);
  try {
    await sendEvents(batch);
  } catch (e) {
    // A network failure or a 5xx: put the batch back for the next round. A 4xx: the server will never take it.
    const retry = !(e instanceof ApiError) || e.status === 0 || e.status >= 500 || e.status === 429;
    if (retry) queue = [...batch, ...queue].slice(-QUEUE_MAX);
  } finally {
    sending = false;
    schedule();
  }
}

/** The page is going away: hand everything queued to the browser (H5) or send it now (mini-program). */
export function flushOnHide(): void {
  try {
    if (timer) clearTimeout(timer);
    timer = undefined;
    let beaconed = false;
    // #ifdef H5
    beaconed = true;
    while (queue.length) {
      const events = queue.slice(0, BATCH_MAX);
      if (!beaconEvents(events)) break; // refused (quota): keep the rest queued
      queue = queue.slice(events.length);
    }
    // #endif
    if (!beaconed) void flush();
  } catch {
    /* never break the page */
  }
}

let started = false;

/** Once, from App.onLaunch. H5 listens for the tab being hidden; the mini-program calls flushOnHide from App.onHide. */
export function startTracking(): void {
  if (started) return;
  started = true;
  anonymousId();
  // #ifdef H5
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushOnHide();
  });
  window.addEventListener('pagehide', flushOnHide);
  // #endif
}
