/**
 * The admin shows operator-written HTML (descriptions, rich-text blocks) before the server has sanitised
 * it. This keeps such previews inert: no scripts, frames, forms, inline handlers or javascript: links.
 * It is not the security boundary (the server's sanitize-html is); it keeps the console itself safe.
 */
const DROP = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'INPUT', 'BUTTON', 'TEXTAREA', 'SELECT', 'LINK', 'META', 'BASE']);

function safeUrl(value: string): boolean {
  const v = value.trim().toLowerCase().replace(/[\s\u0000-\u001f]/g, '');
  return !(v.startsWith('javascript:') || v.startsWith('vbscript:') || (v.startsWith('data:') && !v.startsWith('data:image/')));
}

function clean(node: Element): void {
  for (const child of [...node.children]) {
    if (DROP.has(child.tagName)) {
      child.remove();
      continue;
    }
    for (const attr of [...child.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc' || (['href', 'src', 'xlink:href', 'action', 'formaction'].includes(name) && !safeUrl(attr.value))) {
        child.removeAttribute(attr.name);
      }
    }
    clean(child);
  }
}

export function sanitizePreviewHtml(html: string): string {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  clean(doc.body);
  return doc.body.innerHTML;
}
