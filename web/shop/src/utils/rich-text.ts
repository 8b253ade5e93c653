/**
 * The operator's (server-sanitised) HTML, made to fit a phone inside uni's <rich-text>: images and
 * tables no wider than the screen. `<rich-text>` gives no stylesheet, so the rules go inline. Pure.
 */
const FIT = 'max-width:100%;height:auto;display:block;';

export function fitRichText(html: string): string {
  return html
    .replace(/<img\b([^>]*?)\sstyle="([^"]*)"/gi, (_m, before: string, style: string) => `<img${before} style="${FIT}${style}"`)
    .replace(/<img\b(?![^>]*\sstyle=)/gi, `<img style="${FIT}"`)
    .replace(/<table\b(?![^>]*\sstyle=)/gi, '<table style="max-width:100%;"');
}
