/** 物流跟踪 (issue 6 point 2). en.tracking.ts has the same shape. */
const zhCNTracking = {
  tracking: {
    package: '包裹 {n}',
    more: '查看全部物流（还有 {n} 条）',
    less: '收起',
    noEvents: '已发货，等待快递揽收',
    autoConfirm: '包裹已全部签收，{at} 将自动确认收货',
  },
};
export default zhCNTracking;
