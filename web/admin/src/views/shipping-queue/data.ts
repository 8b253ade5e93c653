import type { TOrderShipping, TShipRequest } from '@koi/contracts';

/** One package being filled in the ship dialog: units per line (0: not in this package). */
export interface TDraftPackage {
  courierCode: string;
  trackingNo: string;
  units: Record<string, number>;
}

export function emptyPackage(): TDraftPackage {
  return { courierCode: '', trackingNo: '', units: {} };
}

/** Split: the first package starts with everything left, so the operator only moves units out of it. */
export function firstSplitPackage(shipping: TOrderShipping): TDraftPackage {
  return { courierCode: '', trackingNo: '', units: Object.fromEntries(shipping.lines.map((l) => [l.lineId, l.remaining])) };
}

/** Units put in packages beyond what a line has left (the server checks again; this marks the field). */
export function overAllocated(shipping: TOrderShipping, packages: TDraftPackage[]): string[] {
  return shipping.lines
    .filter((l) => packages.reduce((n, p) => n + (p.units[l.lineId] ?? 0), 0) > l.remaining)
    .map((l) => l.lineId);
}

export type TDraftProblem = 'required' | 'emptyPackage' | null;

/** The request for the server, or why the form is not ready. Whole: one package without lines. */
export function shipRequest(mode: 'whole' | 'split', packages: TDraftPackage[]): { body: TShipRequest } | { problem: Exclude<TDraftProblem, null> } {
  const used = mode === 'whole' ? packages.slice(0, 1) : packages;
  if (used.some((p) => !p.courierCode || !p.trackingNo.trim())) return { problem: 'required' };
  if (mode === 'whole') return { body: { packages: [{ courierCode: used[0]!.courierCode, trackingNo: used[0]!.trackingNo.trim() }] } };
  const pkgs = used.map((p) => ({
    courierCode: p.courierCode,
    trackingNo: p.trackingNo.trim(),
    lines: Object.entries(p.units).filter(([, n]) => n > 0).map(([lineId, quantity]) => ({ lineId, quantity })),
  }));
  if (pkgs.some((p) => p.lines.length === 0)) return { problem: 'emptyPackage' };
  return { body: { packages: pkgs } };
}

/** Tag colour of a Kuaidi100 state (null: not picked up yet). */
export function stateTag(state: number | null, exception: boolean): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  if (exception) return 'danger';
  if (state === 3) return 'success';
  if (state === 5) return 'warning';
  if (state === null) return 'info';
  return 'primary';
}
