import { createHash } from 'node:crypto';
import { KD_STATE } from '../tracking.rules.ts';
import { findCourier } from '../couriers.rules.ts';

export type SimStep = { afterMinutes: number; state: number; context: string; areaName: string };

/** Hubs a parcel from 杭州 passes on its way, by destination province prefix (the demo ships from 杭州). */
const HUBS: { match: RegExp; hubs: [string, string][] }[] = [
  { match: /^(上海)/, hubs: [['杭州转运中心', '浙江省,杭州市'], ['上海青浦转运中心', '上海,上海市']] },
  { match: /^(北京|天津|河北)/, hubs: [['杭州转运中心', '浙江省,杭州市'], ['济南转运中心', '山东省,济南市'], ['北京顺义分拨中心', '北京,北京市']] },
  { match: /^(广东|广西|海南|福建)/, hubs: [['杭州转运中心', '浙江省,杭州市'], ['南昌转运中心', '江西省,南昌市'], ['广州白云分拨中心', '广东省,广州市']] },
  { match: /^(四川|重庆|云南|贵州)/, hubs: [['杭州转运中心', '浙江省,杭州市'], ['武汉转运中心', '湖北省,武汉市'], ['成都双流分拨中心', '四川省,成都市']] },
  { match: /^(江苏)/, hubs: [['杭州转运中心', '浙江省,杭州市'], ['苏州分拨中心', '江苏省,苏州市']] },
  { match: /^(浙江)/, hubs: [['杭州转运中心', '浙江省,杭州市']] },
];
const DEFAULT_HUBS: [string, string][] = [['杭州转运中心', '浙江省,杭州市'], ['合肥转运中心', '安徽省,合肥市'], ['郑州分拨中心', '河南省,郑州市']];

/**
 * A believable journey for a parcel (deterministic per tracking number, so retries and tests see the
 * same one): 揽收 in 杭州 → 运输中 through the hubs toward `to` → 派件 by a named courier → 签收.
 * `afterMinutes` counts from the subscription; a courier's first scan comes within hours.
 */
export function simulatedRoute(com: string, num: string, to: string | undefined): SimStep[] {
  const h = createHash('sha256').update(`${com}:${num}`).digest();
  const dest = (to ?? '').trim();
  const hubs = HUBS.find((x) => x.match.test(dest))?.hubs ?? DEFAULT_HUBS;
  const city = /([^省市,，\s]+市)/.exec(dest)?.[1] ?? (dest.split(/[,，\s]/)[1] || '收件城市');
  const courier = findCourier(com)?.name ?? '快递';
  const riders = ['王师傅', '李师傅', '张师傅', '刘师傅', '陈师傅'];
  const rider = riders[h[0]! % riders.length]!;
  const phone = `1${3 + (h[1]! % 6)}${String(h.readUInt32BE(2)).padStart(9, '0').slice(0, 9)}`;
  const steps: SimStep[] = [];
  let t = 60 + (h[6]! % 120);
  steps.push({ afterMinutes: t, state: KD_STATE.collected, areaName: '浙江省,杭州市', context: `【杭州市】${courier} 杭州西湖营业点 已揽收` });
  for (const [hub, area] of hubs) {
    t += 180 + (h[7]! % 240);
    steps.push({ afterMinutes: t, state: KD_STATE.inTransit, areaName: area, context: `快件已到达【${hub}】` });
    t += 60 + (h[8]! % 90);
    steps.push({ afterMinutes: t, state: KD_STATE.inTransit, areaName: area, context: `快件已从【${hub}】发出，准备发往下一站` });
  }
  t += 240 + (h[9]! % 300);
  steps.push({ afterMinutes: t, state: KD_STATE.inTransit, areaName: dest || '收件城市', context: `快件已到达【${city}营业部】` });
  t += 90 + (h[10]! % 60);
  steps.push({ afterMinutes: t, state: KD_STATE.delivering, areaName: dest || '收件城市', context: `【${city}】快件正在派送中，派件员：${rider}，电话：${phone}，请保持电话畅通` });
  t += 120 + (h[11]! % 180);
  steps.push({ afterMinutes: t, state: KD_STATE.signed, areaName: dest || '收件城市', context: `【${city}】您的快件已签收，签收人：本人签收。如有疑问请联系派件员${rider}` });
  return steps;
}

/** How many steps have happened `minutes` after the subscription. */
export function stepsDue(route: SimStep[], minutes: number): number {
  let n = 0;
  while (n < route.length && route[n]!.afterMinutes <= minutes) n++;
  return n;
}
