/**
 * Events of what happens to an order after payment (issue 6). Several modules publish them and the
 * notifications link listens, so their names and payloads are fixed here.
 */
export const FulfilmentEvents = {
  /** A package left the warehouse (express) or a rider took it (同城配送). Split orders publish one per package. */
  shipped: 'shipment.shipped',
  /** The courier (or the rider) reports the package delivered; the auto-confirm countdown starts. */
  delivered: 'shipment.delivered',
  /** A pickup order (到店自提) is ready at its store; the shopper brings the pickup code. */
  pickupReady: 'pickup.ready',
  /** Store staff verified the pickup code and handed the goods over. */
  pickedUp: 'pickup.picked_up',
} as const;

export type TShipmentShippedEvent = {
  shipmentId: string; orderId: string; orderNo: string; customerId: string;
  method: 'express' | 'local_delivery';
  courierCode: string | null; courierName: string | null; trackingNo: string | null;
  /** Units of each order line in this package. */
  lines: { lineId: string; quantity: number }[];
  /** True when this package completed the order's shipping (the order is now `shipped`). */
  orderFullyShipped: boolean;
  at: string;
};
export type TShipmentDeliveredEvent = { shipmentId: string; orderId: string; orderNo: string; customerId: string; at: string };
export type TPickupReadyEvent = { orderId: string; orderNo: string; customerId: string; storeId: string; storeName: string; pickupCode: string; at: string };
export type TPickedUpEvent = { orderId: string; orderNo: string; customerId: string; storeId: string; staffId: string; at: string };
