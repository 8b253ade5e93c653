import type { TPermission, TRole } from '@koi/contracts';
import { useI18n } from 'vue-i18n';

/** Localised names for role and permission codes, which the server sends as codes. */
export function useLabels() {
  const { t } = useI18n();
  return {
    roleLabel: (role: TRole): string => t(`role.${role}`),
    // `staff:view` → message `permission.staff.view`
    permissionLabel: (permission: TPermission): string => t(`permission.${permission.replace(':', '.')}`),
  };
}
