import { defineErrors, defineNouns } from '../../platform/errors.ts';

export const PrivacyErrors = defineErrors({
  'customer.deletion_pending': { status: 409, zh: '您已提交注销申请，请勿重复提交', en: 'You have already asked for your account to be deleted' },
  'customer.deletion_not_cancellable': { status: 409, zh: '注销申请已进入处理，无法撤回', en: 'The deletion request is already being carried out and can no longer be cancelled' },
});

defineNouns({
  deletion_request: { zh: '注销申请', en: 'Deletion request' },
});
