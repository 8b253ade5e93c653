import type zhCNPointsMall from './zh-CN.points-mall';

type Shape<T> = { [K in keyof T]: { [L in keyof T[K]]: string } };

/** Points mall (issue 8 point 2); the same shape as zh-CN.points-mall.ts. */
const enPointsMall: Shape<typeof zhCNPointsMall> = {
  mall: {
    title: 'Points mall',
    detailTitle: 'Item',
    recordsTitle: 'My exchanges',
    entry: 'Points mall',
    entryHint: 'Spend points on gifts',
    myPoints: 'My points',
    signInToSee: 'Sign in to see your points',
    records: 'My exchanges',
    points: '{n} points',
    unit: 'points',
    pointsOnly: 'Points only, nothing to pay',
    stockLeft: '{n} left',
    perCustomer: 'Up to {n} per customer',
    marketPrice: 'Market price',
    coupon: 'Coupon',
    product: 'Gift',
    exchange: 'Exchange',
    confirmTitle: 'Confirm exchange',
    confirmCoupon: 'Exchange {points} points for "{title}"? The coupon goes straight into My coupons.',
    confirmProduct: 'Exchange {points} points for "{title}"? It ships to your default address: {address}',
    needAddress: 'A gift needs a delivery address; add one first',
    exchanged: 'Exchanged; {n} points left',
    goWallet: 'See my coupons',
    goOrder: 'See the order',
    none: 'Nothing to exchange in the points mall yet',
    noRecords: 'No exchanges yet',
    window: 'Exchange from {from} to {until}',
    until: 'Exchange until {until}',
    blockSoldOut: 'Sold out',
    blockLimit: 'Limit reached',
    blockNotStarted: 'Coming soon',
    blockEnded: 'Ended',
    blockOffShelf: 'Unavailable',
    blockPoints: 'Not enough points',
    blockSignIn: 'Sign in to exchange',
    statusCompleted: 'Completed',
    description: 'About this item',
    loadMore: 'Load more',
  },
};
export default enPointsMall;
