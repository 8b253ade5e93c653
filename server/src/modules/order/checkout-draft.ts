import type { TAddressSnapshot, TCheckoutInput, TOrderLine } from '@koi/contracts';
import { KoiError, type Lang } from '../../platform/errors.ts';
import type { Catalog, SkuSnapshot } from '../catalog/index.ts';
import { shopperOwner, type CartService } from '../cart/index.ts';
import { lineIssue } from '../cart/cart-lines.rules.ts';
import { limitLeftByLine } from '../cart/cart-lines.rules.ts';
import type { OrderPorts, PriceQuote, QuoteGift } from './ports.ts';
import { deliveryPart, type DeliveryPart } from './checkout-delivery.ts';

export type DraftLine = { lineId: string; snapshot: SkuSnapshot; quantity: number };

/** Everything the confirm page shows and the order is written from, priced by the server. */
export type CheckoutDraft = {
  customerId: string;
  fromCart: boolean;
  lines: DraftLine[];
  address: TAddressSnapshot | null;
  quote: PriceQuote;
  /** Express, pickup or local delivery: what the confirm page shows and the order keeps. */
  delivery: DeliveryPart;
  /** Why it cannot be submitted, in the order a shopper can act on. */
  blockers: { error: KoiError; lineId: string | null }[];
  /** 满赠: the gifts the quote gave, with their SKU as the catalog has it now (a SKU gone from the catalog is left out). */
  gifts: DraftGift[];
};

export type DraftGift = { gift: QuoteGift; snapshot: SkuSnapshot };

export type DraftDeps = {
  catalog: Catalog;
  cart: CartService;
  ports: OrderPorts;
  purchased: (customerId: string, productIds: string[]) => Promise<Map<string, number>>;
};

type Wanted = { lineId: string; skuId: string; quantity: number };

/** Buy now: the SKUs asked for (same SKU summed). Otherwise: the cart's selected lines. */
async function wantedLines(deps: DraftDeps, customerId: string, input: TCheckoutInput, lang: Lang): Promise<{ wanted: Wanted[]; fromCart: boolean }> {
  if (input.items) {
    const merged = new Map<string, number>();
    for (const i of input.items) merged.set(i.skuId, (merged.get(i.skuId) ?? 0) + i.quantity);
    return { wanted: [...merged].map(([skuId, quantity], n) => ({ lineId: `item-${n + 1}`, skuId, quantity })), fromCart: false };
  }
  const lines = await deps.cart.inspect(shopperOwner(customerId), lang);
  return { wanted: lines.filter((l) => l.row.selected).map((l) => ({ lineId: l.row.id, skuId: l.row.skuId, quantity: l.row.quantity })), fromCart: true };
}

