/** 付费会员 and 会员日 (issue 8 §1); en.membership.ts has the same shape. */
const zhCNMembership = {
  card: {
    title: '付费会员',
    section: '付费会员卡',
    holding: '{name} · 有效期至 {date}',
    daysLeft: '剩余 {n} 天',
    expired: '{name} 已于 {date} 到期',
    none: '开通会员卡，享更多折扣与包邮',
    open: '开通',
    renew: '续费',
    period: '{n} 天',
    buy: '立即开通 {amount}',
    buyAgain: '续费 {amount}（自到期日起延长）',
    plans: '选择会员卡',
    noPlans: '暂无在售的会员卡',
    pending: '开通中…',
    done: '开通成功',
    slow: '支付结果确认中，稍后刷新查看',
    now: '当前享有',
    memberDay: '会员日',
    memberDayToday: '今天是会员日',
  },
} as const;
export default zhCNMembership;
