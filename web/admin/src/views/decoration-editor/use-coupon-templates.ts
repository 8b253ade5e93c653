import type { TCouponTemplate } from '@koi/contracts';
import { ref } from 'vue';
import { listCouponTemplates } from '@/api/promotions';

/** The coupon templates the coupon block picks from (newest 100), loaded once per editor visit and shared by settings and preview. */
const templates = ref<TCouponTemplate[]>([]);
const loading = ref(false);
const failed = ref(false);
let pending: Promise<void> | null = null;

export function useCouponTemplates() {
  function load(force = false): Promise<void> {
    if (pending && !force) return pending;
    loading.value = true;
    failed.value = false;
    pending = listCouponTemplates({ page: 1, pageSize: 100 })
      .then((page) => { templates.value = page.items; })
      .catch(() => { failed.value = true; pending = null; })
      .finally(() => { loading.value = false; });
    return pending;
  }
  return { templates, loading, failed, load };
}
