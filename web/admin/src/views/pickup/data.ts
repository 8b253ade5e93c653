import { ApiError } from '@/api/http';

type T = (key: string, values?: Record<string, unknown>) => string;

/** What the counter shows for a refused code: the server's codes as the page's own words. */
export function pickupErrorText(e: unknown, t: T): string | null {
  if (!(e instanceof ApiError)) return null;
  const code = e.code;
  if (code === 'pickup.code_not_found') return t('pickup.errors.notFound');
  if (code === 'auth.store_scope') return t('pickup.errors.scope');
  if (code === 'pickup.already_picked_up') return t('pickup.errors.used');
  if (code === 'pickup.too_many_wrong_codes') return t('pickup.errors.locked');
  return e.message;
}

/** A scanner types the code and Enter; people type spaces or dashes. Keeps the digits, up to 8. */
export function normaliseCode(input: string): string {
  return input.replace(/\D/g, '').slice(0, 8);
}

/** 3480 → '3.5' (km, one decimal), for showing a distance the server measured. */
export function kmText(metres: number): string {
  return (Math.round(metres / 100) / 10).toFixed(1);
}
