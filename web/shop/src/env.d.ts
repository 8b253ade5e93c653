/// <reference types="@dcloudio/types" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

/** Absolute API origin baked into the mini-program build (env KOI_API_BASE, see vite.config.ts). */
declare const __KOI_API_BASE__: string;
