import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { areaList } from '@vant/area-data';
import type { TRegionItem, TRegionLevel, TRegionProvince, TRegionTree } from '@koi/contracts';

/**
 * China's administrative divisions (省 / 市 / 区县) from `@vant/area-data` (Youzan's Vant team, MIT,
 * kept current with the Ministry of Civil Affairs' GB/T 2260 codes — e.g. 和田地区's 和康县 and 和安县
 * of December 2024 — and including 港澳台). Its shape is three levels everywhere, which is what a
 * shipping address needs:
 * - municipalities (北京 110000 …) have one city (北京市 110100) whose children are the districts;
 *   重庆 has two (重庆市 500100 for the districts, 县 500200 for the counties);
 * - 省直辖县级行政区划 sit under a pseudo-city xx9000 (河南 419000 省直辖县 → 济源市 419001);
 * - cities without districts (东莞, 中山, 儋州, 嘉峪关) list their towns and streets as the third
 *   level, under six-digit codes the package assigns (441901 中堂镇 …): GB/T 2260 has no district
 *   level there, and a courier needs the town.
 * Loaded once per process; everything here is a lookup in memory.
 */
export type RegionEntry = { code: string; name: string; level: TRegionLevel; parentCode: string | null };

export type RegionChain = {
  provinceCode: string; provinceName: string;
  cityCode: string; cityName: string;
  districtCode: string; districtName: string;
};

export type RegionChainError = { path: 'provinceCode' | 'cityCode' | 'districtCode'; code: 'region_unknown' | 'region_mismatch'; message: string };

export type AreaList = { province_list: Record<string, string>; city_list: Record<string, string>; county_list: Record<string, string> };

export class Regions {
  readonly version: string;
  readonly tree: TRegionTree;
  /** The tree already serialised: the route sends it as is (≈120 kB), with `version` as its ETag. */
  readonly treeJson: string;
  private readonly byCode = new Map<string, RegionEntry>();
  private readonly childrenOf = new Map<string | null, RegionEntry[]>();

  constructor(list: AreaList, source: string) {
    const add = (code: string, name: string, level: TRegionLevel, parentCode: string | null) => {
      const entry = { code, name, level, parentCode };
      this.byCode.set(code, entry);
      const siblings = this.childrenOf.get(parentCode) ?? [];
      siblings.push(entry);
      this.childrenOf.set(parentCode, siblings);
    };
    const sorted = (record: Record<string, string>) => Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
    for (const [code, name] of sorted(list.province_list)) add(code, name, 'province', null);
    for (const [code, name] of sorted(list.city_list)) {
      const parent = `${code.slice(0, 2)}0000`;
      if (this.byCode.get(parent)?.level === 'province') add(code, name, 'city', parent);
    }
    for (const [code, name] of sorted(list.county_list)) {
      const parent = `${code.slice(0, 4)}00`;
      if (this.byCode.get(parent)?.level === 'city') add(code, name, 'district', parent);
    }
    const provinces: TRegionProvince[] = (this.childrenOf.get(null) ?? []).map((p) => ({
      code: p.code,
      name: p.name,
      children: (this.childrenOf.get(p.code) ?? []).map((c) => ({
        code: c.code,
        name: c.name,
        children: (this.childrenOf.get(c.code) ?? []).map((d) => ({ code: d.code, name: d.name })),
      })),
    }));
    const hash = createHash('sha256').update(JSON.stringify(provinces)).digest('base64url').slice(0, 12);
    this.version = `${source}-${hash}`;
    this.tree = { version: this.version, provinces };
    this.treeJson = JSON.stringify(this.tree);
  }

  get(code: string): RegionEntry | undefined {
    return this.byCode.get(code);
  }

  /** Name of a code, or the code itself when unknown (an address saved before a region was abolished). */
  nameOf(code: string): string {
    return this.byCode.get(code)?.name ?? code;
  }

  /** One level: provinces without a parent, else the parent's children; null when the parent is unknown. */
  children(parent?: string): TRegionItem[] | null {
    if (parent !== undefined && !this.byCode.has(parent)) return null;
    return (this.childrenOf.get(parent ?? null) ?? []).map((e) => ({ code: e.code, name: e.name, level: e.level, leaf: e.level === 'district' }));
  }

  /** The province of a province or city code (xx0000), or null when unknown. */
  provinceOf(code: string): string | null {
    const e = this.byCode.get(code);
    if (!e) return null;
    if (e.level === 'province') return e.code;
    return this.provinceOf(e.parentCode!);
  }

  /**
   * Checks that the district belongs to the city and the city to the province, and returns the
   * names. Every field that is wrong is reported, the first cause only per field.
   */
  chain(provinceCode: string, cityCode: string, districtCode: string): { ok: true; chain: RegionChain } | { ok: false; errors: RegionChainError[] } {
    const errors: RegionChainError[] = [];
    const p = this.byCode.get(provinceCode);
    const c = this.byCode.get(cityCode);
    const d = this.byCode.get(districtCode);
    if (p?.level !== 'province') errors.push({ path: 'provinceCode', code: 'region_unknown', message: 'no such province' });
    if (c?.level !== 'city') errors.push({ path: 'cityCode', code: 'region_unknown', message: 'no such city' });
    else if (p?.level === 'province' && c.parentCode !== p.code) errors.push({ path: 'cityCode', code: 'region_mismatch', message: 'the city is not in the province' });
    if (d?.level !== 'district') errors.push({ path: 'districtCode', code: 'region_unknown', message: 'no such district' });
    else if (c?.level === 'city' && d.parentCode !== c.code) errors.push({ path: 'districtCode', code: 'region_mismatch', message: 'the district is not in the city' });
    if (errors.length || !p || !c || !d) return { ok: false, errors };
    return { ok: true, chain: { provinceCode: p.code, provinceName: p.name, cityCode: c.code, cityName: c.name, districtCode: d.code, districtName: d.name } };
  }
}

let loaded: Regions | null = null;

/** The process's region data (built on first use, ≈10 ms). */
export function regions(): Regions {
  if (!loaded) {
    const pkg = createRequire(import.meta.url)('@vant/area-data/package.json') as { version: string };
    loaded = new Regions(areaList, `vant-area-data@${pkg.version}`);
  }
  return loaded;
}
