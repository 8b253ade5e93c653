import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampRect, rectFromDrag, toPercent } from './hotspot.ts';

describe('hotspot rectangles', () => {
  it('turns pixels into percent of the image, clamped to it', () => {
    expect(toPercent({ x: 75, y: 50 }, { width: 300, height: 200 })).toEqual({ x: 25, y: 25 });
    expect(toPercent({ x: -10, y: 500 }, { width: 300, height: 200 })).toEqual({ x: 0, y: 100 });
  });

  it('makes a rectangle from a drag in any direction, and nothing from a click', () => {
    expect(rectFromDrag({ x: 60, y: 40 }, { x: 10.04, y: 10 })).toEqual({ x: 10, y: 10, w: 50, h: 30 });
    expect(rectFromDrag({ x: 10, y: 10 }, { x: 11, y: 30 })).toBeNull();
  });

  it('always stays inside the image', () => {
    const pt = fc.record({ x: fc.double({ min: -50, max: 150, noNaN: true }), y: fc.double({ min: -50, max: 150, noNaN: true }) });
    fc.assert(
      fc.property(pt, pt, (a, b) => {
        const r = rectFromDrag(a, b);
        if (!r) return;
        for (const v of [r.x, r.y, r.w, r.h]) expect(v).toBeGreaterThanOrEqual(0);
        expect(r.x + r.w).toBeLessThanOrEqual(100.0001);
        expect(r.y + r.h).toBeLessThanOrEqual(100.0001);
      }),
    );
    expect(clampRect({ x: 90, y: -5, w: 30, h: 120 })).toEqual({ x: 90, y: 0, w: 10, h: 100 });
  });
});
