import type { TAddressSnapshot, TCheckoutDeliveryPreview, TCheckoutInput, TDeliveryMethod, TOrderDelivery } from '@koi/contracts';
import { clock } from '../../platform/clock.ts';
import { KoiError, type Lang } from '../../platform/errors.ts';
import type { SkuSnapshot } from '../catalog/index.ts';
import type { LocalOffer, OrderPorts } from './ports.ts';
import './checkout-delivery.errors.ts';

type Line = { lineId: string; snapshot: SkuSnapshot; quantity: number };
export type DeliveryPart = {
  method: TDeliveryMethod;
  /** The fee handed to the pricing engine's shipping stage (before shipping discounts). */
  shippingFen: number;
  preview: TCheckoutDeliveryPreview;
  /** What the order keeps; null for express. */
  snapshot: TOrderDelivery | null;
  blockers: { error: KoiError; lineId: string | null }[];
};

const sameSlot = (a: { date: string; start: string; end: string }, b: { date: string; start: string; end: string }) =>
  a.date === b.date && a.start === b.start && a.end === b.end;

function localRefusal(offer: Extract<LocalOffer, { ok: false }>): KoiError {
  if (offer.reason === 'unlocated') return new KoiError('checkout.local_delivery_unlocated');
  if (offer.reason === 'no_store') return new KoiError('checkout.local_delivery_unavailable');
  return new KoiError('checkout.local_delivery_out_of_range', { km: ((offer.nearestMetres ?? 0) / 1000).toFixed(1) });
}

/**
 * How the order travels and what that costs: express by the shipping templates, pickup at a store
 * (no fee, no address needed), or local delivery from the nearest store in range (fee by distance
 * band, a time slot). The fee goes through the pricing engine's shipping stage like express does.
 */
export async function deliveryPart(ports: OrderPorts, input: TCheckoutInput, address: TAddressSnapshot | null, lines: Line[], lang: Lang): Promise<DeliveryPart> {
  const method = input.delivery?.method ?? 'express';
  const blockers: DeliveryPart['blockers'] = [];
  const goodsFen = lines.reduce((n, l) => n + l.snapshot.priceFen * l.quantity, 0);
  const near = address ? { districtCode: address.districtCode } : null;
  const pickupStores = await ports.delivery.pickupStores(near);
  const local = address ? await ports.delivery.localOffer({ districtCode: address.districtCode, goodsFen, now: clock.now() }) : null;
  const msg = (e: KoiError) => e.localized(lang);
  const methods: TCheckoutDeliveryPreview['methods'] = [
    { method: 'express', available: true, reason: null },
    { method: 'pickup', available: pickupStores.length > 0, reason: pickupStores.length ? null : msg(new KoiError('checkout.pickup_unavailable')) },
    {
      method: 'local_delivery', available: !!local?.ok,
      reason: !local ? msg(new KoiError('checkout.address_required')) : local.ok ? null : msg(localRefusal(local)),
    },
  ];
  const preview: TCheckoutDeliveryPreview = { method, methods, pickupStores, store: null, distanceMetres: null, feeFen: 0, slots: [], slot: null };
  const snap = (p: Partial<TOrderDelivery>): TOrderDelivery => ({
    method, storeId: null, storeName: null, storeAddress: null, storePhone: null, slot: null, distanceMetres: null, feeFen: 0, ...p,
  });

  if (method === 'express') {
    let shippingFen = 0;
    if (!address) blockers.push({ error: new KoiError('checkout.address_required'), lineId: null });
    else if (lines.length) {
      const shipping = await ports.shipping.quote(lines.map((l) => ({
        lineId: l.lineId, productId: l.snapshot.productId, templateId: l.snapshot.shippingTemplateId, quantity: l.quantity, unitWeightGrams: l.snapshot.weightGrams, subtotalFen: l.snapshot.priceFen * l.quantity,
      })), { provinceCode: address.provinceCode, cityCode: address.cityCode }, lang);
      shippingFen = shipping.feeFen;
      for (const u of shipping.undeliverable) {
        const line = lines.find((l) => l.lineId === u.lineId);
        blockers.push({ error: new KoiError('checkout.undeliverable', { title: line?.snapshot.title ?? '' }), lineId: u.lineId });
      }
    }
    return { method, shippingFen, preview: { ...preview, feeFen: shippingFen }, snapshot: null, blockers };
  }

  if (method === 'pickup') {
    const store = pickupStores.find((s) => s.id === input.delivery?.storeId) ?? null;
    if (!pickupStores.length) blockers.push({ error: new KoiError('checkout.pickup_unavailable'), lineId: null });
    else if (!input.delivery?.storeId) blockers.push({ error: new KoiError('checkout.pickup_store_required'), lineId: null });
    else if (!store) blockers.push({ error: new KoiError('checkout.pickup_store_unavailable'), lineId: null });
    const snapshot = store ? snap({ storeId: store.id, storeName: store.name, storeAddress: store.address, storePhone: store.phone, distanceMetres: store.distanceMetres }) : null;
    return { method, shippingFen: 0, preview: { ...preview, store, distanceMetres: store?.distanceMetres ?? null }, snapshot, blockers };
  }

  // local_delivery
  if (!address || !local) {
    blockers.push({ error: new KoiError('checkout.address_required'), lineId: null });
    return { method, shippingFen: 0, preview, snapshot: null, blockers };
  }
  if (!local.ok) {
    blockers.push({ error: localRefusal(local), lineId: null });
    return { method, shippingFen: 0, preview, snapshot: null, blockers };
  }
  const wanted = input.delivery?.slot;
  const slot = wanted ? local.slots.find((s) => sameSlot(s, wanted)) ?? null : null;
  if (!wanted) blockers.push({ error: new KoiError('checkout.delivery_slot_required'), lineId: null });
  else if (!slot) blockers.push({ error: new KoiError('checkout.delivery_slot_unavailable'), lineId: null });
  return {
    method, shippingFen: local.feeFen,
    preview: { ...preview, store: local.store, distanceMetres: local.distanceMetres, feeFen: local.feeFen, slots: local.slots, slot },
    snapshot: snap({
      storeId: local.store.id, storeName: local.store.name, storeAddress: local.store.address, storePhone: local.store.phone,
      slot, distanceMetres: local.distanceMetres, feeFen: local.feeFen,
    }),
    blockers,
  };
}
