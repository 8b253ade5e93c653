import 'element-plus/dist/index.css';
import './styles/main.css';
import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { setUnauthorizedHandler } from '@/api/http';
import { i18n } from '@/i18n';
import { createAppRouter } from '@/router';
import { useSessionStore } from '@/stores/session';
import App from './app.vue';

const app = createApp(App);
const pinia = createPinia();
const router = createAppRouter();
app.use(pinia).use(i18n).use(router).use(ElementPlus);

// A 401 anywhere means the session is gone: forget it and go to the login page, coming back afterwards.
setUnauthorizedHandler(() => {
  useSessionStore(pinia).clear();
  const current = router.currentRoute.value;
  if (current.name !== 'login') {
    void router.replace({ name: 'login', query: current.fullPath !== '/' ? { redirect: current.fullPath } : {} });
  }
});

app.mount('#app');
