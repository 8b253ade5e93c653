import { describe, expect, it } from 'vitest';
import { sanitizePreviewHtml } from './html.ts';

describe('sanitizePreviewHtml', () => {
  it('keeps formatting and images', () => {
    const html = '<h3>器型</h3><p><b>汝窑</b>天青</p><ul><li>120ml</li></ul><img src="/media/a.jpg">';
    expect(sanitizePreviewHtml(html)).toBe(html);
  });

  it('drops scripts, handlers and javascript: links', () => {
    const out = sanitizePreviewHtml('<p onclick="x()">a<script>alert(1)</script></p><a href=" javascript:alert(1)">b</a><img src="x" onerror="y()"><iframe src="//e"></iframe>');
    expect(out).toBe('<p>a</p><a>b</a><img src="x">');
  });
});
