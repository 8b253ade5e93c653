/** A region list by level: provinces without a parent, else the parent's children (the customer module's `Regions`). */
export type RegionChildren = (parent?: string) => { code: string; name: string }[] | null;

const SUFFIX = /(省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治州|地区|盟|区|县|旗)$/;
const short = (name: string) => (name.length > 2 ? name.replace(SUFFIX, '') : name);

/** The entry whose name (or its name without 省/市/区…) starts `rest`, longest first; and what follows it. */
function take(rest: string, list: { code: string; name: string }[]): { code: string; rest: string } | null {
  let best: { code: string; len: number } | null = null;
  for (const e of list) {
    for (const n of [e.name, short(e.name)]) {
      if (n && rest.startsWith(n) && (!best || n.length > best.len)) best = { code: e.code, len: n.length };
    }
  }
  return best ? { code: best.code, rest: rest.slice(best.len) } : null;
}

/**
 * The GB/T 2260 code of an address as the platforms export it (`浙江省 杭州市 西湖区 文三路…`,
 * also without spaces or suffixes): the most precise level found, or null. Municipalities list the
 * city level under themselves (`上海市 上海市 浦东新区` or `上海 浦东新区` both resolve).
 */
export function regionCodeOf(address: string, children: RegionChildren): string | null {
  let rest = address.replace(/[\s\u3000]+/g, '');
  const province = take(rest, children() ?? []);
  if (!province) return null;
  rest = province.rest;
  const cities = children(province.code) ?? [];
  let city = take(rest, cities);
  if (!city) {
    // A municipality: the city level is the province again, or skipped (`上海 浦东新区`).
    for (const c of cities) {
      const d = take(rest, children(c.code) ?? []);
      if (d) return d.code;
    }
    return province.code;
  }
  rest = city.rest;
  if (rest.startsWith('市辖区')) rest = rest.slice(3);
  const district = take(rest, children(city.code) ?? []);
  if (district) return district.code;
  // `北京市 北京市 朝阳区`: the municipality's one city entry may be named 市辖区.
  city = take(rest, cities) ?? city;
  return (take(city.rest, children(city.code) ?? [])?.code) ?? city.code;
}
