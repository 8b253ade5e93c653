import { defineErrors } from '../../platform/errors.ts';

export const PointsSettingsErrors = defineErrors({
  'loyalty.settings_invalid': { status: 422, zh: '积分规则有误，请按提示修改', en: 'The points rules do not fit together; see the fields marked' },
});
