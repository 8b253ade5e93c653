import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@koi/contracts';
import { ROLE_PERMISSIONS, permissionsOf, staffChangeDenied } from './roles.rules.ts';

const owner = { id: 'o', role: 'owner' as const, storeId: null };
const managerHz = { id: 'm', role: 'store_manager' as const, storeId: 'hz' };

describe('roles', () => {
  it('the owner has every permission; nobody else has one that does not exist', () => {
    expect([...permissionsOf('owner')].sort()).toEqual([...PERMISSIONS].sort());
    for (const perms of Object.values(ROLE_PERMISSIONS)) for (const p of perms) expect(PERMISSIONS).toContain(p);
  });

  it('only the owner may reveal personal data or manage jobs', () => {
    for (const [role, perms] of Object.entries(ROLE_PERMISSIONS)) {
      if (role === 'owner') continue;
      expect(perms).not.toContain('customer:reveal_pii');
      expect(perms).not.toContain('jobs:manage');
    }
  });
});

describe('customer:reveal', () => {
  it('lets the owner, operators and customer service reveal a masked phone or address, not guides', () => {
    const allowed = Object.entries(ROLE_PERMISSIONS).filter(([, perms]) => perms.includes('customer:reveal')).map(([r]) => r).sort();
    expect(allowed).toEqual(['customer_service', 'operator', 'owner']);
  });
});

describe('staffChangeDenied', () => {
  it('lets the owner create anyone, with a store for store roles', () => {
    expect(staffChangeDenied(owner, null, { role: 'operator', storeId: null })).toBeNull();
    expect(staffChangeDenied(owner, null, { role: 'shopping_guide', storeId: null })).toBe('identity.staff_store_required');
    expect(staffChangeDenied(owner, null, { role: 'shopping_guide', storeId: 'hz' })).toBeNull();
  });

  it('keeps the owner from locking themself out', () => {
    expect(staffChangeDenied(owner, { id: 'o', role: 'owner', storeId: null }, { role: 'operator', storeId: null })).toBe('identity.cannot_change_self');
    expect(staffChangeDenied(owner, { id: 'o', role: 'owner', storeId: null }, { role: 'owner', storeId: null, disabled: true })).toBe('identity.cannot_change_self');
  });

  it('limits a store manager to guides and service staff of their own store', () => {
    expect(staffChangeDenied(managerHz, null, { role: 'shopping_guide', storeId: 'hz' })).toBeNull();
    expect(staffChangeDenied(managerHz, null, { role: 'customer_service', storeId: 'hz' })).toBeNull();
    expect(staffChangeDenied(managerHz, null, { role: 'operator', storeId: 'hz' })).toBe('identity.staff_role_not_assignable');
    expect(staffChangeDenied(managerHz, null, { role: 'shopping_guide', storeId: 'sh' })).toBe('auth.store_scope');
    expect(staffChangeDenied(managerHz, { id: 'x', role: 'shopping_guide', storeId: 'sh' }, { role: 'shopping_guide', storeId: 'hz' })).toBe('auth.store_scope');
    expect(staffChangeDenied(managerHz, { id: 'x', role: 'store_manager', storeId: 'hz' }, { role: 'shopping_guide', storeId: 'hz' })).toBe('identity.staff_role_not_assignable');
  });
});
