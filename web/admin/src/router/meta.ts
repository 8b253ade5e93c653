import type { TPermission } from '@koi/contracts';
import type { Component } from 'vue';

/** Menu headings (商品, 营销 …); their titles and icons are in menu.ts. */
export type TMenuGroupKey = 'product' | 'marketing' | 'settings';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in (the login page). */
    public?: boolean;
    /** The permission a staff member needs to open the page; the guard denies it otherwise. */
    permission?: TPermission;
    /** i18n key of the page title (menu, header, document title). */
    title?: string;
    /** Shown in the left menu, in `order`; items of a `group` are nested under that group's heading. */
    menu?: { icon: Component; order: number; group?: TMenuGroupKey };
    /** `/`: the guard sends the staff member to the first page they may open. */
    home?: boolean;
  }
}

export {};
