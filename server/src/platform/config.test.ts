import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults for the demo', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.demo).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
    // The same folder whether `npm start` runs from the root or a script from server/.
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.dataDir).not.toMatch(/server\/data$/);
  });

  it('stops with one line naming the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^Invalid configuration — PORT: /);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => loadConfig({ KOI_DEMO: 'maybe' })).toThrow(/KOI_DEMO/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/KOI_SECRET: set a secret of your own/);
    expect(() => loadConfig({ KOI_PROVIDERS: 'live' })).toThrow(/ALIYUN_SMS_ACCESS_KEY_ID/);
  });

  it('trusts no proxy unless told which', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ KOI_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ KOI_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ KOI_TRUST_PROXY: 'everyone' })).toThrow(/KOI_TRUST_PROXY/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });
});
