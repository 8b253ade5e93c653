import type { FastifyRequest } from 'fastify';
import { KoiError } from './errors.ts';
import type { App, PreHandler } from './http.ts';

export type ShopperPrincipal = { kind: 'shopper'; id: string; sessionId: string };
export type StaffPrincipal = {
  kind: 'staff';
  id: string;
  sessionId: string;
  role: string;
  /** null: every store. */
  storeId: string | null;
  permissions: ReadonlySet<string>;
};
export type Principal = ShopperPrincipal | StaffPrincipal;

/** Turns a bearer token into who is calling. Implemented by the identity module. */
export interface SessionResolver {
  resolve(token: string): Promise<Principal | 'expired' | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    authError: 'expired' | null;
  }
  interface FastifyInstance {
    /** The resolver behind bearer tokens, for the one route that may carry its token in the body. */
    sessionResolver: SessionResolver;
  }
}

export function bearerToken(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1]! : null;
}

/** Resolves the caller once per request; routes then say what they require (as `preValidation`). */
export function registerAuth(app: App, resolver: SessionResolver): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('authError', null);
  app.decorate('sessionResolver', resolver);
  // onRequest: before the body is read or validated, so a stranger gets a 401, not our schema.
  app.addHook('onRequest', async (req) => {
    const token = bearerToken(req);
    if (!token) return;
    const found = await resolver.resolve(token);
    if (found === 'expired') req.authError = 'expired';
    else req.principal = found;
  });
}

/**
 * A token sent in the body, for navigator.sendBeacon (it cannot set headers): resolved by the same
 * resolver as a bearer header, so it counts exactly as one would (unknown: nobody; expired: marked so).
 * Only when the request has no Authorization header: a header always wins.
 */
export async function adoptBodyToken(req: FastifyRequest, token: string | undefined): Promise<void> {
  if (!token || req.headers.authorization !== undefined) return;
  const found = await req.server.sessionResolver.resolve(token);
  if (found === 'expired') req.authError = 'expired';
  else req.principal = found;
}

function unauthenticated(req: FastifyRequest): KoiError {
  return new KoiError(req.authError === 'expired' ? 'auth.session_expired' : 'auth.unauthenticated');
}

export function shopperOf(req: FastifyRequest): ShopperPrincipal {
  const p = req.principal;
  if (p?.kind !== 'shopper') throw unauthenticated(req);
  return p;
}

export function staffOf(req: FastifyRequest): StaffPrincipal {
  const p = req.principal;
  if (p?.kind !== 'staff') throw unauthenticated(req);
  return p;
}

export const requireShopper: PreHandler = async (req) => {
  shopperOf(req);
};

/** Deny by default: a staff route names the permission it needs. */
export function requireStaff(permission: string): PreHandler {
  return async (req) => {
    const staff = staffOf(req);
    if (!staff.permissions.has(permission)) throw new KoiError('auth.forbidden');
  };
}

/** Store scope: a staff member bound to a store may only act on that store's records. */
export function assertStoreScope(staff: StaffPrincipal, storeId: string | null): void {
  if (staff.storeId !== null && staff.storeId !== storeId) throw new KoiError('auth.store_scope');
}

/** Whose key space an idempotent request belongs to. */
export function subjectKey(req: FastifyRequest): string {
  const p = req.principal;
  return p ? `${p.kind}:${p.id}` : `ip:${req.ip}`;
}
