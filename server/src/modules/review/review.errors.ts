import { defineErrors, defineNouns } from '../../platform/errors.ts';

export const ReviewErrors = defineErrors({
  'review.order_not_completed': { status: 422, zh: '订单完成（确认收货）后才能评价', en: 'You can review once the order is completed (receipt confirmed)' },
  'review.window_closed': { status: 422, zh: '已超过评价期限', en: 'The time to review this order has passed' },
  'review.already_reviewed': { status: 409, zh: '这件商品已经评价过了', en: 'This item has already been reviewed' },
  'review.text_too_long': { status: 400, zh: '评价内容最多 {max} 个字', en: 'A review may have at most {max} characters' },
  'review.photo_unknown': { status: 400, zh: '图片无效，请重新上传', en: 'A photo is not one you uploaded; upload it again' },
  'review.follow_up_exists': { status: 409, zh: '已经追评过了', en: 'You have already added a follow-up' },
  'review.follow_up_closed': { status: 422, zh: '已超过追评期限', en: 'The time for a follow-up has passed' },
  'review.not_pending': { status: 409, zh: '这条评价不在待审核状态', en: 'This review is not awaiting moderation' },
  'review.text_empty': { status: 400, zh: '请填写追评内容', en: 'Write something for the follow-up' },
});

defineNouns({
  review: { zh: '评价', en: 'Review' },
});
