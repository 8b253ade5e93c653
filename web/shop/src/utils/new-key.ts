import { idempotencyKey } from './submit-attempt';

/** Random bytes from the platform's CSPRNG (H5 and the mini-program base library both have one). */
function randomBytes(n: number): Uint8Array {
  const buf = new Uint8Array(n);
  const c: Crypto | undefined = typeof crypto !== 'undefined' ? crypto : undefined;
  if (c?.getRandomValues) c.getRandomValues(buf);
  else for (let i = 0; i < n; i++) buf[i] = Math.floor(Math.random() * 256);
  return buf;
}

/** A fresh `Idempotency-Key` for a request that moves money or stock (order, recharge, after-sale). */
export function newIdempotencyKey(): string {
  return idempotencyKey(Date.now(), randomBytes);
}
