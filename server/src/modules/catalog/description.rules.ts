import sanitizeHtml from 'sanitize-html';

/**
 * The rich description a merchant writes is shown to every shopper as HTML, so it is cut down to a
 * small safe vocabulary: text formatting, lists, images from our media folder or https, links, and
 * coloured spans. Scripts, event handlers, styles other than colour, iframes and forms disappear.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'img', 'a', 'span'],
  allowedAttributes: {
    img: ['src', 'alt', 'width', 'height'],
    a: ['href', 'title'],
    span: ['style'],
  },
  allowedStyles: {
    span: { color: [/^#[0-9a-f]{3}([0-9a-f]{3})?$/i, /^rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\)$/i, /^[a-z]{3,20}$/i] },
  },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } }),
  },
  // Only our uploads (/media/…) or https images; anything else (relative paths, data:) is dropped.
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^(\/media\/[A-Za-z0-9._/-]+|https:\/\/\S+)$/.test(frame.attribs.src ?? ''),
};

export function sanitizeDescription(html: string): string {
  // rel/target are added by transformTags, so they must be allowed on the way out.
  return sanitizeHtml(html, { ...OPTIONS, allowedAttributes: { ...OPTIONS.allowedAttributes, a: ['href', 'title', 'rel', 'target'] } }).trim();
}
