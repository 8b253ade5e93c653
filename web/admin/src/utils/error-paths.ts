/**
 * Field errors keyed by path (`title`, `skus.2.priceFen`, `specs.0.values.1`), whether the server sent
 * them (ApiError.pathErrors) or the form found them first. Forms read them with these helpers so a
 * nested row shows its own bad cell.
 */
export type TPathErrors = Readonly<Record<string, string | undefined>>;

/** The message at `path` or anywhere below it (`tags` also shows `tags.3`), the exact path first. */
export function errorUnder(errors: TPathErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const prefix = `${path}.`;
  for (const [key, message] of Object.entries(errors)) if (message && key.startsWith(prefix)) return message;
  return undefined;
}

/** `skus.2.priceFen` → { 2: { priceFen: … } }: the errors of each row of a list, by the row's field. */
export function rowErrors(errors: TPathErrors, list: string): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  const prefix = `${list}.`;
  for (const [key, message] of Object.entries(errors)) {
    if (!message || !key.startsWith(prefix)) continue;
    // `skus.1.specValues.0` belongs to the row's specValues cell; `skus.1` to the row as a whole (`_row`).
    const [index = '', field = '_row'] = key.slice(prefix.length).split('.');
    if (!/^\d+$/.test(index)) continue;
    const row = out.get(Number(index)) ?? {};
    row[field] ??= message;
    out.set(Number(index), row);
  }
  return out;
}

/** Errors not inside any row of `list` (the list itself, e.g. `skus`: "at least one"). */
export function listError(errors: TPathErrors, list: string): string | undefined {
  return errors[list];
}
