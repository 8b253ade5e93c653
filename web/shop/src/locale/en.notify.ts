import type zhCNNotify from './zh-CN.notify';

type Shape = { [K in keyof typeof zhCNNotify]: { [L in keyof (typeof zhCNNotify)[K]]: string } };

const enNotify: Shape = {
  notify: {
    title: 'Notifications',
    meEntry: 'Notifications',
    orderSection: 'Order updates',
    orderHint: 'When an order is paid, shipped, delivered, ready for pickup or refunded',
    wechat: 'WeChat service messages',
    wechatHint: 'Arrive in WeChat “Service notifications”; subscribe first',
    wechatUnreachable: 'Available after signing in inside the mini-program',
    sms: 'SMS',
    smsHint: 'To the phone you sign in with',
    smsUnreachable: 'No phone number on your account',
    marketingSection: 'Offers',
    marketingHint: 'New arrivals, coupons and member days (off unless you turn it on)',
    subscribeSection: 'WeChat subscriptions',
    subscribeHint: 'Each subscription lets us send one message; what is left shows here',
    subscribe: 'Subscribe to order updates',
    subscribeOnlyMp: 'Subscribe inside the WeChat mini-program',
    remaining: '{n} left',
    subscribed: 'Subscribed to {n}',
    subscribeNone: 'You did not allow any',
    saved: 'Saved',
  },
};
export default enNotify;
