import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TProductInput } from '@koi/contracts';
import type { Koi } from '../src/app.ts';
import { call } from './harness.ts';

/** A multipart/form-data body with one file part, as a browser sends it. */
export function multipart(data: Buffer, filename: string, contentType: string, field = 'file') {
  const boundary = `----koi${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Multipart upload through fastify.inject; the body is parsed JSON when it is JSON (loosely typed, as in `call`). */
export async function upload<T = any>(koi: Koi, url: string, token: string, data: Buffer, filename: string, contentType: string) {
  const body = multipart(data, filename, contentType);
  const res = await koi.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${token}` } });
  let json: T;
  try {
    json = res.json() as T;
  } catch {
    json = res.body as T;
  }
  return { status: res.statusCode, body: json, headers: res.headers };
}

/** A category for the test's products, under a fresh root. */
export async function makeCategory(koi: Koi, token: string, name = `测试${randomBytes(3).toString('hex')}`): Promise<{ rootId: string; leafId: string }> {
  const root = await call(koi, 'POST', '/api/admin/catalog/categories', { name }, { token });
  if (root.status !== 200) throw new Error(JSON.stringify(root.body));
  const leaf = await call(koi, 'POST', '/api/admin/catalog/categories', { name: `${name}子`, parentId: root.body.id }, { token });
  return { rootId: root.body.id, leafId: leaf.body.id };
}

let seq = 0;
/** A two-by-two product (颜色 × 容量) with unique codes. */
export function gaiwan(categoryId: string, over: Partial<TProductInput> = {}): TProductInput {
  const p = `T${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();
  return {
    title: '汝窑天青开片盖碗',
    subtitle: '温润如玉',
    categoryId,
    tags: ['新品', '送礼'],
    description: '<p>汝窑<strong>天青</strong></p><script>alert(1)</script>',
    images: ['/media/demo-x.webp'],
    specs: [{ name: '颜色', values: ['天青', '月白'] }, { name: '容量', values: ['150ml', '200ml'] }],
    skus: [
      { code: `${p}-1`, specValues: ['天青', '150ml'], priceFen: 16800, listPriceFen: 23800, costPriceFen: 6200, stock: 20 },
      { code: `${p}-2`, specValues: ['天青', '200ml'], priceFen: 18800, stock: 5 },
      { code: `${p}-3`, specValues: ['月白', '150ml'], priceFen: 16800, stock: 0 },
      { code: `${p}-4`, specValues: ['月白', '200ml'], priceFen: 18800, stock: 12 },
    ],
    status: 'on_sale',
    ...over,
  };
}

/** An outbox row; the payload is loosely typed so tests can read any event's fields. */
export type OutboxDoc<P = any> = { topic: string; payload: P };
/** Events in the outbox (delivered or not), oldest first. */
export async function outbox(koi: Koi, topic: string): Promise<OutboxDoc[]> {
  const rows = await koi.db.rows<{ topic: string; payload: unknown }>(sql`select topic, payload from outbox_events where topic = ${topic} order by id`);
  return rows.map((r) => ({ topic: r.topic, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload }));
}
