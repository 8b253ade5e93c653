import type { Candidate } from './candidates.rules.ts';
import { rejection } from './candidates.rules.ts';
import type { PricesOutcome } from './kinds/kind.ts';
import { evaluate, label, type Env, type State } from './pipeline.rules.ts';
import { reasons } from './reasons.ts';

/**
 * Item-level prices (limited-time discount, member price): every item-level promotion proposes unit
 * prices for its lines, and per line the lowest price wins (ties: the higher-ranked promotion) — they
 * never stack on one line. A promotion that wins no line is not applied: another's price was lower.
 * Sets the sale prices every later stage starts from.
 */
export function applyItemStage(s: State, env: Env, ranked: readonly Candidate[]): void {
  const lines = env.input.lines;
  const price = lines.map((l) => l.unitPriceFen);
  const winner = lines.map(() => -1);
  const outcomes: (PricesOutcome | null)[] = [];
  ranked.forEach((c, k) => {
    const o = evaluate(s, env, c);
    if (o.type !== 'prices') {
      if (o.type === 'not_applied') s.notApplied.push(rejection(c.source, { id: c.id, kind: c.kind.kind, name: c.name }, o));
      outcomes.push(null);
      return;
    }
    outcomes.push(o);
    for (const i of c.eligible) {
      const p = o.prices.get(lines[i]!.lineId);
      if (p === undefined) continue;
      if (!Number.isSafeInteger(p) || p < 0) throw new Error(`kind ${c.kind.kind} proposed a bad price ${p}`);
      if (p < price[i]!) {
        price[i] = p;
        winner[i] = k;
      }
    }
  });
  ranked.forEach((c, k) => {
    const o = outcomes[k];
    if (!o) return;
    let saved = 0;
    const lineIds: string[] = [];
    winner.forEach((w, i) => {
      if (w !== k) return;
      const l = lines[i]!;
      const amount = (l.unitPriceFen - price[i]!) * l.quantity;
      saved += amount;
      lineIds.push(l.lineId);
      s.shares.push({ line: i, source: c.source, sourceId: c.id, stage: 'item', label: label(c), amountFen: amount });
    });
    const ref = { id: c.id, kind: c.kind.kind, name: c.name };
    if (lineIds.length) {
      s.totals.item += saved;
      s.applied.push({ source: c.source, sourceId: c.id, kind: c.kind.kind, stage: 'item', name: c.name, amountFen: saved, requestedFen: saved, capped: false, text: o.explain(saved, lineIds.length), hint: null, lineIds });
      return;
    }
    const beaten = c.eligible.map((i) => winner[i]!).find((w) => w >= 0 && w !== k);
    s.notApplied.push(rejection(c.source, ref, beaten === undefined ? reasons.noBetterPrice() : reasons.exclusive(ranked[beaten]!.id, ranked[beaten]!.name)));
  });
  s.salePrice = price;
  s.subtotal = price.map((p, i) => p * lines[i]!.quantity);
  s.remaining = s.subtotal.slice();
}
