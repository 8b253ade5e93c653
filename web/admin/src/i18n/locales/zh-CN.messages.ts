/** The message log (消息记录, issue 6); en.messages.ts has the same shape. */
export default {
  messages: {
    menuTitle: '消息记录',
    title: '消息记录',
    subtitle: '订单通知的发送记录：微信订阅消息与短信，收件人已脱敏。演示环境中即模拟器收到的内容。',
    createdAt: '时间',
    kind: '通知',
    channel: '渠道',
    recipient: '收件人',
    status: '状态',
    content: '内容',
    attempts: '尝试次数',
    all: '全部',
    empty: '还没有消息',
    kinds: { order_paid: '支付成功', order_shipped: '已发货', order_delivered: '已送达', pickup_ready: '待取货', refund_done: '退款到账' },
    channels: { wechat: '微信订阅消息', sms: '短信' },
    statuses: { sent: '已发送', queued: '排队中', failed: '失败', skipped: '未发送' },
    reasons: { no_consent: '顾客关闭了该渠道', no_recipient: '没有该渠道的联系方式', no_template: '该渠道没有模板', no_quota: '顾客没有可用的微信订阅次数' },
  },
};
