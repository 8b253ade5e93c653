import type zhCNCoupon from './zh-CN.coupon';

type Shape = { coupon: { [K in keyof (typeof zhCNCoupon)['coupon']]: string } };

const enCoupon: Shape = {
  coupon: {
    centerTitle: 'Coupon centre',
    walletTitle: 'My coupons',
    meEntry: 'My coupons',
    centerEntry: 'Coupon centre',
    memberTile: 'Coupons',
    kind_amount_off: 'Spend & save',
    kind_percent_off: 'Percent off',
    kind_no_threshold: 'No minimum',
    kind_shipping_off: 'Shipping',
    kind_exchange: 'Free item',
    kind_other: 'Coupon',
    claimedPercent: '{n}% claimed',
    unlimited: 'Plenty left',
    claim: 'Claim',
    claimAgain: 'Claim another',
    claimed: 'Claimed',
    soldOut: 'All gone',
    claimedToast: 'Claimed — it is in My coupons',
    perCustomer: 'Up to {n} per customer',
    validDays: 'Valid {n} days after claiming',
    validRange: '{from} to {until}',
    validUntil: 'Valid until {date}',
    tabAvailable: 'Available',
    tabUsed: 'Used',
    tabExpired: 'Expired',
    frozen: 'Held by an order',
    usedAt: 'Used {date}',
    none: 'No coupons',
    noneText: 'Have a look in the coupon centre',
    noneClaimable: 'Nothing to claim right now',
    goCenter: 'Get coupons',
    redeemTitle: 'Redeem code',
    redeemPlaceholder: 'Enter a code, e.g. ABCD-EFGH-JKL',
    redeem: 'Redeem',
    redeemedToast: 'Redeemed: {name}',
    orMore: 'More coupons',
  },
};

export default enCoupon;
