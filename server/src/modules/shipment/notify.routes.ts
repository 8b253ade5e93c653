import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http.ts';
import type { Tracking } from './tracking.ts';
import type { Kuaidi100Simulator } from './providers/kuaidi100.simulator.ts';
import { PUSH_ACK, PUSH_NACK } from './providers/kuaidi100.protocol.ts';

const formOf = (req: FastifyRequest) => new URLSearchParams(typeof req.body === 'string' ? req.body : '');

/**
 * Kuaidi100's push callback (`POST /api/shipment/kuaidi100/notify?com=&nu=`, form `param` + `sign`),
 * and in simulator mode the simulated Kuaidi100 itself under `/sim/kuaidi100`. Bodies are read raw:
 * the sign covers `param` exactly as sent.
 */
export function registerKuaidi100Routes(app: App, deps: { tracking: Tracking; simulator: Kuaidi100Simulator | null }) {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 512 * 1024 }, (_req, body, done) => done(null, body));
    const hide = { schema: { hide: true } };

    scope.post('/api/shipment/kuaidi100/notify', hide, async (req, reply) => {
      const q = req.query as Record<string, string | undefined>;
      const f = formOf(req);
      const out = await deps.tracking.onPush(q.com ?? '', q.nu ?? '', f.get('param') ?? '', f.get('sign') ?? '');
      if (!out.ok) req.log.warn({ com: q.com, nu: q.nu, reason: out.reason }, 'kuaidi100 push rejected');
      // A rejected push is answered as not taken: Kuaidi100 retries it, which helps only once the cause is fixed.
      return reply.code(200).type('application/json').send(out.ok ? PUSH_ACK : PUSH_NACK(out.reason));
    });

    const sim = deps.simulator;
    if (!sim) return;
    scope.post('/sim/kuaidi100/poll', hide, async (req, reply) => {
      const a = await sim.subscribe(typeof req.body === 'string' ? req.body : '');
      return reply.code(a.status).type('application/json').send(a.body);
    });
    scope.post('/sim/kuaidi100/parcels/:com/:nu/fast-forward', hide, async (req, reply) => {
      const { com, nu } = req.params as { com: string; nu: string };
      const hours = Number((req.query as Record<string, string | undefined>).hours ?? '24');
      if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) return reply.code(400).send({ message: 'hours must be between 0 and 720' });
      const pushed = await sim.fastForward(com, nu, hours);
      return reply.code(200).type('application/json').send({ pushed });
    });
    scope.post('/sim/kuaidi100/poll/query.do', hide, async (req, reply) => {
      const a = await sim.query(typeof req.body === 'string' ? req.body : '');
      return reply.code(a.status).type('application/json').send(a.body);
    });
  });
}
