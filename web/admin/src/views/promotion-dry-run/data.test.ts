import { describe, expect, it } from 'vitest';
import { percent, pick, signedYuan, yuan } from './data.ts';

describe('dry-run figures as the server sent them', () => {
  it('formats fen and basis points without computing anything', () => {
    expect(yuan(834_000)).toBe('¥8340.00');
    expect(signedYuan(-555)).toBe('-¥5.55');
    expect(signedYuan(1)).toBe('+¥0.01');
    expect(signedYuan(0)).toBe('¥0.00');
    expect(percent(5458)).toBe('54.58%');
    expect(percent(-120)).toBe('-1.20%');
    expect(percent(null)).toBe('—');
    expect(pick({ zh: '满减', en: 'Spend & save' }, 'en')).toBe('Spend & save');
    expect(pick({ zh: '满减', en: 'Spend & save' }, 'zh-CN')).toBe('满减');
  });
});
