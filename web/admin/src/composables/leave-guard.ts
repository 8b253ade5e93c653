import { ElMessageBox } from 'element-plus';
import type { Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { onBeforeRouteLeave } from 'vue-router';

/** Asks before leaving a page with unsaved edits (an editor the operator may change). */
export function useLeaveGuard(dirty: Readonly<Ref<boolean>>, enabled: Readonly<Ref<boolean>>): void {
  const { t } = useI18n();
  onBeforeRouteLeave(async () => {
    if (!dirty.value || !enabled.value) return true;
    try {
      await ElMessageBox.confirm(t('product.leaveConfirm'), t('product.leaveTitle'), {
        type: 'warning',
        confirmButtonText: t('product.leave'),
        cancelButtonText: t('product.stay'),
      });
      return true;
    } catch {
      return false;
    }
  });
}
