import { z } from 'zod';
import {
  ZIdParam, ZLedgerPage, ZLedgerQuery, ZMemberSummary, ZRecharge, ZRechargePackageList, ZSigninResult, ZStartRecharge, ZStartRechargeResult,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import type { Db } from '../../platform/db.ts';
import { requireShopper, shopperOf, subjectKey } from '../../platform/auth.ts';
import { idempotent } from '../../platform/idempotency.ts';
import type { LoyaltyConfig } from './loyalty-config.ts';
import type { LoyaltyQueries } from './loyalty-queries.ts';
import type { Members } from './members.ts';
import type { Recharges } from './recharges.ts';

const signedIn = { tags: ['shop'], security: [{ bearer: [] }] };

export function registerShopLoyaltyRoutes(app: App, deps: { db: Db; publicUrl: string; config: LoyaltyConfig; queries: LoyaltyQueries; members: Members; recharges: Recharges }) {
  const { config, queries, members, recharges } = deps;

  app.get('/api/shop/loyalty/me', {
    schema: { ...signedIn, summary: 'Member centre: level, progress, benefits, points, balance, sign-in', response: { 200: ZMemberSummary } }, preValidation: requireShopper,
  }, async (req) => queries.summary(shopperOf(req).id));

  app.get('/api/shop/loyalty/points', {
    schema: { ...signedIn, summary: 'My points history, newest first (`before` = the last entryId of the previous page)', querystring: ZLedgerQuery, response: { 200: ZLedgerPage } }, preValidation: requireShopper,
  }, async (req) => queries.pointsHistory(shopperOf(req).id, req.query.before, req.query.limit));

  app.post('/api/shop/loyalty/signin', {
    schema: { ...signedIn, summary: 'Daily sign-in (409 loyalty.already_signed_in the second time today)', response: { 200: ZSigninResult } }, preValidation: requireShopper,
  }, async (req) => members.signin(shopperOf(req).id));

  app.get('/api/shop/loyalty/wallet', {
    schema: { ...signedIn, summary: 'My stored-value history (principal and bonus parts), newest first', querystring: ZLedgerQuery, response: { 200: ZLedgerPage } }, preValidation: requireShopper,
  }, async (req) => queries.walletHistory(shopperOf(req).id, req.query.before, req.query.limit));

  app.get('/api/shop/loyalty/recharge-packages', {
    schema: { tags: ['shop'], summary: 'Recharge packages on sale', response: { 200: ZRechargePackageList } },
  }, async () => ({ items: await config.packages(true) }));

  app.post('/api/shop/loyalty/recharges', {
    schema: { ...signedIn, summary: 'Buy a recharge package: the action that opens the provider\'s cashier (Idempotency-Key supported)', body: ZStartRecharge, response: { 200: ZStartRechargeResult } },
    preValidation: requireShopper, preHandler: idempotent(deps.db, { subject: subjectKey }),
  }, async (req) => recharges.start(shopperOf(req).id, {
    packageId: req.body.packageId, channel: req.body.channel, clientIp: req.ip,
    returnUrl: req.body.returnPath ? `${deps.publicUrl}${req.body.returnPath}` : undefined,
  }));

  app.get('/api/shop/loyalty/recharges/:id', {
    schema: { ...signedIn, summary: 'One of my recharges (poll after paying)', params: ZIdParam.extend({ id: z.string().uuid() }), response: { 200: ZRecharge } }, preValidation: requireShopper,
  }, async (req) => recharges.get(shopperOf(req).id, req.params.id));
}
