import type { TShippingDestination, TShippingQuote } from '@koi/contracts';
import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import { regions } from '../customer/index.ts';
import { createShippingTemplates } from './shipping-templates.ts';
import { quoteShipping } from './shipping-fee.rules.ts';
import { registerShippingTemplateRoutes } from './shipping-template.routes.admin.ts';
import './fulfilment.errors.ts';

export { quoteShipping, ruleFee, type QuoteLine, type Destination, type CombinePolicy, type ShippingTemplate, type Quote } from './shipping-fee.rules.ts';
export type { ShippingTemplates, ShippingTemplateInput, ShippingBook } from './shipping-templates.ts';
export { createPickupAndLocalDelivery, type PickupAndLocalDelivery } from './pickup-and-local-delivery.ts';
export type { FulfilmentOrders } from './pickup-orders.port.ts';
export { eraseLocalDeliveryRecipient } from './erase-customer.ts';
export { createStoreCustomers, type StoreCustomers } from './store-customers.ts';

/** A quote line as checkout passes it; `templateId` and `unitWeightGrams` may be left out. */
export type ShippingLine = {
  /** The product's template; null/absent (or a deleted template): the merchant's default. */
  templateId?: string | null;
  quantity: number;
  /** One unit's weight in grams (the SKU's `weightGrams`; 0 or absent when unknown). */
  unitWeightGrams?: number;
  /** The line's goods amount in fen, for free-shipping thresholds (after item-level prices). */
  subtotalFen: number;
};

/**
 * Fulfilment. For now: shipping templates (运费模板) and the shipping quote. Express shipments,
 * tracking, store pickup and local delivery come with the fulfilment issue.
 */
export function createFulfilment(deps: { db: Db }) {
  const templates = createShippingTemplates(deps.db, regions());

  return {
    templates,
    /**
     * The shipping fee of an order's lines to a destination (codes from the address snapshot).
     * At most one SQL statement (none while the in-process copy of the templates is fresh; `fresh`
     * forces a load, e.g. when submitting an order on a PostgreSQL fleet). Lines that cannot ship
     * there are in `undeliverable`; checkout should refuse to submit while it is not empty.
     */
    async quote(lines: readonly ShippingLine[], destination: TShippingDestination, opts: { fresh?: boolean } = {}): Promise<TShippingQuote> {
      const book = await templates.book(opts);
      return quoteShipping({
        lines: lines.map((l) => ({ templateId: l.templateId ?? null, quantity: l.quantity, unitWeightGrams: l.unitWeightGrams ?? 0, subtotalFen: l.subtotalFen })),
        destination,
        templates: book.templates,
        policy: book.policy,
        nameOf: (code) => regions().nameOf(code),
      });
    },
    registerRoutes(app: App): void {
      registerShippingTemplateRoutes(app, { templates, regions: regions() });
    },
  };
}
export type Fulfilment = ReturnType<typeof createFulfilment>;
