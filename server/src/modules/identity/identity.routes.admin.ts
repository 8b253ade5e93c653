import {
  ZCreateStaffRequest, ZIdParam, ZOk, ZPageQuery, ZRoleList, ZStaff, ZStaffList, ZStaffLoginRequest, ZStaffMe, ZStaffSession,
  ZStoreList, ZUpdateStaffRequest, type TRole,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import { requireStaff, staffOf, subjectKey } from '../../platform/auth.ts';
import { KoiError } from '../../platform/errors.ts';
import { idempotent } from '../../platform/idempotency.ts';
import type { Db } from '../../platform/db.ts';
import type { StaffAccounts } from './staff-accounts.ts';
import type { StoreService } from '../store/index.ts';
import type { Sessions } from './sessions.ts';
import { ALL_ROLES, ROLE_NAMES, ROLE_PERMISSIONS, STORE_ROLES } from './roles.rules.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };

export function registerAdminIdentityRoutes(app: App, deps: { db: Db; sessions: Sessions; staff: StaffAccounts; stores: StoreService }) {
  const { db, sessions, staff, stores } = deps;

  app.post('/api/admin/auth/login', { schema: { tags: ['admin'], summary: 'Staff sign-in', body: ZStaffLoginRequest, response: { 200: ZStaffSession } } },
    async (req) => staff.login(req.body.email, req.body.password, { ip: req.ip, userAgent: req.headers['user-agent'] }));

  app.post('/api/admin/auth/logout', { schema: { ...admin, summary: 'Sign out', response: { 200: ZOk } } }, async (req) => {
    const me = staffOf(req);
    await sessions.revoke(me.sessionId, { kind: 'staff', id: me.id });
    return { ok: true as const };
  });

  app.get('/api/admin/me', { schema: { ...admin, summary: 'The signed-in staff member and their permissions', response: { 200: ZStaffMe } } },
    async (req) => staff.me(staffOf(req).id));

  app.get('/api/admin/staff', { schema: { ...admin, summary: 'Staff list', querystring: ZPageQuery, response: { 200: ZStaffList } }, preValidation: requireStaff('staff:view') },
    async (req) => staff.list(staffOf(req), req.query.page, req.query.pageSize));

  app.post('/api/admin/staff', {
    schema: { ...admin, summary: 'Create a staff account (Idempotency-Key supported)', body: ZCreateStaffRequest, response: { 200: ZStaff } },
    preValidation: requireStaff('staff:manage'), preHandler: idempotent(db, { subject: subjectKey }),
  }, async (req) => staff.create(staffOf(req), req.body));

  app.patch('/api/admin/staff/:id', {
    schema: { ...admin, summary: 'Change a staff account', params: ZIdParam, body: ZUpdateStaffRequest, response: { 200: ZStaff } },
    preValidation: requireStaff('staff:manage'),
  }, async (req) => {
    if (!/^[0-9a-f-]{36}$/i.test(req.params.id)) throw new KoiError('resource.not_found', { what: 'staff' });
    return staff.update(staffOf(req), req.params.id, req.body);
  });

  app.get('/api/admin/roles', { schema: { ...admin, summary: 'Roles and their permissions', response: { 200: ZRoleList } }, preValidation: requireStaff('staff:view') },
    async () => ({
      items: ALL_ROLES.map((role: TRole) => ({
        role, nameZh: ROLE_NAMES[role].zh, nameEn: ROLE_NAMES[role].en, permissions: [...ROLE_PERMISSIONS[role]], storeScoped: STORE_ROLES.includes(role),
      })),
    }));

  app.get('/api/admin/stores', { schema: { ...admin, summary: 'Stores', response: { 200: ZStoreList } }, preValidation: requireStaff('store:view') },
    async (req) => {
      const me = staffOf(req);
      const all = await stores.list();
      return { items: me.storeId ? all.filter((s) => s.id === me.storeId) : all };
    });
}
