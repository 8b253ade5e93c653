import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { clock } from '../../../platform/clock.ts';
import { newId, newNumericCode } from '../../../platform/ids.ts';
import { signRpc } from './aliyun-sms.protocol.ts';
import type { Transport, WireRequest } from './http-transport.ts';

/** Templates the simulated account has approved, with Aliyun's `${var}` placeholders. */
export const SIMULATED_TEMPLATES: Record<string, string> = {
  SMS_KOI_OTP: '您的验证码为${code}，${minutes}分钟内有效，请勿泄露于他人。',
  SMS_KOI_ORDER_SHIPPED: '您的订单${orderNo}已发货，${courier}运单号${trackingNo}。',
  SMS_KOI_ORDER_PAID: '您的订单${orderNo}已支付${amount}元，我们会尽快为您安排发货。',
  SMS_KOI_LOCAL_DELIVERY: '您的订单${orderNo}已由骑手取货配送，请保持电话畅通。',
  SMS_KOI_ORDER_DELIVERED: '您的订单${orderNo}已送达，请及时查收。',
  SMS_KOI_PICKUP_READY: '您的订单${orderNo}已可到${store}自提，取货码${code}。',
  SMS_KOI_REFUND_DONE: '您的订单${orderNo}退款${amount}元已按原支付方式退回，请注意查收。',
  SMS_KOI_POINTS_EXPIRING: '您有${points}积分将于${date}过期，请尽快使用。',
};

type Reply = { Code: string; Message: string; RequestId: string; BizId?: string };

/**
 * A local Dysms endpoint: checks what Aliyun checks (access key, HMAC-SHA1 signature, timestamp
 * within 15 minutes, nonce not reused, phone format, sign and template approved) and answers with
 * Aliyun's codes; accepted messages are kept so `/dev/sms` can show them.
 */
export function aliyunSmsSimulator(db: Db, keys: { accessKeyId: string; accessKeySecret: string; signName: string }): Transport {
  const seenNonces = new Map<string, number>();
  const reply = (status: number, body: Reply) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  return async (req: WireRequest) => {
    const RequestId = newId().toUpperCase();
    const url = new URL(req.url);
    const params = Object.fromEntries(url.searchParams.entries());
    if (params.AccessKeyId !== keys.accessKeyId) return reply(404, { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.', RequestId });
    const expected = signRpc(req.method, params, keys.accessKeySecret);
    if (params.Signature !== expected) return reply(400, { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.', RequestId });
    const ts = Date.parse(params.Timestamp ?? '');
    const now = clock.now().getTime();
    if (!Number.isFinite(ts) || Math.abs(now - ts) > 15 * 60_000) return reply(400, { Code: 'InvalidTimeStamp.Expired', Message: 'Specified time stamp or date value is expired.', RequestId });
    const nonce = params.SignatureNonce ?? '';
    if (!nonce || seenNonces.has(nonce)) return reply(400, { Code: 'SignatureNonceUsed', Message: 'Specified signature nonce was used already.', RequestId });
    seenNonces.set(nonce, now);
    for (const [n, at] of seenNonces) if (now - at > 15 * 60_000) seenNonces.delete(n);
    if (params.Action !== 'SendSms' || params.Version !== '2017-05-25') return reply(400, { Code: 'InvalidAction.NotFound', Message: 'Specified api is not found.', RequestId });
    const phone = params.PhoneNumbers ?? '';
    if (!/^1[3-9]\d{9}$/.test(phone)) return reply(200, { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号', RequestId });
    if (params.SignName !== keys.signName) return reply(200, { Code: 'isv.SMS_SIGNATURE_ILLEGAL', Message: '签名不合法', RequestId });
    const template = SIMULATED_TEMPLATES[params.TemplateCode ?? ''];
    if (!template) return reply(200, { Code: 'isv.SMS_TEMPLATE_ILLEGAL', Message: '模板不合法', RequestId });
    let vars: Record<string, string>;
    try {
      vars = JSON.parse(params.TemplateParam ?? '{}') as Record<string, string>;
    } catch {
      return reply(200, { Code: 'isv.INVALID_JSON_PARAM', Message: 'JSON参数不合法', RequestId });
    }
    const missing = [...template.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]!).filter((k) => !(k in vars));
    if (missing.length) return reply(200, { Code: 'isv.TEMPLATE_MISSING_PARAMETERS', Message: `模板缺少变量 ${missing.join(',')}`, RequestId });
    const text = `【${keys.signName}】${template.replace(/\$\{(\w+)\}/g, (_, k: string) => String(vars[k]))}`;
    const BizId = `${newNumericCode(6)}${String(now).slice(-10)}^0`;
    await db.run((q) => q.execute(sql`insert into sim_sms_messages (id, provider, phone, sign_name, template_code, params, text, biz_id, created_at)
      values (${newId()}, 'aliyun', ${phone}, ${keys.signName}, ${params.TemplateCode}, ${JSON.stringify(vars)}::jsonb, ${text}, ${BizId}, ${clock.now()})`));
    return reply(200, { Code: 'OK', Message: 'OK', RequestId, BizId });
  };
}

export type SimulatedSms = { id: string; phone: string; text: string; templateCode: string; params: Record<string, string>; createdAt: string };

export async function listSimulatedSms(db: Db, opts: { phone?: string; limit?: number } = {}): Promise<SimulatedSms[]> {
  const limit = Math.min(opts.limit ?? 50, 200);
  const rows = await db.rows<{ id: string; phone: string; text: string; template_code: string; params: Record<string, string>; created_at: Date }>(
    opts.phone
      ? sql`select id, phone, text, template_code, params, created_at from sim_sms_messages where phone = ${opts.phone} order by created_at desc, id desc limit ${limit}`
      : sql`select id, phone, text, template_code, params, created_at from sim_sms_messages order by created_at desc, id desc limit ${limit}`,
  );
  return rows.map((r) => ({ id: r.id, phone: r.phone, text: r.text, templateCode: r.template_code, params: r.params, createdAt: new Date(r.created_at).toISOString() }));
}
