/** Hotspots are rectangles in percent of the image, so they fit any screen width the shop renders at. */
export interface TRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TPoint {
  x: number;
  y: number;
}

const clamp = (v: number) => Math.min(100, Math.max(0, v));
const round1 = (v: number) => Math.round(v * 10) / 10;

/** A point in the image box (pixels from its top-left) as percent of the box, clamped to the image. */
export function toPercent(px: TPoint, box: { width: number; height: number }): TPoint {
  return { x: clamp((px.x / box.width) * 100), y: clamp((px.y / box.height) * 100) };
}

/**
 * The rectangle dragged from `a` to `b` (in percent, any direction), rounded to 0.1 %; null when it is
 * too small to tap (under `min` percent either way), which is what a stray click makes.
 */
export function rectFromDrag(a: TPoint, b: TPoint, min = 4): TRect | null {
  const x = clamp(Math.min(a.x, b.x));
  const y = clamp(Math.min(a.y, b.y));
  const w = clamp(Math.max(a.x, b.x)) - x;
  const h = clamp(Math.max(a.y, b.y)) - y;
  if (w < min || h < min) return null;
  return { x: round1(x), y: round1(y), w: round1(Math.min(w, 100 - round1(x))), h: round1(Math.min(h, 100 - round1(y))) };
}

/** Keeps an edited rectangle inside the image (numbers typed into x/y/w/h). */
export function clampRect(r: TRect): TRect {
  const x = clamp(r.x);
  const y = clamp(r.y);
  return { x, y, w: Math.min(clamp(r.w), 100 - x), h: Math.min(clamp(r.h), 100 - y) };
}
