import { hash, verify } from '@node-rs/argon2';
import { count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Q } from '../../platform/db.ts';
import type { Config } from '../../platform/config.ts';
import { clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { KoiError } from '../../platform/errors.ts';
import { enforce, type RateLimiter } from '../../platform/rate-limit.ts';
import { publish } from '../../platform/events.ts';
import type { StaffPrincipal } from '../../platform/auth.ts';
import type { TCreateStaffRequest, TRole, TStaff, TStaffMe, TStaffSession, TUpdateStaffRequest } from '@koi/contracts';
import type { StoreService } from '../store/index.ts';
import { staffAccounts, staffAudit } from './identity.tables.ts';
import { permissionsOf, staffChangeDenied } from './roles.rules.ts';
import { STAFF_LOGIN_LIMITS } from './otp.rules.ts';
import { openSession, type Sessions } from './sessions.ts';

type Deps = { db: Db; config: Config; limiter: RateLimiter; stores: StoreService; sessions: Sessions };
type Row = typeof staffAccounts.$inferSelect;

/** A hash to verify against when the email is unknown, so timing does not reveal which emails exist. */
let decoyHash: Promise<string> | null = null;

export function staffAccountsService({ db, config, limiter, stores, sessions }: Deps) {
  async function present(rows: Row[]): Promise<TStaff[]> {
    const names = await stores.namesOf([...new Set(rows.map((r) => r.storeId).filter((s): s is string => !!s))]);
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      role: r.role,
      storeId: r.storeId,
      storeName: r.storeId ? (names.get(r.storeId) ?? null) : null,
      disabled: r.disabled,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async function withPermissions(row: Row): Promise<TStaffMe> {
    const [staff] = await present([row]);
    return { ...staff!, permissions: [...permissionsOf(row.role)] };
  }

  async function countStaff(where?: SQL): Promise<number> {
    const [r] = await db.run((q) => q.select({ n: count() }).from(staffAccounts).where(where));
    return Number(r?.n ?? 0);
  }

  async function audit(q: Q, actorId: string | null, targetId: string, action: string, detail: string) {
    await q.insert(staffAudit).values({ id: newId(), actorId, targetId, action, detail, createdAt: clock.now() });
  }

  return {
    async login(email: string, password: string, meta: { ip: string; userAgent?: string }): Promise<TStaffSession> {
      await enforce(limiter, [
        { key: `staff-login:email:${email}`, ...STAFF_LOGIN_LIMITS.perEmail },
        { key: `staff-login:ip:${meta.ip}`, ...STAFF_LOGIN_LIMITS.perIp },
      ]);
      const [row] = await db.run((q) => q.select().from(staffAccounts).where(eq(staffAccounts.email, email)));
      if (!row) {
        decoyHash ??= hash('koi-decoy-password');
        await verify(await decoyHash, password).catch(() => false);
        throw new KoiError('identity.bad_credentials');
      }
      if (!(await verify(row.passwordHash, password).catch(() => false))) throw new KoiError('identity.bad_credentials');
      if (row.disabled) throw new KoiError('identity.staff_disabled');
      const session = await db.tx((q) => openSession(q, { kind: 'staff', id: row.id }, config.staffSessionHours * 3600_000, meta));
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), staff: await withPermissions(row) };
    },

    async me(id: string): Promise<TStaffMe> {
      const [row] = await db.run((q) => q.select().from(staffAccounts).where(eq(staffAccounts.id, id)));
      if (!row) throw new KoiError('auth.unauthenticated');
      return withPermissions(row);
    },

    /** Store-scoped staff see only their store's colleagues. */
    async list(actor: StaffPrincipal, page: number, pageSize: number): Promise<{ items: TStaff[]; total: number }> {
      const where = actor.storeId ? eq(staffAccounts.storeId, actor.storeId) : undefined;
      // The page and the total in one statement.
      const rows = await db.run((q) =>
        q.select({ staff: staffAccounts, total: sql<number>`count(*) over ()` }).from(staffAccounts).where(where)
          .orderBy(desc(staffAccounts.createdAt), desc(staffAccounts.id)).limit(pageSize).offset((page - 1) * pageSize),
      );
      const total = rows.length ? Number(rows[0]!.total) : page === 1 ? 0 : await countStaff(where);
      return { items: await present(rows.map((r) => r.staff)), total };
    },

    countAll: () => countStaff(),

    async create(actor: StaffPrincipal | null, input: TCreateStaffRequest): Promise<TStaff> {
      if (actor) {
        const denied = staffChangeDenied({ id: actor.id, role: actor.role as TRole, storeId: actor.storeId }, null, input);
        if (denied) throw new KoiError(denied);
      }
      if (input.storeId && !(await stores.exists(input.storeId))) throw new KoiError('identity.store_unknown');
      const passwordHash = await hash(input.password);
      const id = newId();
      const now = clock.now();
      const row = await db.tx(async (q) => {
        const [created] = await q.insert(staffAccounts)
          .values({ id, email: input.email, name: input.name, passwordHash, role: input.role, storeId: input.storeId, createdAt: now, updatedAt: now })
          .onConflictDoNothing()
          .returning();
        if (!created) throw new KoiError('identity.staff_email_taken');
        await audit(q, actor?.id ?? null, id, 'create', `role=${input.role} store=${input.storeId ?? 'all'}`);
        await publish(q, 'identity.staff_changed', { staffId: id, action: 'create', role: input.role, storeId: input.storeId });
        return created;
      });
      return (await present([row]))[0]!;
    },

    async update(actor: StaffPrincipal, id: string, patch: TUpdateStaffRequest): Promise<TStaff> {
      if (patch.storeId && !(await stores.exists(patch.storeId))) throw new KoiError('identity.store_unknown');
      const row = await db.tx(async (q) => {
        const [before] = await q.select().from(staffAccounts).where(eq(staffAccounts.id, id)).for('update');
        // Someone outside the actor's store is "not found", not "forbidden": scope hides existence.
        if (!before || (actor.storeId && before.storeId !== actor.storeId)) throw new KoiError('resource.not_found', { what: 'staff' });
        const after = {
          id,
          role: patch.role ?? before.role,
          storeId: patch.storeId === undefined ? before.storeId : patch.storeId,
          disabled: patch.disabled ?? before.disabled,
        };
        const denied = staffChangeDenied({ id: actor.id, role: actor.role as TRole, storeId: actor.storeId }, before, after);
        if (denied) throw new KoiError(denied);
        const [updated] = await q.update(staffAccounts)
          .set({ name: patch.name ?? before.name, role: after.role, storeId: after.storeId, disabled: after.disabled, updatedAt: clock.now() })
          .where(eq(staffAccounts.id, id))
          .returning();
        const changes = (['name', 'role', 'storeId', 'disabled'] as const)
          .filter((k) => patch[k] !== undefined && patch[k] !== before[k])
          .map((k) => `${k}: ${String(before[k])} → ${String(patch[k])}`);
        if (changes.length) {
          await audit(q, actor.id, id, 'update', changes.join('; '));
          await publish(q, 'identity.staff_changed', { staffId: id, action: 'update', role: after.role, storeId: after.storeId, disabled: after.disabled });
        }
        // Losing access takes effect now, not when the session would have expired.
        if (after.disabled && !before.disabled) await sessions.revokeAll(q, { kind: 'staff', id });
        else if (changes.length) sessions.forget({ kind: 'staff', id });
        return updated!;
      });
      return (await present([row]))[0]!;
    },

  };
}
export type StaffAccounts = ReturnType<typeof staffAccountsService>;
