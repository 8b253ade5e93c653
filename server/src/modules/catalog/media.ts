import { mkdirSync } from 'node:fs';
import { access, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { TMedia } from '@koi/contracts';
import { KoiError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { detectImageKind, IMAGE_EXT, MAX_IMAGE_BYTES } from './media.rules.ts';

export const THUMB_WIDTH = 400;
/** Refuse decompression bombs: a 5 MB file may still claim a gigapixel canvas. */
const MAX_PIXELS = 40_000_000;

/** Writes via a temporary name and a rename, so a reader (or a second writer) never sees half a file. */
async function writeAtomically(file: string, data: Buffer): Promise<void> {
  const tmp = `${file}.${newId()}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/**
 * Images in KOI_DATA_DIR/media, served at /media/… : originals under a new id (the client's file
 * name is never used) with the extension of the type their bytes show, and a 400 px WebP thumbnail
 * in media/thumbs made by sharp (libvips). A file whose bytes are not a decodable JPEG, PNG, WebP or
 * GIF is refused, whatever it is called or claims to be.
 */
export function createMedia(dataDir: string) {
  const dir = path.join(dataDir, 'media');
  const thumbs = path.join(dir, 'thumbs');
  mkdirSync(thumbs, { recursive: true });

  async function thumbnail(data: Buffer): Promise<Buffer> {
    return sharp(data, { limitInputPixels: MAX_PIXELS }).rotate().resize({ width: THUMB_WIDTH, height: THUMB_WIDTH, fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
  }

  async function stripMetadata(data: Buffer, kind: 'jpeg' | 'png' | 'webp'): Promise<{ data: Buffer; width: number; height: number }> {
    const image = sharp(data, { limitInputPixels: MAX_PIXELS }).rotate();
    const encoded = kind === 'jpeg' ? image.jpeg({ quality: 90 }) : kind === 'png' ? image.png() : image.webp({ quality: 90 });
    const { data: out, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { data: out, width: info.width, height: info.height };
  }

  return {
    dir,

    async saveUpload(data: Buffer): Promise<TMedia> {
      if (data.length > MAX_IMAGE_BYTES) throw new KoiError('catalog.media_too_large', { mb: MAX_IMAGE_BYTES / 1024 / 1024 });
      const kind = detectImageKind(data.subarray(0, 16));
      if (!kind) throw new KoiError('catalog.media_not_image');
      let meta: sharp.Metadata;
      let thumb: Buffer;
      try {
        meta = await sharp(data, { limitInputPixels: MAX_PIXELS }).metadata();
        if (meta.format !== kind || !meta.width || !meta.height) throw new Error(`declared ${kind}, decoded ${meta.format}`);
        thumb = await thumbnail(data);
      } catch (err) {
        throw new KoiError('catalog.media_not_image', {}, { cause: err });
      }
      // Re-encode the original with its orientation applied: sharp drops EXIF (GPS position, camera)
      // unless asked to keep it, so what a phone recorded is never served. GIFs are kept as sent.
      const stored = kind === 'gif' ? { data, width: meta.width, height: meta.height } : await stripMetadata(data, kind);
      const id = newId();
      const name = `${id}.${IMAGE_EXT[kind]}`;
      await writeAtomically(path.join(thumbs, `${id}.webp`), thumb);
      await writeAtomically(path.join(dir, name), stored.data).catch(async (err) => {
        await rm(path.join(thumbs, `${id}.webp`), { force: true });
        throw err;
      });
      return { url: `/media/${name}`, thumbUrl: `/media/thumbs/${id}.webp`, width: stored.width, height: stored.height, bytes: stored.data.length };
    },

    /**
     * Stores a generated WebP under a stable name (the demo's pictures), once: an existing file is
     * kept, so a second seeding does no image work.
     */
    async saveGenerated(name: string, make: () => Promise<Buffer>): Promise<{ url: string; thumbUrl: string }> {
      if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad media name ${name}`);
      const file = path.join(dir, `${name}.webp`);
      const thumbFile = path.join(thumbs, `${name}.webp`);
      const exists = await access(file).then(() => access(thumbFile)).then(() => true, () => false);
      if (!exists) {
        const data = await make();
        await writeAtomically(thumbFile, await thumbnail(data));
        await writeAtomically(file, data);
      }
      return { url: `/media/${name}.webp`, thumbUrl: `/media/thumbs/${name}.webp` };
    },
  };
}
export type Media = ReturnType<typeof createMedia>;
