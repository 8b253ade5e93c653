import type {
  TCreateStaffRequest,
  TRole,
  TRoleInfo,
  TStaff,
  TStore,
  TUpdateStaffRequest,
} from '@koi/contracts';
import type { FormItemRule, FormRules } from 'element-plus';
import type { TColumn } from '@/types/table';
import { formatDateTime } from '@/utils/format';

type T = (key: string, values?: Record<string, unknown>) => string;


/** el-select treats '' and null as "nothing chosen", so "all stores" needs a value of its own. */
export const ALL_STORES = '*';

/** Whether a role acts inside one store and so must be given one: the server says so per role. */
export function storeRequired(role: TRole | '', roles: readonly TRoleInfo[]): boolean {
  return role !== '' && roles.some((r) => r.role === role && r.storeScoped);
}

/** The server's role names (nameZh/nameEn) in the current language, else our own message. */
export function roleName(role: TRole, roles: readonly TRoleInfo[], locale: string, t: T): string {
  const info = roles.find((r) => r.role === role);
  if (!info) return t(`role.${role}`);
  return locale === 'en' ? info.nameEn : info.nameZh;
}

// ---- table ---------------------------------------------------------------------------------------

export function staffColumns(t: T): TColumn<TStaff>[] {
  return [
    { prop: 'email', label: t('staff.email'), minWidth: 200 },
    { prop: 'name', label: t('staff.name'), minWidth: 120 },
    { prop: 'role', label: t('staff.role'), minWidth: 120 },
    { prop: 'storeName', label: t('staff.store'), minWidth: 140, formatter: (r) => r.storeName ?? t('staff.allStores') },
    { prop: 'disabled', label: t('staff.status'), width: 100 },
    { prop: 'createdAt', label: t('staff.createdAt'), minWidth: 160, formatter: (r) => formatDateTime(r.createdAt) },
  ];
}

export function roleColumns(t: T): TColumn<TRoleInfo>[] {
  return [
    { prop: 'role', label: t('staff.role'), width: 180 },
    { prop: 'permissions', label: t('staff.rolePermissions'), minWidth: 400 },
  ];
}

// ---- form ----------------------------------------------------------------------------------------

export type TStaffFormMode = 'create' | 'edit';

export interface TStaffForm {
  email: string;
  name: string;
  password: string;
  role: TRole | '';
  /** A store id, or ALL_STORES. */
  storeId: string;
  disabled: boolean;
}

export function emptyStaffForm(): TStaffForm {
  return { email: '', name: '', password: '', role: '', storeId: ALL_STORES, disabled: false };
}

export function staffToForm(staff: TStaff): TStaffForm {
  return {
    email: staff.email,
    name: staff.name,
    password: '',
    role: staff.role,
    storeId: staff.storeId ?? ALL_STORES,
    disabled: staff.disabled,
  };
}

function storeIdOf(form: TStaffForm): string | null {
  return form.storeId === ALL_STORES ? null : form.storeId;
}

export function toCreateRequest(form: TStaffForm): TCreateStaffRequest {
  if (form.role === '') throw new Error('role is required');
  return {
    email: form.email.trim().toLowerCase(),
    name: form.name.trim(),
    password: form.password,
    role: form.role,
    storeId: storeIdOf(form),
  };
}

/** Only what changed, so an edit never overwrites a field someone else changed meanwhile. */
export function toUpdateRequest(form: TStaffForm, original: TStaff): TUpdateStaffRequest {
  const patch: TUpdateStaffRequest = {};
  const name = form.name.trim();
  if (name !== original.name) patch.name = name;
  if (form.role !== '' && form.role !== original.role) patch.role = form.role;
  const storeId = storeIdOf(form);
  if (storeId !== original.storeId) patch.storeId = storeId;
  if (form.disabled !== original.disabled) patch.disabled = form.disabled;
  return patch;
}

/** The store options for a role: a store-scoped role must pick one, others may also have all stores. */
export function storeOptions(role: TRole | '', roles: readonly TRoleInfo[], stores: readonly TStore[], t: T): { value: string; label: string }[] {
  const options = stores.map((s) => ({ value: s.id, label: `${s.name}（${s.city}）` }));
  return storeRequired(role, roles) ? options : [{ value: ALL_STORES, label: t('staff.allStores') }, ...options];
}

/** Mirrors ZCreateStaffRequest / ZUpdateStaffRequest so most mistakes never reach the server. */
export function staffRules(t: T, mode: TStaffFormMode, form: TStaffForm, roles: readonly TRoleInfo[]): FormRules<TStaffForm> {
  // `required` is read here, not in the validator, so the rules (and the asterisk) follow the chosen role.
  const storeRule: FormItemRule = {
    required: storeRequired(form.role, roles),
    message: t('staff.storeRequired'),
    trigger: 'change',
    // A custom validator replaces async-validator's own required check, so it covers "nothing chosen" too.
    validator: (_rule, _value, callback) =>
      storeRequired(form.role, roles) && (form.storeId === ALL_STORES || form.storeId === '')
        ? callback(new Error(t('staff.storeRequired')))
        : callback(),
  };
  const rules: FormRules<TStaffForm> = {
    name: [
      { required: true, whitespace: true, message: t('staff.nameRequired'), trigger: 'blur' },
      { max: 50, message: t('staff.nameTooLong'), trigger: 'blur' },
    ],
    role: [{ required: true, message: t('staff.roleRequired'), trigger: 'change' }],
    storeId: [storeRule],
  };
  if (mode === 'create') {
    rules.email = [
      { required: true, message: t('staff.emailRequired'), trigger: 'blur' },
      { type: 'email', message: t('staff.emailInvalid'), trigger: 'blur' },
    ];
    rules.password = [
      { required: true, message: t('staff.passwordTooShort'), trigger: 'blur' },
      { min: 8, max: 200, message: t('staff.passwordTooShort'), trigger: 'blur' },
    ];
  }
  return rules;
}
