import { z } from 'zod';
import type { TLocalText } from '@koi/contracts';
import { text } from '../texts.ts';

/** ¥100,000,000: the largest amount any kind's argument may name. */
export const MAX_FEN = 100_000_000_00;

/**
 * A rate as integer basis points of the price the shopper pays: 9000 = 9折 (90 %), 8500 = 8.5折.
 * Never a float in money: the discount of `baseFen` at `rateBp` is ⌊base × (10000 − rate) / 10000⌋
 * fen (the odd fraction of a fen stays with the merchant), exact in integers up to the largest amount.
 */
export const ZRateBp = (label: TLocalText) =>
  z.number().int().min(100).max(9900).meta({
    label,
    help: { zh: '按万分比填写实付比例：9 折填 9000，8.5 折填 8500', en: 'What the shopper pays, in basis points: 9000 = 10 % off, 8500 = 15 % off' },
  });

export function rateDiscount(baseFen: number, rateBp: number): number {
  return Math.floor((baseFen * (10_000 - rateBp)) / 10_000);
}

/** 9000 → "9折", 8500 → "8.5折", 8750 → "8.75折"; in English the percentage off. */
export function zhe(rateBp: number): TLocalText {
  return text(`${rateBp / 1000}折`, `${(10_000 - rateBp) / 100}% off`);
}

export const pieces = (lines: readonly { quantity: number }[]) => lines.reduce((s, l) => s + l.quantity, 0);
export const baseOf = (lines: readonly { baseFen: number }[]) => lines.reduce((s, l) => s + l.baseFen, 0);