export async function checkoutDraft(deps: DraftDeps, customerId: string, input: TCheckoutInput, lang: Lang): Promise<CheckoutDraft> {
  const { wanted, fromCart } = await wantedLines(deps, customerId, input, lang);
  if (!wanted.length) throw new KoiError('checkout.empty');
  const snaps = await deps.catalog.skuSnapshots(wanted.map((w) => w.skuId));
  const limits = new Map<string, number | null>([...snaps.values()].map((s) => [s.productId, s.purchaseLimit]));
  const limited = [...limits].filter(([, l]) => l !== null).map(([p]) => p);
  const bought = limited.length ? await deps.purchased(customerId, limited) : new Map<string, number>();
  const limitLeft = limitLeftByLine(wanted.map((w) => ({ id: w.lineId, productId: snaps.get(w.skuId)?.productId ?? '', quantity: w.quantity })), limits, bought);

  const blockers: CheckoutDraft['blockers'] = [];
  const lines: DraftLine[] = [];
  for (const w of wanted) {
    const snap = snaps.get(w.skuId);
    const issue = lineIssue(snap && { sellable: snap.sellable, available: snap.available, limitLeft: limitLeft.get(w.lineId) ?? null }, w.quantity, lang);
    if (issue || !snap) {
      blockers.push({ error: new KoiError('checkout.line_unavailable', { title: snap?.title ?? w.skuId, reason: issue?.message ?? '' }), lineId: w.lineId });
      continue;
    }
    lines.push({ lineId: w.lineId, snapshot: snap, quantity: w.quantity });
  }

  const address = input.addressId ? await deps.ports.addresses.addressFor(customerId, input.addressId) : await deps.ports.addresses.defaultAddress(customerId);
  const delivery = await deliveryPart(deps.ports, input, address, lines, lang);
  blockers.push(...delivery.blockers);
  const shippingFen = delivery.shippingFen;
  const quote = await deps.ports.pricing.quote({
    customerId, lines: lines.map((l) => ({ lineId: l.lineId, snapshot: l.snapshot, quantity: l.quantity })),
    couponIds: input.couponIds ?? 'best', shippingFen, lang, withCoupons: true,
    loyalty: { points: input.usePoints ?? false, balance: input.useBalance ?? false },
  });
  for (const id of quote.rejectedCouponIds) {
    const reason = quote.notApplied.find((n) => n.sourceId === id)?.text ?? '';
    blockers.push({ error: new KoiError('checkout.coupon_unusable', { reason }), lineId: null });
  }
  blockers.push(...loyaltyBlockers(input, quote));
  if (!lines.length && !blockers.length) blockers.push({ error: new KoiError('checkout.empty'), lineId: null });
  const giftSnaps = quote.gifts.length ? await deps.catalog.skuSnapshots(quote.gifts.map((g) => g.skuId)) : new Map<string, SkuSnapshot>();
  const gifts = quote.gifts.flatMap((gift) => {
    const snapshot = giftSnaps.get(gift.skuId);
    return snapshot ? [{ gift, snapshot }] : [];
  });
  return { customerId, fromCart, lines, address, quote, blockers, delivery, gifts };
}

/**
 * The shopper asked for points or balance they do not have (any more: a parallel checkout spent
 * them): refused with the loyalty module's 409 rather than placing an order that silently asks
 * for more cash than they chose. `usePoints: N` needs all N points; `true` needs some.
 */
function loyaltyBlockers(input: TCheckoutInput, quote: PriceQuote): CheckoutDraft['blockers'] {
  const out: CheckoutDraft['blockers'] = [];
  const have = quote.points?.balance ?? 0;
  const asked = input.usePoints ?? false;
  if ((asked === true && have === 0) || (typeof asked === 'number' && asked > have)) out.push({ error: new KoiError('loyalty.insufficient_points'), lineId: null });
  if (input.useBalance && quote.payableFen > 0 && (quote.balance?.balanceFen ?? 0) === 0) out.push({ error: new KoiError('loyalty.insufficient_balance'), lineId: null });
  return out;
}

/** The lines as the confirm page and the order show them. */
export function draftLines(d: CheckoutDraft): TOrderLine[] {
  return d.lines.map((l) => {
    const q = d.quote.lines.get(l.lineId);
    const s = l.snapshot;
    return {
      id: l.lineId, skuId: s.skuId, productId: s.productId, title: s.title, specValues: s.specValues, image: s.image,
      quantity: l.quantity, listPriceFen: s.listPriceFen, unitPriceFen: q?.unitPriceFen ?? s.priceFen,
      subtotalFen: q?.subtotalFen ?? s.priceFen * l.quantity, discounts: q?.discounts ?? [], discountFen: q?.discountFen ?? 0,
      payableFen: q?.payableFen ?? s.priceFen * l.quantity,
    };
  });
}

/** 满赠: the gift lines as the confirm page and the order show them: ¥0, no discounts, `gift` set. */
export function draftGiftLines(d: Pick<CheckoutDraft, 'gifts'>): TOrderLine[] {
  return d.gifts.map(({ gift, snapshot: s }, i) => ({
    id: `gift-${i + 1}`, skuId: s.skuId, productId: s.productId, title: s.title, specValues: s.specValues, image: s.image,
    quantity: gift.quantity, listPriceFen: s.priceFen, unitPriceFen: 0, subtotalFen: 0, discounts: [], discountFen: 0, payableFen: 0,
    gift: { promotionId: gift.promotionId, name: gift.name, text: gift.text },
  }));
}

/** Each line's share of the balance payment (largest remainder, from the pricing engine). */
export function draftLineBalances(d: CheckoutDraft): number[] {
  return d.lines.map((l) => d.quote.lines.get(l.lineId)?.balanceFen ?? 0);
}
