/** The message log (issue 6); the same shape as zh-CN.messages.ts. */
export default {
  messages: {
    menuTitle: 'Message log',
    title: 'Message log',
    subtitle: 'Order notifications sent by WeChat subscribe message and SMS, recipients masked. In demo mode, what the simulators received.',
    createdAt: 'Time',
    kind: 'Notification',
    channel: 'Channel',
    recipient: 'Recipient',
    status: 'Status',
    content: 'Content',
    attempts: 'Attempts',
    all: 'All',
    empty: 'No messages yet',
    kinds: { order_paid: 'Paid', order_shipped: 'Shipped', order_delivered: 'Delivered', pickup_ready: 'Ready for pickup', refund_done: 'Refunded' },
    channels: { wechat: 'WeChat message', sms: 'SMS' },
    statuses: { sent: 'Sent', queued: 'Queued', failed: 'Failed', skipped: 'Not sent' },
    reasons: { no_consent: 'The customer turned this channel off', no_recipient: 'No contact on this channel', no_template: 'No template on this channel', no_quota: 'The customer has no WeChat subscription left' },
  },
};
