import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import type { Logger } from '../../../platform/log.ts';
import { clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import { formatKdTime } from '../tracking.rules.ts';
import { kd100SimPushes, kd100SimSubscriptions } from './kuaidi100-sim.tables.ts';
import { form, pushSign, verifyQuerySign, type SubscribeParam } from './kuaidi100.protocol.ts';
import { simulatedRoute, stepsDue } from './sim-route.rules.ts';
import type { Kuaidi100Account } from './kuaidi100.ts';
import type { FormPost } from './wire.ts';

export const SIM_PUSH_QUEUE = 'shipment.kd100-sim-push';
export const SIM_ADVANCE_QUEUE = 'shipment.kd100-sim-advance';

type Answer = { status: number; body: string };
const json = (o: object, status = 200): Answer => ({ status, body: JSON.stringify(o) });
type Sub = typeof kd100SimSubscriptions.$inferSelect;

/**
 * A local Kuaidi100: accepts subscriptions (`/sim/kuaidi100/poll`), answers real-time queries
 * (`/sim/kuaidi100/poll/query.do`, checking the MD5 sign), and moves each parcel along a believable
 * route as `clock.now()` advances, pushing the timeline to the callback URL, signed with the
 * subscription's salt, through durable jobs until the receiver acknowledges.
 */
export function kuaidi100Simulator(deps: { db: Db; jobs: Jobs; log: Logger; account: Kuaidi100Account; post: FormPost }) {
  const { db, account } = deps;

  /** The timeline after `steps` steps, newest first, in Kuaidi100's result shape. */
  function result(sub: Sub, steps: number) {
    const route = simulatedRoute(sub.company, sub.number, sub.toArea ?? undefined).slice(0, steps);
    const last = route[route.length - 1];
    const data = route.map((s) => {
      const t = formatKdTime(new Date(sub.subscribedAt.getTime() + s.afterMinutes * 60_000));
      return { context: s.context, time: t, ftime: t, status: s.state === 3 ? '签收' : s.state === 5 ? '派件' : s.state === 1 ? '揽收' : '在途', areaName: s.areaName };
    }).reverse();
    return { message: 'ok', state: String(last?.state ?? 0), status: '200', condition: 'F00', ischeck: last?.state === 3 ? '1' : '0', com: sub.company, nu: sub.number, data };
  }

  /** The push form: `param` (the timeline after `steps` steps) and `sign` = MD5(param + salt). */
  function pushRequest(sub: Sub, steps: number): { url: string; body: string } {
    const total = simulatedRoute(sub.company, sub.number, sub.toArea ?? undefined).length;
    const param = JSON.stringify({ status: steps >= total ? 'shutdown' : 'polling', billstatus: 'got', message: '', autoCheck: '0', comOld: '', comNew: '', lastResult: result(sub, steps) });
    return { url: sub.callbackUrl, body: form({ param, sign: pushSign(param, sub.salt) }) };
  }

  const sim = {
    async subscribe(body: string): Promise<Answer> {
      const f = new URLSearchParams(body);
      let p: SubscribeParam;
      try {
        p = JSON.parse(f.get('param') ?? '') as SubscribeParam;
      } catch {
        return json({ result: false, returnCode: '700', message: '订阅参数格式错误' });
      }
      if (f.get('schema') !== 'json') return json({ result: false, returnCode: '700', message: 'schema 必须为 json' });
      if (p.key !== account.key) return json({ result: false, returnCode: '600', message: '您不是合法的订阅者（即授权Key出错）' });
      if (!p.company || !p.number || !p.parameters?.callbackurl) return json({ result: false, returnCode: '701', message: '拒绝订阅的快递公司或参数缺失' });
      const [row] = await db.run((q) => q.insert(kd100SimSubscriptions).values({
        id: newId(), company: p.company, number: p.number, toArea: p.to ?? null, callbackUrl: p.parameters.callbackurl,
        salt: p.parameters.salt ?? '', subscribedAt: clock.now(), status: 'polling',
      }).onConflictDoNothing().returning({ id: kd100SimSubscriptions.id }));
      return row ? json({ result: true, returnCode: '200', message: '提交成功' }) : json({ result: false, returnCode: '501', message: '重复订阅' });
    },

    async query(body: string): Promise<Answer> {
      const f = new URLSearchParams(body);
      const param = f.get('param') ?? '';
      if (f.get('customer') !== account.customer || !verifyQuerySign(param, account.key, account.customer, f.get('sign') ?? '')) {
        return json({ result: false, returnCode: '601', message: 'sign 签名错误' });
      }
      let p: { com?: string; num?: string };
      try {
        p = JSON.parse(param) as typeof p;
      } catch {
        return json({ result: false, returnCode: '400', message: '找不到对应公司' });
      }
      const [sub] = await db.run((q) => q.select().from(kd100SimSubscriptions).where(and(eq(kd100SimSubscriptions.company, p.com ?? ''), eq(kd100SimSubscriptions.number, p.num ?? ''))));
      const steps = sub ? stepsDue(simulatedRoute(sub.company, sub.number, sub.toArea ?? undefined), minutesSince(sub)) : 0;
      if (!sub || steps === 0) return json({ result: false, returnCode: '500', message: '查询无结果，请隔段时间再查' });
      return json(result(sub, steps));
    },

    /** Moves every parcel to where `clock.now()` says it is; owes one push per parcel that moved. */
    async advance(): Promise<number> {
      const subs = await db.run((q) => q.select().from(kd100SimSubscriptions).where(eq(kd100SimSubscriptions.status, 'polling')));
      const owed: string[] = [];
      for (const sub of subs) {
        const route = simulatedRoute(sub.company, sub.number, sub.toArea ?? undefined);
        const n = stepsDue(route, minutesSince(sub));
        if (n <= sub.pushedSteps) continue;
        const id = newId();
        const moved = await db.tx(async (q) => {
          const [u] = await q.update(kd100SimSubscriptions).set({ pushedSteps: n, status: n >= route.length ? 'shutdown' : 'polling' })
            .where(and(eq(kd100SimSubscriptions.id, sub.id), lt(kd100SimSubscriptions.pushedSteps, n))).returning({ id: kd100SimSubscriptions.id });
          if (!u) return false;
          await q.insert(kd100SimPushes).values({ id, subscriptionId: sub.id, steps: n, createdAt: clock.now() }).onConflictDoNothing();
          return true;
        });
        if (moved) owed.push(id);
      }
      // Not awaited: the push row is the durable record; the every-minute sweep sends what a job missed.
      for (const id of owed) {
        deps.jobs.send(SIM_PUSH_QUEUE, { id }, { id }).catch((err: unknown) => deps.log.debug({ err, pushId: id }, 'could not queue a simulated push; the sweep will send it'));
      }
      return owed.length;
    },

    /**
     * The simulator's control panel (demo and browser tests): `hours` of the parcel's journey pass at
     * once — its subscription moves back in time — and whatever is now due is pushed right away.
     */
    async fastForward(company: string, number: string, hours: number): Promise<number> {
      const moved = await db.run((q) => q.update(kd100SimSubscriptions)
        .set({ subscribedAt: sql`${kd100SimSubscriptions.subscribedAt} - make_interval(mins => ${Math.round(hours * 60)})` })
        .where(and(eq(kd100SimSubscriptions.company, company), eq(kd100SimSubscriptions.number, number))).returning({ id: kd100SimSubscriptions.id }));
      if (!moved.length) return 0;
      await sim.advance();
      let delivered = 0;
      for (const id of await sim.pending()) if ((await sim.deliver(id)) === 'delivered') delivered++;
      return delivered;
    },

    /** Sends one owed push; throws when the receiver did not acknowledge, so the job retries it. */
    async deliver(pushId: string): Promise<'delivered' | 'already' | 'missing'> {
      const [push] = await db.run((q) => q.select().from(kd100SimPushes).where(eq(kd100SimPushes.id, pushId)));
      if (!push) return 'missing';
      if (push.deliveredAt) return 'already';
      const [sub] = await db.run((q) => q.select().from(kd100SimSubscriptions).where(eq(kd100SimSubscriptions.id, push.subscriptionId)));
      if (!sub) return 'missing';
      const req = pushRequest(sub, push.steps);
      const res = await deps.post(req.url, req.body);
      let ok = false;
      try {
        ok = (JSON.parse(res.body) as { result?: boolean }).result === true;
      } catch { /* not an acknowledgement */ }
      if (!ok) {
        await db.run((q) => q.update(kd100SimPushes).set({ attempts: sql`${kd100SimPushes.attempts} + 1`, lastError: `HTTP ${res.status} ${res.body.slice(0, 200)}` }).where(eq(kd100SimPushes.id, pushId)));
        throw new Error(`kuaidi100 simulator push ${pushId} not acknowledged: HTTP ${res.status}`);
      }
      await db.run((q) => q.update(kd100SimPushes).set({ deliveredAt: clock.now(), attempts: sql`${kd100SimPushes.attempts} + 1` }).where(eq(kd100SimPushes.id, pushId)));
      return 'delivered';
    },

    /** Pushes not delivered yet (tests and the demo seed deliver them inline). */
    async pending(): Promise<string[]> {
      const rows = await db.run((q) => q.select({ id: kd100SimPushes.id }).from(kd100SimPushes).where(sql`${kd100SimPushes.deliveredAt} is null`).orderBy(kd100SimPushes.createdAt));
      return rows.map((r) => r.id);
    },

    /** The exact request body of a push (tests replay it to check duplicates take effect once). */
    async pushBody(pushId: string): Promise<{ url: string; body: string } | null> {
      const [push] = await db.run((q) => q.select().from(kd100SimPushes).where(eq(kd100SimPushes.id, pushId)));
      const [sub] = push ? await db.run((q) => q.select().from(kd100SimSubscriptions).where(eq(kd100SimSubscriptions.id, push.subscriptionId))) : [];
      return push && sub ? pushRequest(sub, push.steps) : null;
    },
  };

  function minutesSince(sub: Sub): number {
    return (clock.now().getTime() - sub.subscribedAt.getTime()) / 60_000;
  }

  deps.jobs.define<{ id: string }>(SIM_PUSH_QUEUE, { retryLimit: 8, retryDelaySeconds: 30, expireInSeconds: 60 }, async ({ id }) => {
    if ((await sim.deliver(id)) === 'missing') throw new Error(`simulated push ${id} not committed yet`);
  });
  deps.jobs.define(SIM_ADVANCE_QUEUE, { retryLimit: 1, expireInSeconds: 120 }, async () => {
    await sim.advance();
    for (const id of await sim.pending()) {
      await sim.deliver(id).catch((err: unknown) => deps.log.warn({ err, pushId: id }, 'simulated push not acknowledged; retried next minute'));
    }
  });
  return sim;
}
export type Kuaidi100Simulator = ReturnType<typeof kuaidi100Simulator>;
