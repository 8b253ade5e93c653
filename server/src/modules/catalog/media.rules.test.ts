import { describe, expect, it } from 'vitest';
import { detectImageKind, looksLikeZip } from './media.rules.ts';

const bytes = (...xs: (number | string)[]) => new Uint8Array(xs.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

describe('detectImageKind', () => {
  it('knows the four web image formats by their signatures', () => {
    expect(detectImageKind(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('jpeg');
    expect(detectImageKind(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('png');
    expect(detectImageKind(bytes('GIF89a', 1, 0))).toBe('gif');
    expect(detectImageKind(bytes('GIF87a'))).toBe('gif');
    expect(detectImageKind(bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '))).toBe('webp');
  });

  it('refuses everything else, whatever it is called', () => {
    expect(detectImageKind(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(detectImageKind(bytes('%PDF-1.7'))).toBeNull();
    expect(detectImageKind(bytes('RIFF', 0, 0, 0, 0, 'WAVE'))).toBeNull();
    expect(detectImageKind(bytes('MZ', 0x90, 0))).toBeNull();
    expect(detectImageKind(bytes())).toBeNull();
    expect(detectImageKind(bytes(0xff, 0xd8))).toBeNull();
  });

  it('recognises a zip (xlsx) header', () => {
    expect(looksLikeZip(bytes('PK', 3, 4, 20))).toBe(true);
    expect(looksLikeZip(bytes('<?xml'))).toBe(false);
  });
});
