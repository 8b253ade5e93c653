/**
 * The occasional earn rules (issue 8): 生日积分 once a year, 完善资料 once, 评价积分 once per review.
 * Pure: the caller gives the day and the facts. Each occasion has one ledger key, so the ledger's
 * unique key makes the award once only.
 */
import type { TCustomerProfileFacts } from '@koi/contracts';

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The birthdays (MM-DD) celebrated on `day` (YYYY-MM-DD, Shanghai): that day, and on 28 February of
 * a common year also 29 February (someone born on a leap day is not forgotten three years in four).
 */
export function birthdaysCelebrated(day: string): string[] {
  const md = day.slice(5);
  return md === '02-28' && !isLeap(Number(day.slice(0, 4))) ? ['02-28', '02-29'] : [md];
}

/** A profile is complete (完善资料) when gender, birthday and region are all known. */
export function profileComplete(p: Pick<TCustomerProfileFacts, 'gender' | 'birthday' | 'regionCode'>): boolean {
  return p.gender !== 'unknown' && !!p.birthday && !!p.regionCode;
}

/** The ledger keys of the occasions: one award per customer per occasion. */
export const earnKeys = {
  birthday: (customerId: string, day: string) => `birthday:${customerId}:${day.slice(0, 4)}`,
  profile: (customerId: string) => `profile:${customerId}`,
  review: (reviewId: string) => `review:${reviewId}`,
};
