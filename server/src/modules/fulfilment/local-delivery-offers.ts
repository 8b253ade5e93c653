import type { TCheckoutStore, TDeliverySlot, TStoreProfile } from '@koi/contracts';
import type { StoreProfiles } from '../store/index.ts';
import { chooseLocalStore, haversineMetres, type MicroPoint } from './local-delivery-fee.rules.ts';
import { deliverySlots } from './local-delivery-slots.rules.ts';
import { districtCentre } from './local-delivery-geocode.ts';

export type LocalOffer =
  | { ok: true; store: TCheckoutStore; distanceMetres: number; feeFen: number; slots: TDeliverySlot[] }
  | { ok: false; reason: 'unlocated' | 'out_of_range' | 'no_store'; nearestMetres: number | null };

const pointOf = (s: TStoreProfile): MicroPoint | null => (s.latE6 !== null && s.lngE6 !== null ? { latE6: s.latE6, lngE6: s.lngE6 } : null);

function checkoutStore(s: TStoreProfile, distanceMetres: number | null): TCheckoutStore {
  return { id: s.id, name: s.name, address: s.address, phone: s.phone, hours: s.hours, distanceMetres };
}

/**
 * What checkout may offer from the stores: pickup stores (nearest first when the shopper's district
 * can be placed) and the local delivery offer for an address. Addresses are placed at their
 * district's centre (see local-delivery-geocode.ts).
 */
export function createDeliveryOffers(profiles: StoreProfiles) {
  return {
    async pickupStores(near: { districtCode: string } | null): Promise<TCheckoutStore[]> {
      const at = near ? districtCentre(near.districtCode) : null;
      const stores = (await profiles.list()).filter((s) => s.pickupEnabled).map((s) => {
        const p = pointOf(s);
        return checkoutStore(s, at && p ? haversineMetres(p, at) : null);
      });
      return at ? stores.sort((a, b) => (a.distanceMetres ?? Infinity) - (b.distanceMetres ?? Infinity)) : stores;
    },

    async localOffer(input: { districtCode: string; goodsFen: number; now: Date }): Promise<LocalOffer> {
      const to = districtCentre(input.districtCode);
      const candidates = (await profiles.list()).flatMap((s) => {
        const point = pointOf(s);
        return s.localDeliveryEnabled && s.localDelivery && point ? [{ store: s, point, settings: s.localDelivery }] : [];
      });
      if (!candidates.length) return { ok: false, reason: 'no_store', nearestMetres: null };
      if (!to) return { ok: false, reason: 'unlocated', nearestMetres: null };
      const choice = chooseLocalStore(candidates, to, input.goodsFen);
      if (!choice.ok) return { ok: false, reason: 'out_of_range', nearestMetres: choice.nearestMetres };
      const s = choice.store;
      return {
        ok: true, store: checkoutStore(s, choice.distanceMetres), distanceMetres: choice.distanceMetres, feeFen: choice.feeFen,
        slots: deliverySlots(s.hours, s.localDelivery!, input.now),
      };
    },
  };
}
export type DeliveryOffers = ReturnType<typeof createDeliveryOffers>;
