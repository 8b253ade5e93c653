/** Courier tracking (issue 6 point 2); same shape as zh-CN.tracking.ts. */
const enTracking = {
  tracking: {
    package: 'Package {n}',
    more: 'Show all events ({n} more)',
    less: 'Show less',
    noEvents: 'Shipped; waiting for the courier to pick it up',
    autoConfirm: 'Every package is delivered; the order completes by itself at {at}',
  },
};
export default enTracking;
