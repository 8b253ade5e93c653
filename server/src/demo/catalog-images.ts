import sharp from 'sharp';

/**
 * The demo products' pictures, drawn locally: an SVG (a soft background per category, a simple
 * shape for the kind of product, its name in Noto Sans CJK SC found through fontconfig by librsvg)
 * rendered by sharp to WebP. Nothing is downloaded.
 */

export type Shape = 'gaiwan' | 'cup' | 'pitcher' | 'tray' | 'pot' | 'leaf' | 'cake' | 'gift';
export type ProductArt = { title: string; subtitle: string; background: string; shape: Shape; colour: string; accent: string };

export const IMAGE_SIZE = 800;

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** Each shape drawn around (400, 330) in a 800 × 800 canvas. */
const SHAPES: Record<Shape, (c: string, a: string) => string> = {
  gaiwan: (c, a) => `
    <ellipse cx="400" cy="470" rx="150" ry="26" fill="${a}" opacity="0.35"/>
    <path d="M260 300 Q 270 450 400 460 Q 530 450 540 300 Z" fill="${c}"/>
    <path d="M280 300 Q 400 230 520 300 Z" fill="${c}" stroke="${a}" stroke-width="4"/>
    <ellipse cx="400" cy="246" rx="26" ry="14" fill="${c}" stroke="${a}" stroke-width="4"/>
    <ellipse cx="400" cy="300" rx="140" ry="18" fill="none" stroke="${a}" stroke-width="4" opacity="0.6"/>`,
  cup: (c, a) => `
    <ellipse cx="400" cy="450" rx="120" ry="22" fill="${a}" opacity="0.35"/>
    <path d="M290 280 Q 300 430 400 440 Q 500 430 510 280 Z" fill="${c}"/>
    <ellipse cx="400" cy="280" rx="110" ry="22" fill="${c}" stroke="${a}" stroke-width="5"/>
    <path d="M330 330 Q 400 350 470 330" stroke="${a}" stroke-width="3" fill="none" opacity="0.5"/>`,
  pitcher: (c, a) => `
    <ellipse cx="400" cy="470" rx="120" ry="22" fill="${a}" opacity="0.35"/>
    <path d="M300 240 L 500 240 Q 520 420 400 460 Q 280 420 300 240 Z" fill="${c}"/>
    <path d="M300 240 L 250 215 L 310 262 Z" fill="${c}" stroke="${a}" stroke-width="4"/>
    <ellipse cx="400" cy="240" rx="100" ry="18" fill="${c}" stroke="${a}" stroke-width="5"/>`,
  tray: (c, a) => `
    <rect x="170" y="300" width="460" height="120" rx="22" fill="${c}"/>
    <rect x="200" y="285" width="400" height="40" rx="14" fill="${c}" stroke="${a}" stroke-width="5"/>
    ${[0, 1, 2, 3, 4, 5].map((i) => `<line x1="${230 + i * 68}" y1="292" x2="${230 + i * 68}" y2="318" stroke="${a}" stroke-width="6" opacity="0.6"/>`).join('')}`,
  pot: (c, a) => `
    <ellipse cx="400" cy="470" rx="160" ry="24" fill="${a}" opacity="0.35"/>
    <ellipse cx="400" cy="360" rx="150" ry="105" fill="${c}"/>
    <path d="M250 340 Q 180 330 170 270" stroke="${c}" stroke-width="26" fill="none" stroke-linecap="round"/>
    <path d="M548 320 Q 640 320 620 400 Q 600 440 540 410" stroke="${c}" stroke-width="22" fill="none"/>
    <ellipse cx="400" cy="262" rx="80" ry="16" fill="${c}" stroke="${a}" stroke-width="4"/>
    <circle cx="400" cy="238" r="20" fill="${c}" stroke="${a}" stroke-width="4"/>`,
  leaf: (c, a) => `
    <path d="M400 470 C 390 380 420 300 500 230" stroke="${a}" stroke-width="8" fill="none"/>
    <path d="M498 232 C 400 220 360 300 396 350 C 480 340 520 280 498 232 Z" fill="${c}"/>
    <path d="M420 330 C 330 300 270 350 280 410 C 350 420 410 390 420 330 Z" fill="${c}" opacity="0.85"/>
    <path d="M440 280 C 520 300 560 360 540 400 C 470 400 440 350 440 280 Z" fill="${c}" opacity="0.7"/>`,
  cake: (c, a) => `
    <ellipse cx="400" cy="470" rx="170" ry="26" fill="${a}" opacity="0.3"/>
    <ellipse cx="400" cy="350" rx="170" ry="110" fill="${c}"/>
    <ellipse cx="400" cy="350" rx="120" ry="75" fill="none" stroke="${a}" stroke-width="4" stroke-dasharray="10 8"/>
    <rect x="350" y="320" width="100" height="60" rx="6" fill="#f7f2e8" stroke="${a}" stroke-width="3"/>`,
  gift: (c, a) => `
    <rect x="250" y="270" width="300" height="200" rx="10" fill="${c}"/>
    <rect x="235" y="240" width="330" height="60" rx="8" fill="${c}" stroke="${a}" stroke-width="4"/>
    <rect x="385" y="240" width="30" height="230" fill="${a}"/>
    <path d="M400 240 C 340 180 300 220 350 240 Z M400 240 C 460 180 500 220 450 240 Z" fill="${a}"/>`,
};

/** Width of a line in em: CJK characters are square, Latin letters and digits about half as wide. */
function ems(text: string): number {
  return [...text].reduce((n, c) => n + (c.charCodeAt(0) < 0x2e80 ? 0.56 : 1), 0);
}

export function productSvg(art: ProductArt): string {
  const title = art.title;
  // Long names get a smaller size so they fit in 700 px, down to 36 px.
  const size = Math.max(36, Math.min(52, Math.floor(700 / ems(title))));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_SIZE}" height="${IMAGE_SIZE}" viewBox="0 0 ${IMAGE_SIZE} ${IMAGE_SIZE}">
  <rect width="800" height="800" fill="${art.background}"/>
  <circle cx="660" cy="130" r="190" fill="#ffffff" opacity="0.35"/>
  <text x="48" y="80" font-family="Noto Sans CJK SC" font-size="30" fill="#5b6b63" letter-spacing="6">青瓷小筑</text>
  ${SHAPES[art.shape](art.colour, art.accent)}
  <text x="400" y="620" text-anchor="middle" font-family="Noto Sans CJK SC" font-weight="bold" font-size="${size}" fill="#2f3a35">${escapeXml(title)}</text>
  <text x="400" y="690" text-anchor="middle" font-family="Noto Sans CJK SC" font-size="30" fill="#6d7a73">${escapeXml(art.subtitle.slice(0, 20))}</text>
</svg>`;
}

export async function drawProduct(art: ProductArt): Promise<Buffer> {
  return sharp(Buffer.from(productSvg(art))).webp({ quality: 82 }).toBuffer();
}
