import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger, maskPhone, maskPii } from './log.ts';

describe('PII masking', () => {
  it('masks mainland mobile numbers and emails in free text', () => {
    expect(maskPii('sent to 13812345678.')).toBe('sent to 138****5678.');
    expect(maskPii('owner@koi.demo')).toBe('o***@koi.demo');
    // Longer digit runs (order numbers) are not phones.
    expect(maskPii('order 261122180912483920')).toBe('order 261122180912483920');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBeNull();
  });

  it('leaves no phone, token, password or code in a log line', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const log = createLogger('info', sink);
    log.info({ phone: '13812345678', token: 'secret-token', password: 'hunter22', req: { headers: { authorization: 'Bearer abc' } }, body: { code: '123456', note: 'ring 13900001111' } }, 'login for 13812345678');
    const out = lines.join('');
    for (const secret of ['13812345678', '13900001111', 'secret-token', 'hunter22', 'Bearer abc', '123456']) expect(out).not.toContain(secret);
    expect(out).toContain('138****5678');
    expect(out).toContain('139****1111');
  });
});
