import { defineErrors, defineNouns } from '../../platform/errors.ts';

export const PromotionErrors = defineErrors({
  'promotion.kind_unknown': { status: 422, zh: '不支持的优惠类型：{kind}', en: 'Unknown kind: {kind}' },
  'promotion.args_invalid': { status: 400, zh: '优惠规则有误，请检查标出的字段', en: 'The rule has invalid fields' },
  /** One field of the rule (a field error's message): the sentence comes in both languages. */
  'promotion.arg_rule': { status: 400, zh: '{zh}', en: '{en}' },
  'promotion.schedule_invalid': { status: 422, zh: '结束时间必须晚于开始时间', en: 'The end must be after the start' },
  'promotion.not_editable': { status: 409, zh: '已结束的活动不能再修改', en: 'An ended promotion cannot be changed' },
  'promotion.not_deletable': { status: 409, zh: '只能删除草稿；进行过的活动请结束它', en: 'Only drafts can be deleted; end a promotion that has run instead' },
  'promotion.template_not_deletable': { status: 409, zh: '只能删除未发放过的草稿券', en: 'Only draft templates that issued no coupon can be deleted' },
  'promotion.quantity_below_issued': { status: 422, zh: '发放总量不能少于已发放的 {issued} 张', en: 'The total cannot be below the {issued} already issued' },
  'promotion.template_not_claimable': { status: 422, zh: '该优惠券当前不可领取', en: 'This coupon cannot be claimed now' },
  'promotion.coupon_sold_out': { status: 409, zh: '优惠券已被领完', en: 'All of these coupons have been claimed' },
  'promotion.claim_limit_reached': { status: 409, zh: '每人限领 {limit} 张，你已领过', en: 'At most {limit} per customer; you already have yours' },
  'promotion.coupon_not_found': { status: 404, zh: '优惠券不存在或不属于你', en: 'Coupon not found' },
  'promotion.coupon_unavailable': { status: 409, zh: '所选优惠券已被使用、被其他订单占用或已过期，请重新选择', en: 'A chosen coupon is used, held by another order or expired; choose again' },
  'promotion.template_not_issuable': { status: 422, zh: '该优惠券未启用或已过期，不能发放', en: 'This coupon template is not active or has expired' },
  'promotion.code_invalid': { status: 404, zh: '兑换码不存在，请检查后重试', en: 'No such code; check it and try again' },
  'promotion.code_already_redeemed': { status: 409, zh: '你已兑换过这个兑换码', en: 'You have already redeemed this code' },
  'promotion.code_used_up': { status: 409, zh: '兑换码已被使用', en: 'This code has been used' },
  'promotion.code_expired': { status: 422, zh: '兑换码对应的优惠券已结束', en: 'The coupon for this code has ended' },
  'promotion.code_shape': { status: 400, zh: '兑换码须为 4–20 位字母或数字，且不能是 11 位系统码格式', en: 'A code is 4–20 letters or digits and may not look like a generated code' },
  'promotion.code_taken': { status: 409, zh: '兑换码 {code} 已被使用，请换一个', en: 'The code {code} is taken; choose another' },
  'promotion.codes_exceed_quantity': { status: 422, zh: '该券只剩 {left} 张可发，兑换码数量不能超过它', en: 'Only {left} coupons are left to issue; generate at most that many codes' },
  'promotion.segments_unavailable': { status: 422, zh: '人群功能尚未启用，请改用客户名单发放', en: 'Segments are not available; issue to a customer list instead' },
  'promotion.list_file_required': { status: 400, zh: '请上传 .xlsx 名单文件', en: 'Upload the list as an .xlsx file' },
  'promotion.list_not_xlsx': { status: 400, zh: '文件无法读取，请确认是 .xlsx 格式', en: 'The file cannot be read; it must be .xlsx' },
  'promotion.list_too_large': { status: 413, zh: '名单最多 {rows} 行，请拆分', en: 'At most {rows} rows per list; split it' },
  'promotion.list_empty': { status: 400, zh: '名单第一列没有客户编号或手机号', en: 'The first column has no customer ids or phone numbers' },
});

defineNouns({
  promotion: { zh: '活动', en: 'Promotion' },
  coupon_template: { zh: '优惠券', en: 'Coupon template' },
  code_batch: { zh: '兑换码批次', en: 'Code batch' },
  issue_job: { zh: '发券任务', en: 'Issue job' },
});
