import type { BEHAVIOUR_EVENT_TYPES, TServerBehaviourType } from '@koi/contracts';
import type { Db, Q } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { appendBehaviour } from './behaviour-append.ts';
import { clampOccurredAt, customerKey, MAX_PROPS } from './behaviour.rules.ts';

/** The shop's event types, and those only the server raises (orders, payments, consent …). */
export type BehaviourType = (typeof BEHAVIOUR_EVENT_TYPES)[number] | TServerBehaviourType;
export type BehaviourProps = Record<string, string | number | boolean | null>;

/** A behaviour event raised by the server itself (a search, for instance). */
export type ServerBehaviour = {
  type: BehaviourType;
  shopperId: string | null;
  anonymousId: string | null;
  props: BehaviourProps;
  /** Defaults to now. */
  at?: Date;
};

/** Appends one server-side event inside the caller's transaction. */
export async function recordBehaviour(q: Q, e: ServerBehaviour): Promise<void> {
  const now = clock.now();
  await appendBehaviour(q, [{
    customerKey: customerKey(e.shopperId, e.anonymousId),
    id: newId(),
    shopperId: e.shopperId,
    anonymousId: e.anonymousId,
    type: e.type,
    props: e.props,
    occurredAt: e.at ?? now,
    receivedAt: now,
    source: 'server',
  }]);
}

type Batch = { anonymousId: string; events: { type: BehaviourType; at?: string; props: BehaviourProps }[] };

/** Appends a batch from a device (one transaction with its daily counts); events join the shopper when signed in. */
export async function ingestBatch(db: Db, batch: Batch, shopperId: string | null): Promise<number> {
  const tooMany = batch.events.flatMap((e, i) =>
    Object.keys(e.props).length > MAX_PROPS ? [{ path: `body.events.${i}.props`, message: `at most ${MAX_PROPS} properties`, code: 'too_big' }] : []);
  if (tooMany.length) throw new KoiError('http.validation_failed', {}, { fieldErrors: tooMany });
  const now = clock.now();
  const key = customerKey(shopperId, batch.anonymousId);
  await db.tx((q) => appendBehaviour(q, batch.events.map((e) => ({
    customerKey: key,
    id: newId(),
    shopperId,
    anonymousId: batch.anonymousId,
    type: e.type,
    props: e.props,
    occurredAt: clampOccurredAt(e.at, now),
    receivedAt: now,
    source: 'shop' as const,
  }))));
  return batch.events.length;
}
