import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import {
  alipayTime, exactJsonValue, parseAlipayTime, readResponse, signContent, signedResponse, signNotify, signParams,
  verifyNotify, verifyRequest,
} from './alipay.protocol.ts';

const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });

describe('Alipay RSA2 signing', () => {
  it('builds the documented content: sorted, raw values, empty values and sign left out', () => {
    // The documented notify example (opendocs 异步通知验签): sign and sign_type removed, the rest sorted.
    const notify = {
      total_amount: '2.00', buyer_id: '2088102116773037', body: '大乐透2.1', trade_no: '2016071921001003030200089909',
      refund_fee: '0.00', notify_time: '2016-07-19 14:10:49', subject: '大乐透2.1', sign_type: 'RSA2', charset: 'utf-8',
      notify_type: 'trade_status_sync', out_trade_no: '0719141034-6418', gmt_close: '2016-07-19 14:10:46',
      gmt_payment: '2016-07-19 14:10:47', trade_status: 'TRADE_SUCCESS', version: '1.0', sign: 'x',
      gmt_create: '2016-07-19 14:10:44', app_id: '2015102700040153', seller_id: '2088102119685838', notify_id: '4a91b7a78a503640467525113fb7d8bg8e',
    };
    expect(signContent(notify, ['sign', 'sign_type'])).toBe(
      'app_id=2015102700040153&body=大乐透2.1&buyer_id=2088102116773037&charset=utf-8&gmt_close=2016-07-19 14:10:46'
      + '&gmt_create=2016-07-19 14:10:44&gmt_payment=2016-07-19 14:10:47&notify_id=4a91b7a78a503640467525113fb7d8bg8e'
      + '&notify_time=2016-07-19 14:10:49&notify_type=trade_status_sync&out_trade_no=0719141034-6418&refund_fee=0.00'
      + '&seller_id=2088102119685838&subject=大乐透2.1&total_amount=2.00&trade_no=2016071921001003030200089909'
      + '&trade_status=TRADE_SUCCESS&version=1.0',
    );
    expect(signContent({ b: '2', a: '1', c: '', sign: 's' }, ['sign'])).toBe('a=1&b=2');
  });

  it('a request verifies with the app key and fails when any value changes', () => {
    const params = { app_id: '2021000000000001', method: 'alipay.trade.query', charset: 'utf-8', sign_type: 'RSA2', timestamp: '2026-11-22 10:00:00', version: '1.0', biz_content: '{"out_trade_no":"A1"}' };
    const signed = signParams(params, app.privateKey);
    expect(verifyRequest(signed, app.publicKey)).toBe(true);
    expect(verifyRequest({ ...signed, biz_content: '{"out_trade_no":"A2"}' }, app.publicKey)).toBe(false);
    expect(verifyRequest({ ...signed, sign_type: 'RSA' }, app.publicKey)).toBe(false); // sign_type is signed on requests
    expect(verifyRequest(signed, alipay.publicKey)).toBe(false);
  });

  it('a notify verifies without sign_type in the content, only as RSA2', () => {
    const signed = signNotify({ app_id: 'a', out_trade_no: 'o', total_amount: '1.00', sign_type: 'RSA2', subject: '青瓷 & 茶' }, alipay.privateKey);
    expect(verifyNotify(signed, alipay.publicKey)).toBe(true);
    expect(verifyNotify({ ...signed, total_amount: '0.01' }, alipay.publicKey)).toBe(false);
    expect(verifyNotify({ ...signed, sign_type: 'RSA' }, alipay.publicKey)).toBe(false);
    expect(verifyNotify(signed, app.publicKey)).toBe(false);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), (subject) => {
        const s = signNotify({ app_id: 'a', subject, sign_type: 'RSA2' }, alipay.privateKey);
        return verifyNotify(s, alipay.publicKey);
      }),
      { numRuns: 30 },
    );
  });

  it('reads times in Beijing time', () => {
    expect(alipayTime(new Date('2026-11-22T02:03:04.999Z'))).toBe('2026-11-22 10:03:04');
    expect(parseAlipayTime('2026-11-22 10:03:04')!.toISOString()).toBe('2026-11-22T02:03:04.000Z');
    expect(parseAlipayTime('2026-11-22T10:03:04')).toBeNull();
  });
});

describe('Alipay response signatures', () => {
  it('verifies the exact text of <method>_response, braces inside strings included', () => {
    const raw = signedResponse('alipay.trade.query', { code: '10000', msg: 'Success', subject: '杯 {大} "号"\\', trade_status: 'TRADE_SUCCESS' }, alipay.privateKey);
    const read = readResponse(raw, 'alipay.trade.query', alipay.publicKey)!;
    expect(read.verified).toBe(true);
    expect(read.body.trade_status).toBe('TRADE_SUCCESS');
    expect(exactJsonValue(raw, 'alipay_trade_query_response')).toBe(JSON.stringify({ code: '10000', msg: 'Success', subject: '杯 {大} "号"\\', trade_status: 'TRADE_SUCCESS' }));
  });

  it('a response whose text was changed or signed by another key does not verify', () => {
    const raw = signedResponse('alipay.trade.refund', { code: '10000', msg: 'Success', refund_fee: '1.00' }, alipay.privateKey);
    expect(readResponse(raw.replace('1.00', '9.00'), 'alipay.trade.refund', alipay.publicKey)!.verified).toBe(false);
    expect(readResponse(raw, 'alipay.trade.refund', app.publicKey)!.verified).toBe(false);
    const unsigned = signedResponse('alipay.trade.refund', { code: '40002', msg: 'Invalid Arguments' }, null);
    expect(readResponse(unsigned, 'alipay.trade.refund', alipay.publicKey)).toMatchObject({ verified: false, body: { code: '40002' } });
    expect(readResponse('{"other":1}', 'alipay.trade.refund', alipay.publicKey)).toBeNull();
  });
});
