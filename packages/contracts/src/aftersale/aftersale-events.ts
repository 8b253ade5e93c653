/** Events of after-sales (售后, issue 6). The notifications link and, later, loyalty listen. */
export const AfterSaleEvents = {
  requested: 'aftersale.requested',
  /** The refund of an after-sale reached the shopper (the provider confirmed it). */
  refunded: 'aftersale.refunded',
} as const;

export type TAfterSaleRequestedEvent = { afterSaleId: string; afterSaleNo: string; orderId: string; orderNo: string; customerId: string; kind: 'refund_only' | 'return_refund' | 'exchange'; at: string };
export type TAfterSaleRefundedEvent = {
  afterSaleId: string; afterSaleNo: string; orderId: string; orderNo: string; customerId: string;
  amountFen: number;
  /** Order lines and units refunded, with the fen of each (exact to the line's allocation). */
  lines: { lineId: string; skuId: string; quantity: number; amountFen: number }[];
  /** Whether the order is now refunded in full (loyalty claws back by this). */
  orderFullyRefunded: boolean;
  at: string;
};
