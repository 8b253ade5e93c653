import { mkdir, access, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { newId } from '../platform/ids.ts';

/**
 * The demo home page's banner slides, drawn locally: an SVG (Chinese set in Noto Sans CJK SC, found
 * through fontconfig by librsvg) rendered by sharp to WebP in KOI_DATA_DIR/media. Nothing is
 * downloaded; an existing file is kept, so seeding twice draws nothing twice.
 */

export type BannerArt = { name: string; title: string; subtitle: string; action: string; from: string; to: string; accent: string; motif: 'leaf' | 'pot' | 'moon' };

export const BANNER_WIDTH = 750;
export const BANNER_HEIGHT = 360;

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

const MOTIFS: Record<BannerArt['motif'], (accent: string) => string> = {
  // Tea leaves on a stem.
  leaf: (a) => `<g transform="translate(560 70)" fill="${a}" opacity="0.85">
      <path d="M60 220 C 50 150 70 90 120 40" stroke="${a}" stroke-width="6" fill="none"/>
      <path d="M118 42 C 60 40 40 90 62 120 C 110 110 130 70 118 42Z"/>
      <path d="M92 110 C 140 100 170 130 160 170 C 120 175 95 150 92 110Z" opacity="0.8"/>
      <path d="M70 160 C 30 150 10 180 20 215 C 55 215 75 190 70 160Z" opacity="0.7"/></g>`,
  // A teapot silhouette.
  pot: (a) => `<g transform="translate(565 118) scale(0.72)" fill="${a}" opacity="0.9">
      <ellipse cx="100" cy="120" rx="95" ry="70"/><rect x="80" y="30" width="40" height="22" rx="8"/>
      <ellipse cx="100" cy="52" rx="60" ry="12"/><path d="M190 100 C 240 80 250 40 225 30 L 215 45 C 230 55 215 80 185 88Z"/>
      <path d="M8 95 C -30 100 -30 160 10 165 L 14 150 C -10 145 -8 112 12 110Z"/></g>`,
  // A full moon over hills.
  moon: (a) => `<g opacity="0.9"><circle cx="655" cy="105" r="66" fill="${a}"/>
      <path d="M420 360 C 500 250 580 300 640 240 C 690 200 730 250 750 230 L 750 360Z" fill="#000" opacity="0.18"/></g>`,
};

export function bannerSvg(art: BannerArt): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${BANNER_WIDTH}" height="${BANNER_HEIGHT}" viewBox="0 0 ${BANNER_WIDTH} ${BANNER_HEIGHT}">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${art.from}"/><stop offset="1" stop-color="${art.to}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#bg)"/>
  <circle cx="-40" cy="380" r="180" fill="#fff" opacity="0.06"/><circle cx="700" cy="-30" r="140" fill="#fff" opacity="0.05"/>
  ${MOTIFS[art.motif](art.accent)}
  <g font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif">
    <text x="56" y="150" font-size="54" font-weight="700" fill="#fff" letter-spacing="4">${escapeXml(art.title)}</text>
    <text x="58" y="205" font-size="26" fill="#fff" opacity="0.9" letter-spacing="2">${escapeXml(art.subtitle)}</text>
    <rect x="56" y="240" width="168" height="52" rx="26" fill="${art.accent}"/>
    <text x="140" y="274" font-size="24" font-weight="700" fill="#fff" text-anchor="middle" letter-spacing="2">${escapeXml(art.action)}</text>
    <text x="56" y="330" font-size="18" fill="#fff" opacity="0.6" letter-spacing="6">青瓷小筑 · QINGCI</text>
  </g>
</svg>`;
}

/** Draws the banner into `<dataDir>/media/<name>.webp` unless it is there already; returns its URL. */
export async function drawBanner(dataDir: string, art: BannerArt): Promise<string> {
  if (!/^[a-z0-9-]+$/.test(art.name)) throw new Error(`bad banner name ${art.name}`);
  const dir = path.join(dataDir, 'media');
  const file = path.join(dir, `${art.name}.webp`);
  const exists = await access(file).then(() => true, () => false);
  if (!exists) {
    await mkdir(dir, { recursive: true });
    const data = await sharp(Buffer.from(bannerSvg(art))).webp({ quality: 86 }).toBuffer();
    const tmp = `${file}.${newId()}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, file);
  }
  return `/media/${art.name}.webp`;
}
