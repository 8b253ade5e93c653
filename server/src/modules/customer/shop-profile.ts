import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { clock } from '../../platform/clock.ts';
import { KoiError } from '../../platform/errors.ts';
import type { TShopProfile, TShopProfileUpdate } from '@koi/contracts';
import { publishProfilesChanged } from './profile-facts.ts';
import { regionNameOf } from './profile-queries.ts';
import type { Regions } from './regions.ts';
import './profile.errors.ts';

type Row = { name: string | null; gender: 'male' | 'female' | 'unknown'; birthday: string | null; region_code: string | null; erased: boolean };

/** The shopper's own profile (我的资料): name, gender, birthday, region. */
export function shopProfiles(db: Db, regions: Regions) {
  const view = (r: Row | undefined): TShopProfile => ({
    name: r?.name ?? null, gender: r?.gender ?? 'unknown', birthday: r?.birthday ?? null, regionCode: r?.region_code ?? null,
    regionName: regionNameOf(regions, r?.region_code ?? null),
  });
  const read = async (id: string) => (await db.rows<Row>(sql`select name, gender, birthday::text as birthday, region_code, erased from customer_profiles where id = ${id}`))[0];
  return {
    get: async (shopperId: string) => view(await read(shopperId)),
    async update(shopperId: string, input: TShopProfileUpdate): Promise<TShopProfile> {
      if (input.regionCode && !regions.get(input.regionCode)) {
        throw new KoiError('customer.region_unknown', {}, { fieldErrors: [{ path: 'body.regionCode', message: 'unknown region', code: 'region_unknown' }] });
      }
      if (input.birthday && (Number.isNaN(Date.parse(input.birthday)) || input.birthday > clock.now().toISOString().slice(0, 10) || input.birthday < '1900-01-01')) {
        throw new KoiError('http.validation_failed', {}, { fieldErrors: [{ path: 'body.birthday', message: 'not a plausible birthday', code: 'invalid_date' }] });
      }
      const now = clock.now();
      await db.tx(async (q) => {
        const [cur] = await db.rows<{ erased: boolean }>(sql`select erased from customer_profiles where id = ${shopperId} for update`, q);
        if (cur?.erased) throw new KoiError('customer.erased');
        // A shopper who signed up before profiles existed gets one now (id = shopper id).
        await db.rows(sql`insert into customer_profiles (id, name, gender, birthday, region_code, source_channel, has_account, first_seen_at, last_seen_at, created_at, updated_at)
          values (${shopperId}, ${input.name}, ${input.gender}, ${input.birthday}::date, ${input.regionCode}, 'shop', true, ${now}, ${now}, ${now}, ${now})
          on conflict (id) do update set name = excluded.name, gender = excluded.gender, birthday = excluded.birthday,
            region_code = excluded.region_code, last_seen_at = greatest(customer_profiles.last_seen_at, excluded.last_seen_at), updated_at = excluded.updated_at`, q);
        await publishProfilesChanged(q, [shopperId]);
      });
      return view(await read(shopperId));
    },
  };
}
export type ShopProfiles = ReturnType<typeof shopProfiles>;
