/**
 * The address form's decisions: what the shop checks before sending, how the server's field errors
 * land on the form, how a region reads. Pure: no uni APIs (tests/unit/address-form.test.ts).
 */
import type { TAddress, TAddressInput } from '@koi/contracts';

export type AddressForm = {
  recipient: string;
  mobile: string;
  /** [province, city, district] codes; empty until picked. */
  region: string[];
  detail: string;
  label: string | null;
  isDefault: boolean;
};

export type AddressField = 'recipient' | 'mobile' | 'region' | 'detail';
/** Message keys under `address.` of the shop's locale. */
export type AddressFieldError = 'errorRecipient' | 'errorMobile' | 'errorRegion' | 'errorDetail';
export type AddressFieldErrors = Partial<Record<AddressField, AddressFieldError>>;

export const LABEL_PRESETS = ['家', '公司', '学校'] as const;

/** What shoppers type: spaces and dashes in a number, a +86 in front. */
export function normaliseMobile(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}

export function emptyForm(): AddressForm {
  return { recipient: '', mobile: '', region: [], detail: '', label: null, isDefault: false };
}

export function formOf(a: TAddress): AddressForm {
  return { recipient: a.recipient, mobile: a.mobile, region: [a.provinceCode, a.cityCode, a.districtCode], detail: a.detail, label: a.label, isDefault: a.isDefault };
}

/** The same rules as the contract (ZAddressInput), in the shop's own words, before any request. */
export function validateForm(f: AddressForm): AddressFieldErrors {
  const errors: AddressFieldErrors = {};
  if (!f.recipient.trim() || f.recipient.trim().length > 25) errors.recipient = 'errorRecipient';
  if (!/^1[3-9]\d{9}$/.test(normaliseMobile(f.mobile))) errors.mobile = 'errorMobile';
  if (f.region.length !== 3) errors.region = 'errorRegion';
  const detail = f.detail.trim();
  if (detail.length < 2 || detail.length > 120) errors.detail = 'errorDetail';
  return errors;
}

export function toInput(f: AddressForm): TAddressInput {
  const [provinceCode = '', cityCode = '', districtCode = ''] = f.region;
  return {
    recipient: f.recipient.trim(),
    mobile: normaliseMobile(f.mobile),
    provinceCode,
    cityCode,
    districtCode,
    detail: f.detail.trim(),
    label: f.label?.trim() ? f.label.trim() : null,
    isDefault: f.isDefault,
  };
}

const FIELD_OF_PATH: Record<string, AddressField> = {
  recipient: 'recipient',
  mobile: 'mobile',
  provinceCode: 'region',
  cityCode: 'region',
  districtCode: 'region',
  detail: 'detail',
};
const MESSAGE_OF_FIELD: Record<AddressField, AddressFieldError> = {
  recipient: 'errorRecipient',
  mobile: 'errorMobile',
  region: 'errorRegion',
  detail: 'errorDetail',
};

/** The server's `errors[]` (paths like `body.districtCode`) as the form's fields; unknown paths are left out. */
export function serverFieldErrors(errors: ReadonlyArray<{ path: string }>): AddressFieldErrors {
  const out: AddressFieldErrors = {};
  for (const e of errors) {
    const field = FIELD_OF_PATH[e.path.split('.').pop() ?? ''];
    if (field) out[field] = MESSAGE_OF_FIELD[field];
  }
  return out;
}

/** 浙江省 杭州市 西湖区; a municipality's city repeats its name (北京市 北京市), so it is said once. */
export function regionText(a: Pick<TAddress, 'provinceName' | 'cityName' | 'districtName'>): string {
  const parts = a.cityName === a.provinceName ? [a.provinceName, a.districtName] : [a.provinceName, a.cityName, a.districtName];
  return parts.join(' ');
}
