import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fullyShipped, planPackages, remaining } from './ship-plan.rules.ts';

const lines = [{ lineId: 'a', quantity: 3 }, { lineId: 'b', quantity: 1 }];

describe('ship plan', () => {
  it('ships everything left when a single package names no lines', () => {
    const p = planPackages(lines, new Map([['a', 1]]), [undefined]);
    expect(p).toEqual({ ok: true, packages: [[{ lineId: 'a', quantity: 2 }, { lineId: 'b', quantity: 1 }]] });
  });

  it('splits into packages and adds up a line across them', () => {
    const p = planPackages(lines, new Map(), [[{ lineId: 'a', quantity: 2 }], [{ lineId: 'a', quantity: 1 }, { lineId: 'b', quantity: 1 }]]);
    expect(p.ok).toBe(true);
  });

  it('refuses more than is left, unknown lines, empty and ambiguous whole shipments', () => {
    expect(planPackages(lines, new Map(), [[{ lineId: 'a', quantity: 2 }], [{ lineId: 'a', quantity: 2 }]])).toEqual({ ok: false, error: { code: 'shipment.over_ship', lineId: 'a', remaining: 3 } });
    expect(planPackages(lines, new Map(), [[{ lineId: 'x', quantity: 1 }]])).toMatchObject({ ok: false, error: { code: 'shipment.line_unknown' } });
    expect(planPackages(lines, new Map([['a', 3], ['b', 1]]), [undefined])).toMatchObject({ ok: false, error: { code: 'shipment.nothing_to_ship' } });
    expect(planPackages(lines, new Map(), [undefined, [{ lineId: 'b', quantity: 1 }]])).toMatchObject({ ok: false, error: { code: 'shipment.whole_needs_one_package' } });
  });

  it('never plans more units than were ordered, whatever the packages ask (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
      fc.array(fc.array(fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
      (qty, pkgs) => {
        const ls = qty.map((quantity, i) => ({ lineId: `l${i}`, quantity }));
        let shipped = new Map<string, number>();
        for (const pkg of pkgs) {
          const plan = planPackages(ls, shipped, [pkg.map(([i, n]) => ({ lineId: `l${i % qty.length}`, quantity: n }))]);
          if (!plan.ok) continue;
          shipped = new Map(shipped);
          for (const l of plan.packages[0]!) shipped.set(l.lineId, (shipped.get(l.lineId) ?? 0) + l.quantity);
        }
        for (const l of ls) expect(shipped.get(l.lineId) ?? 0).toBeLessThanOrEqual(l.quantity);
        expect(fullyShipped(ls, shipped)).toBe([...remaining(ls, shipped).values()].every((n) => n === 0));
      },
    ));
  });
});
