/** What /catalog/media accepts (the server checks the bytes too; this only saves a round trip). */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export const IMAGE_ACCEPT = IMAGE_TYPES.join(',');
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export function checkImageFile(file: { type: string; size: number }): null | 'type' | 'size' {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > MAX_IMAGE_BYTES) return 'size';
  return null;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An import must be .xlsx (browsers do not always know its MIME type, so the name counts too). */
export function isXlsx(file: { name: string; type: string }): boolean {
  return file.type === XLSX_TYPE || /\.xlsx$/i.test(file.name);
}
