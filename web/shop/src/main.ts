import { createSSRApp } from 'vue';
import * as Pinia from 'pinia';
import App from './App.vue';
import { configureRequest } from '@/api/request';
import { useLocaleStore } from '@/locale';
import { useSessionStore } from '@/stores/session';

export function createApp() {
  const app = createSSRApp(App);
  const pinia = Pinia.createPinia();
  app.use(pinia);

  const session = useSessionStore(pinia);
  const locale = useLocaleStore(pinia);
  configureRequest({
    token: () => session.token,
    locale: () => locale.locale,
    onUnauthorized: () => session.clear(),
  });

  // uni-app needs Pinia returned next to the app for the mini-program runtime.
  return { app, Pinia };
}
