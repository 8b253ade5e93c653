import type { MicroPoint } from './local-delivery-fee.rules.ts';

/**
 * Where an address is, for local delivery. The address book keeps region codes only (no map pin
 * yet), so an address is placed at its district's centre (GCJ-02, from the public AMap district
 * centres, rounded). This is coarse — a district is a few kilometres across — and only covers the
 * districts around the merchant's stores; an address elsewhere has no position and local delivery
 * is refused for it with a clear reason. When addresses gain coordinates, pass them instead.
 */
const DISTRICT_CENTRES: Record<string, [lat: number, lng: number]> = {
  // 杭州
  '330102': [30.250236, 120.171465], // 上城区
  '330105': [30.314697, 120.150053], // 拱墅区
  '330106': [30.272934, 120.147376], // 西湖区
  '330108': [30.206615, 120.21062], // 滨江区
  '330109': [30.162932, 120.27069], // 萧山区
  '330110': [30.421187, 120.301737], // 余杭区
  // 上海
  '310101': [31.222771, 121.490317], // 黄浦区
  '310104': [31.179973, 121.43752], // 徐汇区
  '310105': [31.218123, 121.4222], // 长宁区
  '310106': [31.229003, 121.448224], // 静安区
  '310107': [31.241701, 121.392499], // 普陀区
  '310109': [31.26097, 121.491832], // 虹口区
  '310110': [31.270755, 121.522797], // 杨浦区
  '310112': [31.111658, 121.375972], // 闵行区
  '310115': [31.245944, 121.567706], // 浦东新区
  // 苏州
  '320505': [31.294845, 120.566833], // 虎丘区
  '320506': [31.270839, 120.624621], // 吴中区
  '320507': [31.396684, 120.618956], // 相城区
  '320508': [31.311414, 120.622249], // 姑苏区
  '320509': [31.160404, 120.641601], // 吴江区
};

export function districtCentre(districtCode: string): MicroPoint | null {
  const c = DISTRICT_CENTRES[districtCode];
  return c ? { latE6: Math.round(c[0] * 1e6), lngE6: Math.round(c[1] * 1e6) } : null;
}
