/**
 * A page's query value from onLoad. H5 hands pages decoded values, the mini-program the raw
 * (still percent-encoded) ones; decoding once more is harmless for the first and needed for the
 * second. Empty or missing → undefined. Pure (tests/unit/misc.test.ts).
 */
export function queryParam(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let text = value;
  try {
    text = decodeURIComponent(value);
  } catch {
    /* a literal % that is not an escape: keep the value as it is */
  }
  text = text.trim();
  return text ? text : undefined;
}
