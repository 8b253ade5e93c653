/**
 * Behaviour events for the customer data platform (POST /api/shop/events, ZBehaviourBatch).
 *
 * Events wait in a small in-memory queue and leave in batches every few seconds, and when the page
 * is hidden: H5 uses navigator.sendBeacon (it survives the tab closing), the mini-program
 * uni.request from App.onHide. A device keeps an anonymous id in storage so events from before
 * sign-in join the shopper later; a signed-in request also carries the bearer token (a beacon
 * cannot, the anonymous id links it). Searches are recorded by the server itself.
 *
 * Tracking must never block or break a page: every entry point swallows its own failures, and a
 * batch the server refuses is dropped rather than retried forever.
 */
import { ZBehaviourAccepted, type BEHAVIOUR_EVENT_TYPES, type TBehaviourBatch } from '@koi/contracts';
import { ApiError, apiBase, request } from '@/api/request';

export type TrackedEvent = Exclude<(typeof BEHAVIOUR_EVENT_TYPES)[number], 'search'>;
/** Undefined values are left out, so a page can pass its optional query as it is. */
export type TrackProps = Record<string, string | number | boolean | null | undefined>;
type Queued = TBehaviourBatch['events'][number];

const ANON_KEY = 'koi.anonymousId';
const FLUSH_MS = 5000;
const BATCH_MAX = 50; // the contract's limit
const QUEUE_MAX = 200; // beyond this (server unreachable for long) the oldest go

let queue: Queued[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let sending = false;
let anonId: string | null = null;

function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  const c: Crypto | undefined = typeof crypto !== 'undefined' ? crypto : undefined;
  if (c?.getRandomValues) c.getRandomValues(buf);
  else for (let i = 0; i < bytes; i++) buf[i] = Math.floor(Math.random() * 256);
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This device's anonymous id, created once and kept in storage. */
export function anonymousId(): string {
  if (anonId) return anonId;
  try {
    const stored: unknown = uni.getStorageSync(ANON_KEY);
    if (typeof stored === 'string' && stored.length >= 8 && stored.length <= 64) return (anonId = stored);
  } catch {
    /* storage unavailable: a fresh id per session is still useful */
  }
  anonId = `anon_${Date.now().toString(36)}${randomHex(8)}`;
  try {
    uni.setStorageSync(ANON_KEY, anonId);
  } catch {
    /* as above */
  }
  return anonId;
}

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
    await request('/api/shop/events', { method: 'POST', body: { anonymousId: anonymousId(), events: batch } satisfies TBehaviourBatch, schema: ZBehaviourAccepted });
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
      const body: TBehaviourBatch = { anonymousId: anonymousId(), events };
      const blob = new Blob([JSON.stringify(body)], { type: 'application/json' });
      if (!navigator.sendBeacon?.(`${apiBase()}/api/shop/events`, blob)) break; // refused (quota): keep the rest queued
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
