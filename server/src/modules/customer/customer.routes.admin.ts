import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import {
  ZCustomer360, ZCustomerListPage, ZCustomerListQuery, ZCustomerNote, ZCustomerNoteInput, ZMergePreview, ZMergePreviewQuery, ZMergeRequest,
  ZMergeResult, ZRevealRequest, ZRevealResponse,
} from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import { requireStaff, staffOf } from '../../platform/auth.ts';
import { listCustomers } from './profile-queries.ts';
import { customer360, mergePreview } from './customer-360.ts';
import { addNote, reveal } from './customer-staff.ts';
import { mergeCustomers } from './merge-customers.ts';
import type { AddressBook } from './address-book.ts';
import type { Regions } from './regions.ts';
import type { PortsHolder } from './profile-ports.ts';
import type { CustomerMergeFollower } from './customer-merge.ts';
import type { CustomerScope } from './store-scope.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const ZId = z.object({ id: z.uuid() });

type Deps = { db: Db; regions: Regions; addresses: AddressBook; ports: PortsHolder; follower: Pick<CustomerMergeFollower, 'countsOf'>; scope: CustomerScope };

/**
 * 客户列表 and Customer 360: masked by default; reveals need `customer:reveal` and are logged; merges need
 * `customer:manage`. Staff bound to a store see only that store's customers (store-scope.ts).
 */
export function registerCustomerAdminRoutes(app: App, deps: Deps) {
  const { db, scope } = deps;
  const visible = (req: FastifyRequest, ...ids: string[]) => Promise.all(ids.map((id) => scope.assertVisible(staffOf(req), id)));

  app.get('/api/admin/customers', {
    preValidation: requireStaff('customer:view'),
    schema: { ...admin, summary: 'Customers, newest first (keyset-paged; search by name, phone, phone tail or identity)', querystring: ZCustomerListQuery, response: { 200: ZCustomerListPage } },
  }, async (req) => listCustomers(db, deps.regions, req.query, await scope.listFilter(staffOf(req))));

  app.get('/api/admin/customers/:id', {
    preValidation: requireStaff('customer:view'),
    schema: { ...admin, summary: 'Customer 360', params: ZId, response: { 200: ZCustomer360 } },
  }, async (req) => {
    await visible(req, req.params.id);
    return customer360(db, deps, req.params.id);
  });

  app.post('/api/admin/customers/:id/reveal', {
    preValidation: requireStaff('customer:reveal'),
    schema: { ...admin, summary: 'Reveal the full phone or default address (logged)', params: ZId, body: ZRevealRequest, response: { 200: ZRevealResponse } },
  }, async (req) => {
    await visible(req, req.params.id);
    return reveal(db, deps.addresses, req.params.id, req.body.field, staffOf(req).id);
  });

  app.post('/api/admin/customers/:id/notes', {
    preValidation: requireStaff('customer:manage'),
    schema: { ...admin, summary: 'Add a staff note', params: ZId, body: ZCustomerNoteInput, response: { 201: ZCustomerNote } },
  }, async (req, reply) => {
    await visible(req, req.params.id);
    return reply.code(201).send(await addNote(db, deps.ports.get(), req.params.id, staffOf(req).id, req.body.body));
  });

  app.get('/api/admin/customers/:id/merge-preview', {
    preValidation: requireStaff('customer:manage'),
    schema: { ...admin, summary: 'What merging another customer into this one would move', params: ZId, querystring: ZMergePreviewQuery, response: { 200: ZMergePreview } },
  }, async (req) => {
    await visible(req, req.params.id, req.query.fromId);
    return mergePreview(db, deps, req.params.id, req.query.fromId);
  });

  app.post('/api/admin/customers/:id/merge', {
    preValidation: requireStaff('customer:manage'),
    schema: { ...admin, summary: 'Merge another customer into this one (audited)', params: ZId, body: ZMergeRequest, response: { 200: ZMergeResult } },
  }, async (req) => {
    await visible(req, req.params.id, req.body.fromId);
    return mergeCustomers(db, { fromId: req.body.fromId, intoId: req.params.id, staffId: staffOf(req).id, reason: req.body.reason });
  });
}
