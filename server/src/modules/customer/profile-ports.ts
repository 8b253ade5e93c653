import type { Q } from '../../platform/db.ts';

/**
 * What the customer module asks other modules (bound in links/customer-merge.ts). Until bound, the
 * Customer 360 and the merge preview leave those sections out rather than invent numbers.
 */
export type CustomerPorts = {
  orderSummary(customerId: string, q?: Q): Promise<{
    count: number; paidCount: number; paidFen: number;
    recent: { id: string; orderNo: string; status: string; payableFen: number; createdAt: string }[];
  }>;
  orderCount(customerId: string, q?: Q): Promise<number>;
  loyalty(customerId: string, q?: Q): Promise<{ points: number; balanceFen: number; levelName: string | null }>;
  coupons(customerId: string, q?: Q): Promise<{ available: number; total: number }>;
  loginCount(customerId: string, q?: Q): Promise<number>;
  /** After-sale requests and reviews a merge would move (aftersale/review `customer-merge.ts`). */
  afterSaleCount(customerId: string, q?: Q): Promise<number>;
  reviewCount(customerId: string, q?: Q): Promise<number>;
  staffName(staffId: string): Promise<string>;
};

export function portsHolder() {
  let bound: CustomerPorts | null = null;
  return {
    bind(p: CustomerPorts) { bound = p; },
    get(): CustomerPorts {
      if (!bound) throw new Error('customer ports are not bound (links/customer-merge.ts)');
      return bound;
    },
    bound: () => bound !== null,
  };
}
export type PortsHolder = ReturnType<typeof portsHolder>;
