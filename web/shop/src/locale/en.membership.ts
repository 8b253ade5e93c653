import type zhCNMembership from './zh-CN.membership';

type Shape<T> = { [K in keyof T]: { [L in keyof T[K]]: string } };

/** Paid membership cards and the member day; the same shape as zh-CN.membership.ts. */
const enMembership: Shape<typeof zhCNMembership> = {
  card: {
    title: 'Paid membership',
    section: 'Membership card',
    holding: '{name} · valid until {date}',
    daysLeft: '{n} days left',
    expired: '{name} expired on {date}',
    none: 'Get a membership card for more discounts and free shipping',
    open: 'Join',
    renew: 'Renew',
    period: '{n} days',
    buy: 'Join now {amount}',
    buyAgain: 'Renew {amount} (extends from the expiry)',
    plans: 'Choose a card',
    noPlans: 'No card on sale',
    pending: 'Activating…',
    done: 'Your card is active',
    slow: 'Confirming the payment; refresh in a moment',
    now: 'Your benefits now',
    memberDay: 'Member day',
    memberDayToday: 'Today is member day',
  },
};
export default enMembership;
