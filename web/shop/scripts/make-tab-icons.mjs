// Draws the tab-bar icons (the mini-program's tab bar needs PNG files, not an icon font).
// Run once: node scripts/make-tab-icons.mjs → src/static/tabbar/*.png. Output is committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const STROKE = 5;

function segDist(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
const polyline = (pts) => (x, y) => pts.slice(1).some((p, i) => segDist(x, y, pts[i], p) <= STROKE / 2);
const ring = (cx, cy, r) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= STROKE / 2;
/** Upper half of an ellipse outline, for shoulders. */
const arc = (cx, cy, rx, ry) => (x, y) => {
  if (y > cy) return false;
  const k = Math.hypot((x - cx) / rx, (y - cy) / ry);
  return Math.abs(k - 1) * Math.min(rx, ry) <= STROKE / 2;
};

/** Outline of a square with its top-left corner at (x, y). */
const square = (x, y, size) => polyline([[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]);

const shapes = {
  home: [polyline([[10, 40], [40.5, 13], [71, 40]]), polyline([[19, 33], [19, 68], [62, 68], [62, 33]]), polyline([[34, 68], [34, 51], [47, 51], [47, 68]])],
  me: [ring(40.5, 27, 13), arc(40.5, 70, 26, 24), polyline([[14.5, 70], [66.5, 70]])],
  // 分类: four tiles, the lower right one a circle.
  category: [square(14, 14, 22), square(45, 14, 22), square(14, 45, 22), ring(56, 56, 11)],
  // 购物车: handle, basket, two wheels.
  cart: [polyline([[8, 16], [18, 16], [25, 52], [63, 52], [70, 27], [21, 27]]), polyline([[27, 40], [66, 40]]), ring(30, 64, 5), ring(58, 64, 5)],
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(parts, [r, g, b]) {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let x = 0; x < SIZE; x++) {
      let hits = 0; // 4×4 supersampling for smooth edges
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) if (parts.some((f) => f(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4))) hits++;
      row.set([r, g, b, Math.round((hits / 16) * 255)], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const out = new URL('../src/static/tabbar/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const [name, parts] of Object.entries(shapes)) {
  writeFileSync(new URL(`${name}.png`, out), png(parts, [0x8a, 0x8f, 0x8c]));
  writeFileSync(new URL(`${name}-active.png`, out), png(parts, [0x2f, 0x6b, 0x5e]));
}
console.log('tab icons written to src/static/tabbar/');
