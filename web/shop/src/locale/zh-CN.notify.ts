/** Messages of the notification settings page (消息通知). en.notify.ts has the same shape. */
const zhCNNotify = {
  notify: {
    title: '消息通知',
    meEntry: '消息通知',
    orderSection: '订单通知',
    orderHint: '支付、发货、送达、待取货和退款到账时通知你',
    wechat: '微信服务通知',
    wechatHint: '在微信「服务通知」里收到，需要先订阅',
    wechatUnreachable: '在微信小程序中登录后可用',
    sms: '短信',
    smsHint: '发到你登录用的手机号',
    smsUnreachable: '未绑定手机号',
    marketingSection: '优惠活动',
    marketingHint: '新品、优惠券和会员日活动（默认关闭）',
    subscribeSection: '微信订阅',
    subscribeHint: '微信每次订阅只能发一条消息，订阅后剩余次数会显示在这里',
    subscribe: '订阅订单通知',
    subscribeOnlyMp: '请在微信小程序中订阅',
    remaining: '剩 {n} 次',
    subscribed: '已订阅 {n} 项',
    subscribeNone: '你没有允许任何通知',
    saved: '已保存',
  },
};
export default zhCNNotify;
