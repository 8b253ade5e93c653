import { defineErrors, defineNouns } from '../../platform/errors.ts';

export const IdentityErrors = defineErrors({
  'identity.otp_invalid': { status: 422, zh: '验证码错误，还可尝试 {remaining} 次', en: 'Wrong code; {remaining} tries left' },
  'identity.otp_not_sent': { status: 422, zh: '请先获取验证码', en: 'Request a code first' },
  'identity.otp_expired': { status: 422, zh: '验证码已过期，请重新获取', en: 'The code has expired; request a new one' },
  'identity.otp_used': { status: 422, zh: '验证码已使用，请重新获取', en: 'The code was already used; request a new one' },
  'identity.otp_too_many_attempts': { status: 429, zh: '验证码错误次数过多，请重新获取', en: 'Too many wrong tries; request a new code' },
  'identity.sms_failed': { status: 502, zh: '短信发送失败，请稍后再试', en: 'The text message could not be sent; try again later' },
  'identity.wechat_code_invalid': { status: 422, zh: '微信授权已失效，请重新登录', en: 'The WeChat authorisation is no longer valid; sign in again' },
  'identity.wechat_unavailable': { status: 502, zh: '微信登录暂不可用，请使用手机号登录', en: 'WeChat sign-in is unavailable; use your phone number' },
  'identity.redirect_not_allowed': { status: 400, zh: '回跳地址不属于本店', en: 'The redirect address does not belong to this shop' },
  'identity.bad_credentials': { status: 401, zh: '邮箱或密码错误', en: 'Wrong email or password' },
  'identity.staff_disabled': { status: 403, zh: '该员工账号已停用', en: 'This staff account is disabled' },
  'identity.staff_email_taken': { status: 409, zh: '该邮箱已被其他员工使用', en: 'Another staff member already uses this email' },
  'identity.staff_role_not_assignable': { status: 403, zh: '无权授予或修改该角色', en: 'You cannot assign or change this role' },
  'identity.staff_store_required': { status: 422, zh: '店长和导购必须指定所属门店', en: 'Store managers and shopping guides need a store' },
  'identity.cannot_change_self': { status: 422, zh: '不能停用自己或取消自己的店主身份', en: 'You cannot disable yourself or give up your own owner role' },
  'identity.store_unknown': { status: 422, zh: '门店不存在', en: 'No such store' },
});

defineNouns({
  shopper: { zh: '顾客', en: 'Shopper' },
  staff: { zh: '员工', en: 'Staff member' },
  device: { zh: '登录设备', en: 'Device' },
});
