import type { TRegionProvince } from '@koi/contracts';

/**
 * Region choices of the template editor. Templates name provinces (xx0000) or cities; the cascader
 * shows provinces → cities and lets either level be checked on its own. A type, not an interface:
 * Element Plus' CascaderOption wants an index signature.
 */
export type TRegionOption = {
  value: string;
  label: string;
  children?: TRegionOption[];
};

/** Provinces with their cities (no districts: a template prices to city precision). */
export function cityOptions(provinces: readonly TRegionProvince[]): TRegionOption[] {
  return provinces.map((p) => ({ value: p.code, label: p.name, children: p.children.map((c) => ({ value: c.code, label: c.name })) }));
}

/** 上海市、江苏省、浙江省 — at most `max` names, then "等 N 个地区" / "and N more". */
export function regionNames(codes: readonly string[], provinces: readonly TRegionProvince[], more: (n: number) => string, max = 4): string {
  const names = new Map<string, string>();
  for (const p of provinces) {
    names.set(p.code, p.name);
    for (const c of p.children) names.set(c.code, c.name === p.name ? p.name : `${p.name.replace(/(省|市|自治区|特别行政区|壮族|回族|维吾尔)+$/, '')}${c.name}`);
  }
  const shown = codes.slice(0, max).map((c) => names.get(c) ?? c).join('、');
  return codes.length > max ? `${shown}${more(codes.length - max)}` : shown;
}
