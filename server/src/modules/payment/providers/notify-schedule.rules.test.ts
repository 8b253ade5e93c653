import { describe, expect, it } from 'vitest';
import { acknowledged, RETRY_SCHEDULE_SECONDS, retryDelaySeconds } from './notify-schedule.rules.ts';

describe('callback retry schedules', () => {
  it('WeChat retries 15 times over 24h4m', () => {
    expect(RETRY_SCHEDULE_SECONDS.wechatpay).toHaveLength(15);
    expect(RETRY_SCHEDULE_SECONDS.wechatpay.reduce((a, b) => a + b, 0)).toBe(24 * 3600 + 4 * 60);
    expect(retryDelaySeconds('wechatpay', 1)).toBe(15);
    expect(retryDelaySeconds('wechatpay', 4)).toBe(180);
    expect(retryDelaySeconds('wechatpay', 15)).toBe(21600);
    expect(retryDelaySeconds('wechatpay', 16)).toBeNull();
  });

  it('Alipay notifies eight times within 25 hours', () => {
    expect(RETRY_SCHEDULE_SECONDS.alipay).toHaveLength(7);
    expect(RETRY_SCHEDULE_SECONDS.alipay.reduce((a, b) => a + b, 0)).toBeLessThan(25 * 3600);
    expect(retryDelaySeconds('alipay', 1)).toBe(240);
    expect(retryDelaySeconds('alipay', 8)).toBeNull();
  });

  it('reads acknowledgements the way each provider does', () => {
    expect(acknowledged('wechatpay', { status: 204, body: '' })).toBe(true);
    expect(acknowledged('wechatpay', { status: 200, body: '{"code":"FAIL"}' })).toBe(true); // v3: the status decides
    expect(acknowledged('wechatpay', { status: 500, body: '' })).toBe(false);
    expect(acknowledged('alipay', { status: 200, body: 'success' })).toBe(true);
    expect(acknowledged('alipay', { status: 200, body: 'fail' })).toBe(false);
    expect(acknowledged('alipay', { status: 200, body: 'SUCCESS!' })).toBe(false);
    expect(acknowledged('alipay', { status: 200, body: ' success\n' })).toBe(false); // 页面上不能有任何其他字符
  });
});
