/**
 * Splits `total` fen over parties in proportion to integer `weights` by the largest-remainder
 * (Hamilton) method: each party gets the floor of its exact quota `total × w / Σw`, and the fen left
 * over go one each to the largest remainders, ties to the earlier party (line order), so the result
 * is deterministic and always sums to `total` exactly. No party gets more than its weight when
 * `total ≤ Σw` (a quota ≤ w, and a rounded-up quota had a fraction), which is how "no line below zero"
 * holds when the weights are what the lines have left. Products are exact: numbers while they stay
 * below 2^53, BigInt beyond. (Vendure's `prorate.ts` does the same; M. Balinski & H. P. Young, *Fair
 * Representation*, 1982, ch. 2, for the method and its paradoxes.)
 */
export function allocate(total: number, weights: readonly number[], opts: { beyondWeights?: boolean } = {}): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`allocate: bad total ${total}`);
  if (total === 0) return out;
  let sum = 0;
  let max = 0;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`allocate: bad weight ${w}`);
    sum += w;
    if (w > max) max = w;
  }
  if (!Number.isSafeInteger(sum)) throw new RangeError('allocate: weights too large');
  // Money never goes past what a party has; counts split in proportion (points per line) may.
  if (opts.beyondWeights ? sum === 0 : total > sum) throw new RangeError(`allocate: ${total} cannot be split over weights summing to ${sum}`);

  let given = 0;
  let order: number[];
  if (total * max <= Number.MAX_SAFE_INTEGER) {
    const rem = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const prod = total * weights[i]!;
      let q = Math.floor(prod / sum);
      let r = prod - q * sum;
      // A float quotient can land one off near an integer; the exact remainder puts it right.
      if (r < 0) { q -= 1; r += sum; } else if (r >= sum) { q += 1; r -= sum; }
      out[i] = q;
      rem[i] = r;
      given += q;
    }
    order = rankByRemainder(n, (a, b) => rem[b]! - rem[a]!, (i) => rem[i]! > 0);
  } else {
    const bigTotal = BigInt(total);
    const bigSum = BigInt(sum);
    const rem = new Array<bigint>(n);
    for (let i = 0; i < n; i++) {
      const prod = bigTotal * BigInt(weights[i]!);
      out[i] = Number(prod / bigSum);
      rem[i] = prod % bigSum;
      given += out[i]!;
    }
    order = rankByRemainder(n, (a, b) => (rem[b]! > rem[a]! ? 1 : rem[b]! < rem[a]! ? -1 : 0), (i) => rem[i]! > 0n);
  }
  for (let k = 0; k < total - given; k++) out[order[k]!]! += 1;
  return out;
}

function rankByRemainder(n: number, byRemainderDesc: (a: number, b: number) => number, hasRemainder: (i: number) => boolean): number[] {
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (hasRemainder(i)) idx.push(i);
  return idx.sort((a, b) => byRemainderDesc(a, b) || a - b);
}

/**
 * The refund share of `done + now` units out of `of` for an amount, minus the share of the `done`
 * already refunded: floor(amount × (done+now) / of) − floor(amount × done / of). Whatever the order
 * and size of the partial refunds, they add up to `amount` exactly when all `of` units are back.
 */
export function cumulativeShare(amount: number, of: number, done: number, now: number): number {
  const at = (k: number) => (k >= of ? amount : Number((BigInt(amount) * BigInt(k)) / BigInt(of)));
  return at(done + now) - at(done);
}
