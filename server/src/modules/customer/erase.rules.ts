/**
 * What an erasure leaves of the records that must stay (issue 7 §7, PIPL 第四十七条): the rows of
 * staff notes, the merge audit and merge suggestions remain (who did what, when), their personal
 * values go. Pure and idempotent: redacting a redacted value changes nothing.
 */

/** The body a staff note keeps after its customer's erasure. */
export const ERASED_NOTE = '（内容已按客户的个人信息删除请求清除）';
/** The value an identity in an audit or suggestion keeps (its kind stays: what kind of account it was). */
export const ERASED_VALUE = '***';

/** Profile fields of the merge audit's snapshots, and what each becomes. */
const PERSONAL: Record<string, (pseudonym: string) => unknown> = {
  name: (p) => p,
  gender: () => 'unknown',
  birthday: () => null,
  region_code: () => null,
  regionCode: () => null,
};

/**
 * A merge audit's `before`/`after` snapshot with the person taken out: names become the pseudonym,
 * gender, birthday and region go, identities keep their kind only. Ids, times, source channel and
 * flags stay (they describe the merge, not the person).
 */
export function redactMergeSnapshot(snapshot: unknown, pseudonym: string): unknown {
  if (Array.isArray(snapshot)) return snapshot.map((x) => redactMergeSnapshot(x, pseudonym));
  if (snapshot === null || typeof snapshot !== 'object') return snapshot;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(snapshot)) {
    if (k in PERSONAL && v !== null && v !== undefined) out[k] = PERSONAL[k]!(pseudonym);
    else if (k === 'identities' && Array.isArray(v)) out[k] = redactClaims(v);
    else out[k] = redactMergeSnapshot(v, pseudonym);
  }
  return out;
}

/** Identity claims (`{ kind, value }`) with their values dropped. */
export function redactClaims(claims: readonly unknown[]): unknown[] {
  return claims.map((c) => (c !== null && typeof c === 'object' && 'kind' in c ? { ...c, value: ERASED_VALUE } : c));
}
