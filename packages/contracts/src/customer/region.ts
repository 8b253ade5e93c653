import { z } from 'zod';

/**
 * Chinese administrative divisions (省 / 市 / 区县), six-digit GB/T 2260 codes, as the shop's region
 * picker and the shipping templates use them. Three levels everywhere: a municipality (北京 110000)
 * has one city (北京市 110100) holding its districts; 省直辖县级行政区划 (济源 419001, 仙桃 429004 …)
 * sit under a pseudo-city `xx9000` (省直辖县); cities without districts (东莞 441900, 中山 442000,
 * 儋州 460400, 嘉峪关 620200) list their towns and streets as the third level.
 */
export const ZRegionCode = z.string().regex(/^\d{6}$/, 'a six-digit region code');
export type TRegionCode = z.infer<typeof ZRegionCode>;

export const REGION_LEVELS = ['province', 'city', 'district'] as const;
export const ZRegionLevel = z.enum(REGION_LEVELS);
export type TRegionLevel = z.infer<typeof ZRegionLevel>;

export const ZRegionDistrict = z.object({ code: z.string(), name: z.string() });
export const ZRegionCity = z.object({ code: z.string(), name: z.string(), children: z.array(ZRegionDistrict) });
export const ZRegionProvince = z.object({ code: z.string(), name: z.string(), children: z.array(ZRegionCity) });
export type TRegionDistrict = z.infer<typeof ZRegionDistrict>;
export type TRegionCity = z.infer<typeof ZRegionCity>;
export type TRegionProvince = z.infer<typeof ZRegionProvince>;

/** GET /api/shop/regions: the whole tree (≈3,900 entries), cacheable (ETag = `version`). */
export const ZRegionTree = z.object({
  /** Changes whenever the data changes (the region package's version and a hash of its content). */
  version: z.string(),
  provinces: z.array(ZRegionProvince),
});
export type TRegionTree = z.infer<typeof ZRegionTree>;

/** GET /api/shop/regions/children?parent=: one level (provinces without `parent`), for lazy pickers. */
export const ZRegionChildrenQuery = z.strictObject({ parent: ZRegionCode.optional() });
export const ZRegionItem = z.object({
  code: z.string(),
  name: z.string(),
  level: ZRegionLevel,
  /** No children below (a district). */
  leaf: z.boolean(),
});
export type TRegionItem = z.infer<typeof ZRegionItem>;
export const ZRegionChildren = z.object({ version: z.string(), items: z.array(ZRegionItem) });
export type TRegionChildren = z.infer<typeof ZRegionChildren>;
