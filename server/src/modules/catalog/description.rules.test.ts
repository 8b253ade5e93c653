import { describe, expect, it } from 'vitest';
import { sanitizeDescription } from './description.rules.ts';

describe('sanitizeDescription', () => {
  it('keeps the formatting a merchant uses', () => {
    const html = '<h3>器型</h3><p>汝窑<strong>天青</strong>釉，<em>开片</em>自然。<br></p><ul><li>容量 150ml</li></ul><ol><li>一</li></ol><h4>小贴士</h4>';
    expect(sanitizeDescription(html)).toBe('<h3>器型</h3><p>汝窑<strong>天青</strong>釉，<em>开片</em>自然。<br /></p><ul><li>容量 150ml</li></ul><ol><li>一</li></ol><h4>小贴士</h4>');
  });

  it('drops scripts, event handlers, javascript: links and foreign images', () => {
    const out = sanitizeDescription(
      '<p onclick="steal()">hi<script>alert(1)</script></p><a href="javascript:alert(1)">x</a><img src="/media/a.webp" onerror="x()">'
      + '<img src="http://evil.example/a.png"><img src="data:image/png;base64,AAAA"><img src="//evil.example/a.png"><iframe src="https://x"></iframe>',
    );
    expect(out).not.toMatch(/script|onclick|onerror|javascript|evil|data:|iframe/);
    expect(out).toContain('<img src="/media/a.webp" />');
    expect(out).toContain('<p>hi</p>');
  });

  it('keeps only the colour of spans and makes links safe to open', () => {
    const out = sanitizeDescription('<span style="color:#c00;font-size:90px;position:fixed">红</span><a href="https://koi.example/x">看</a>');
    expect(out).toContain('<span style="color:#c00">红</span>');
    expect(out).toContain('<a href="https://koi.example/x" rel="noopener noreferrer nofollow" target="_blank">看</a>');
    expect(sanitizeDescription('<img src="https://cdn.example/a.jpg" alt="壶">')).toBe('<img src="https://cdn.example/a.jpg" alt="壶" />');
  });
});
