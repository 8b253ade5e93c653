import type { TRoleInfo, TStaff, TStore } from '@koi/contracts';
import { describe, expect, it } from 'vitest';
import {
  ALL_STORES,
  emptyStaffForm,
  staffRules,
  staffToForm,
  storeOptions,
  storeRequired,
  toCreateRequest,
  toUpdateRequest,
} from './data.ts';

const t = (key: string) => key;
const stores: TStore[] = [{ id: 'st1', name: '静安店', city: '上海', address: '南京西路 1 号' }];
const staff: TStaff = {
  id: 's1',
  email: 'guide@koi.demo',
  name: '李导购',
  role: 'shopping_guide',
  storeId: 'st1',
  storeName: '静安店',
  disabled: false,
  createdAt: '2026-01-02T03:04:05Z',
};

const roles: TRoleInfo[] = [
  { role: 'owner', nameZh: '店主', nameEn: 'Owner', permissions: [], storeScoped: false },
  { role: 'operator', nameZh: '运营', nameEn: 'Operator', permissions: [], storeScoped: false },
  { role: 'finance', nameZh: '财务', nameEn: 'Finance', permissions: [], storeScoped: false },
  { role: 'store_manager', nameZh: '店长', nameEn: 'Store manager', permissions: [], storeScoped: true },
  { role: 'shopping_guide', nameZh: '导购', nameEn: 'Shopping guide', permissions: [], storeScoped: true },
];

describe('staff form schema', () => {
  it('requires a store only for store roles, and offers "all stores" to the others', () => {
    expect(storeRequired('shopping_guide', roles)).toBe(true);
    expect(storeRequired('owner', roles)).toBe(false);
    expect(storeRequired('', roles)).toBe(false);
    expect(storeOptions('store_manager', roles, stores, t).map((o) => o.value)).toEqual(['st1']);
    expect(storeOptions('operator', roles, stores, t).map((o) => o.value)).toEqual([ALL_STORES, 'st1']);
  });

  it('builds a create request with null for all stores and a normalised email', () => {
    const form = { ...emptyStaffForm(), email: ' Ops@Koi.Demo ', name: ' 运营 ', password: 'longenough', role: 'operator' as const };
    expect(toCreateRequest(form)).toEqual({ email: 'ops@koi.demo', name: '运营', password: 'longenough', role: 'operator', storeId: null });
  });

  it('sends only the fields an edit changed', () => {
    const form = staffToForm(staff);
    expect(toUpdateRequest(form, staff)).toEqual({});
    expect(toUpdateRequest({ ...form, disabled: true }, staff)).toEqual({ disabled: true });
    expect(toUpdateRequest({ ...form, role: 'operator', storeId: ALL_STORES }, staff)).toEqual({ role: 'operator', storeId: null });
  });
});

describe('staff form rules', () => {
  async function storeError(form: ReturnType<typeof emptyStaffForm>): Promise<string | null> {
    const rule = staffRules(t, 'create', form, roles).storeId;
    const first = Array.isArray(rule) ? rule[0]! : rule!;
    return new Promise((resolve) => {
      first.validator!(first, form.storeId, (e?: string | Error) => resolve(e ? String(e instanceof Error ? e.message : e) : null), {}, {});
    });
  }

  it('marks the store required, and rejects "all stores", only for store roles', async () => {
    const guide = { ...emptyStaffForm(), role: 'shopping_guide' as const };
    const sr = staffRules(t, 'create', guide, roles).storeId;
    expect(Array.isArray(sr) ? sr[0]!.required : undefined).toBe(true);
    expect(await storeError(guide)).toBe('staff.storeRequired');
    expect(await storeError({ ...guide, storeId: '' })).toBe('staff.storeRequired');
    expect(await storeError({ ...guide, storeId: 'st1' })).toBeNull();
    expect(await storeError({ ...emptyStaffForm(), role: 'finance' })).toBeNull();
  });
});
