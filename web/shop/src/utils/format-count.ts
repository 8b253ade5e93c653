/** Sales and review counts the way malls print them: 9,999 → "9999", 12,345 → "1.2万" (zh) / "12.3k" (en). Pure. */
export function formatCount(n: number, locale: 'zh-CN' | 'en'): string {
  if (locale === 'zh-CN' && n >= 10_000) return `${trimZero((Math.floor(n / 1_000) / 10).toFixed(1))}万`;
  if (locale === 'en' && n >= 1_000) return `${trimZero((Math.floor(n / 100) / 10).toFixed(1))}k`;
  return String(n);
}

function trimZero(s: string): string {
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}
