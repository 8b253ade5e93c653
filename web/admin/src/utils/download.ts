import type { TDownload } from '@/api/http';

/** Hands a file the server sent to the browser's downloads (the request carried the bearer token, a link cannot). */
export function saveDownload({ blob, fileName }: TDownload): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `商品导出-20260301.xlsx`: a dated name for files the server did not name. */
export function datedFileName(stem: string, now: Date, ext = 'xlsx'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${stem}-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.${ext}`;
}
