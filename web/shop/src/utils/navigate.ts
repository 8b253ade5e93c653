import type { TLink } from '@koi/contracts';
import { linkTarget, withQuery } from './link';

/** Opens a shop page; past the mini-program's 10-page stack, replaces the current one instead. */
export function openPage(url: string): void {
  uni.navigateTo({ url, fail: () => uni.redirectTo({ url }) });
}

export function openProduct(id: string): void {
  openPage(withQuery('/pages/product/product', { id }));
}

/** Follows a decorated block's link. Outside addresses open in H5 only: a mini-program cannot leave for the web. */
export function openLink(link: TLink, title?: string): void {
  const target = linkTarget(link, title);
  if (target.kind === 'tab') uni.switchTab({ url: target.url });
  else if (target.kind === 'page') openPage(target.url);
  else {
    // #ifdef H5
    window.location.href = target.url;
    // #endif
  }
}
