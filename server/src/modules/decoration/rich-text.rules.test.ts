import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from './rich-text.rules.ts';

describe('sanitizeRichText', () => {
  it('keeps formatting, images and links', () => {
    const html = '<h3 style="text-align:center">青瓷小筑</h3><p>始于 <strong>2012</strong>，<a href="https://example.com/story">品牌故事</a></p><img src="/media/story.png" alt="茶室" />';
    expect(sanitizeRichText(html)).toBe(html);
  });

  it('removes scripts, handlers, frames, javascript: links and foreign styles', () => {
    const out = sanitizeRichText('<p onclick="x()" style="position:fixed;color:#333">茶</p><script>alert(1)</script><iframe src="https://x"></iframe><a href="javascript:alert(1)">点我</a><img src="data:image/png;base64,AA" onerror="x()">');
    expect(out).toBe('<p style="color:#333">茶</p><a>点我</a><img />');
  });
});
