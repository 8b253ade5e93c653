import { z } from 'zod';
import {
  ZCustomerLedger, ZLedgerCheck, ZLevel, ZLevelInput, ZLevelList, ZLoyaltySettings, ZMemberPage, ZMemberQuery, ZOk, ZPointsAdjust, ZRechargePackage,
  ZRechargePackageInput, ZRechargePackageList,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff, staffOf } from '../../platform/auth.ts';
import type { LoyaltyConfig } from './loyalty-config.ts';
import type { LoyaltyQueries } from './loyalty-queries.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const view = requireStaff('marketing:view');
const manage = requireStaff('marketing:manage');
const ZUuidParam = z.object({ id: z.string().uuid() });
const ZCustomerParam = z.object({ customerId: z.string().uuid() });

export function registerAdminLoyaltyRoutes(app: App, deps: {
  config: LoyaltyConfig; queries: LoyaltyQueries;
  adjust: (customerId: string, delta: number, reason: string, staffId: string) => Promise<{ balance: number }>;
  check: () => Promise<z.infer<typeof ZLedgerCheck>>;
}) {
  const { config, queries } = deps;

  app.get('/api/admin/loyalty/settings', { schema: { ...admin, summary: 'Points and growth rules', response: { 200: ZLoyaltySettings } }, preValidation: view },
    async () => config.settings());
  app.put('/api/admin/loyalty/settings', { schema: { ...admin, summary: 'Replace the points and growth rules', body: ZLoyaltySettings, response: { 200: ZLoyaltySettings } }, preValidation: manage },
    async (req) => config.saveSettings(req.body));

  app.get('/api/admin/loyalty/levels', { schema: { ...admin, summary: 'Membership levels, lowest first, with member counts', response: { 200: ZLevelList } }, preValidation: view },
    async () => ({ items: await config.levelList() }));
  app.post('/api/admin/loyalty/levels', { schema: { ...admin, summary: 'Add a level', body: ZLevelInput, response: { 200: ZLevel } }, preValidation: manage },
    async (req) => config.saveLevel(null, req.body));
  app.put('/api/admin/loyalty/levels/:id', { schema: { ...admin, summary: 'Change a level', params: ZUuidParam, body: ZLevelInput, response: { 200: ZLevel } }, preValidation: manage },
    async (req) => config.saveLevel(req.params.id, req.body));
  app.delete('/api/admin/loyalty/levels/:id', { schema: { ...admin, summary: 'Delete a level no member holds', params: ZUuidParam, response: { 200: ZOk } }, preValidation: manage },
    async (req) => {
      await config.removeLevel(req.params.id);
      return { ok: true as const };
    });

  app.get('/api/admin/loyalty/recharge-packages', { schema: { ...admin, summary: 'Recharge packages', response: { 200: ZRechargePackageList } }, preValidation: view },
    async () => ({ items: await config.packages(false) }));
  app.post('/api/admin/loyalty/recharge-packages', { schema: { ...admin, summary: 'Add a recharge package', body: ZRechargePackageInput, response: { 200: ZRechargePackage } }, preValidation: manage },
    async (req) => config.savePackage(null, req.body));
  app.put('/api/admin/loyalty/recharge-packages/:id', {
    schema: { ...admin, summary: 'Change a recharge package (recharges already started keep their amounts)', params: ZUuidParam, body: ZRechargePackageInput, response: { 200: ZRechargePackage } }, preValidation: manage,
  }, async (req) => config.savePackage(req.params.id, req.body));

  app.get('/api/admin/loyalty/members', { schema: { ...admin, summary: 'Members with level, growth, points and balance', querystring: ZMemberQuery, response: { 200: ZMemberPage } }, preValidation: requireStaff('customer:view') },
    async (req) => queries.members(req.query));
  app.get('/api/admin/loyalty/customers/:customerId/ledger', {
    schema: { ...admin, summary: "A customer's balances and latest points and stored-value entries", params: ZCustomerParam, response: { 200: ZCustomerLedger } }, preValidation: requireStaff('customer:view'),
  }, async (req) => queries.customerLedger(req.params.customerId));
  app.post('/api/admin/loyalty/customers/:customerId/points-adjust', {
    schema: { ...admin, summary: 'Add or take points by hand (reason and staff recorded on the entry)', params: ZCustomerParam, body: ZPointsAdjust, response: { 200: z.object({ balance: z.number().int() }) } },
    preValidation: requireStaff('customer:manage'),
  }, async (req) => deps.adjust(req.params.customerId, req.body.delta, req.body.reason, staffOf(req).id));

  app.post('/api/admin/loyalty/ledger-check', { schema: { ...admin, summary: 'Run the ledger invariant check now', response: { 200: ZLedgerCheck } }, preValidation: requireStaff('finance:view') },
    async () => deps.check());
}
