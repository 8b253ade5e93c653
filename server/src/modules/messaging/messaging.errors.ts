import { defineErrors, defineNouns } from '../../platform/errors.ts';

export const MessagingErrors = defineErrors({
  'messaging.wechat_not_bound': {
    status: 422,
    zh: '请先在微信小程序中登录，才能订阅微信消息',
    en: 'Sign in inside the WeChat mini-program before subscribing to WeChat messages',
  },
});

defineNouns({
  message: { zh: '消息', en: 'Message' },
});
