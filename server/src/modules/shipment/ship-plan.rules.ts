/**
 * What an order still has to ship, and whether a set of packages fits it (pure). The database
 * enforces the same bound with a conditional update per line, so two operators shipping at once
 * cannot both pass; this gives the operator a precise reason before that.
 */
export type OrderLineUnits = { lineId: string; quantity: number };
export type PackageLines = { lineId: string; quantity: number }[] | undefined;
export type PlanError =
  | { code: 'shipment.line_unknown'; lineId: string }
  | { code: 'shipment.over_ship'; lineId: string; remaining: number }
  | { code: 'shipment.nothing_to_ship' }
  | { code: 'shipment.whole_needs_one_package' };

/** Units left per line: ordered minus shipped, never below zero. */
export function remaining(lines: OrderLineUnits[], shipped: ReadonlyMap<string, number>): Map<string, number> {
  return new Map(lines.map((l) => [l.lineId, Math.max(0, l.quantity - (shipped.get(l.lineId) ?? 0))]));
}

/**
 * The lines of each package, resolved: a package without lines takes everything left (only when it
 * is the only package). Quantities of the same line add up across packages.
 */
export function planPackages(lines: OrderLineUnits[], shipped: ReadonlyMap<string, number>, packages: PackageLines[]):
  { ok: true; packages: { lineId: string; quantity: number }[][] } | { ok: false; error: PlanError } {
  const left = remaining(lines, shipped);
  if (packages.some((p) => !p) && packages.length > 1) return { ok: false, error: { code: 'shipment.whole_needs_one_package' } };
  const resolved = packages.map((p) => p ?? [...left].filter(([, n]) => n > 0).map(([lineId, quantity]) => ({ lineId, quantity })));
  const asked = new Map<string, number>();
  for (const pkg of resolved) {
    if (!pkg.length) return { ok: false, error: { code: 'shipment.nothing_to_ship' } };
    for (const l of pkg) {
      if (!left.has(l.lineId)) return { ok: false, error: { code: 'shipment.line_unknown', lineId: l.lineId } };
      asked.set(l.lineId, (asked.get(l.lineId) ?? 0) + l.quantity);
    }
  }
  for (const [lineId, n] of asked) {
    const r = left.get(lineId)!;
    if (n > r) return { ok: false, error: { code: 'shipment.over_ship', lineId, remaining: r } };
  }
  return { ok: true, packages: resolved.map(merge) };
}

function merge(pkg: { lineId: string; quantity: number }[]) {
  const m = new Map<string, number>();
  for (const l of pkg) m.set(l.lineId, (m.get(l.lineId) ?? 0) + l.quantity);
  return [...m].map(([lineId, quantity]) => ({ lineId, quantity }));
}

/** True when, after `adding`, every unit of every line is shipped. */
export function fullyShipped(lines: OrderLineUnits[], shipped: ReadonlyMap<string, number>): boolean {
  return lines.every((l) => (shipped.get(l.lineId) ?? 0) >= l.quantity);
}
