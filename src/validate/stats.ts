/**
 * The statistics behind drift: two-sample Kolmogorov–Smirnov with exact p-values for samples up to
 * 10,000 (as scipy's `ks_2samp` in its default mode), the chi-square test of a 2 × k table (as
 * scipy's `chi2_contingency`), and the population stability index.
 */

import { kstwoSf } from "./kstwo.js";

/** Largest sample for which the KS p-value is computed exactly (scipy's threshold too). */
export const exactKsLimit = 10_000;

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x;
}

/** D = sup |F1 − F2| of two samples' empirical distribution functions. */
export function ksStatistic(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i] as number, y[j] as number);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/**
 * P(D ≥ d) for samples of sizes m and n under the null hypothesis, exactly: the share of monotone
 * lattice paths from (0,0) to (m,n) that touch |i/m − j/n| ≥ d. A path is walked as draws without
 * replacement, so every quantity is a probability and nothing overflows.
 */
export function ksExactPValue(m: number, n: number, d: number): number {
  const g = gcd(m, n);
  const lcm = (m / g) * n;
  // d is a multiple of 1/lcm; rounding removes floating-point noise before the integer comparison.
  const h = Math.round(d * lcm);
  if (h === 0) return 1;
  // Inside the band: |n·i − m·j| < h·g.
  const limit = h * g;
  let column = new Float64Array(n + 1);
  let next = new Float64Array(n + 1);
  column[0] = 1;
  for (let i = 0; i <= m; i++) {
    next.fill(0);
    for (let j = 0; j <= n; j++) {
      const p = column[j] as number;
      if (p === 0) continue;
      if (Math.abs(n * i - m * j) >= limit) {
        column[j] = 0;
        continue;
      }
      const left = m - i + n - j;
      if (left === 0) continue;
      // Step in i (a draw from the first sample) or in j (from the second).
      if (i < m) next[j] = (next[j] as number) + (p * (m - i)) / left;
      if (j < n) column[j + 1] = (column[j + 1] as number) + (p * (n - j)) / left;
    }
    if (i === m) break;
    [column, next] = [next, column];
  }
  const inside = Math.abs(n * m - m * n) < limit ? (column[n] as number) : 0;
  return Math.min(1, Math.max(0, 1 - inside));
}

export interface KsResult {
  statistic: number;
  pvalue: number;
  method: "exact" | "asymptotic";
}

/** Rounds half to even, as numpy's `round` does (scipy rounds the effective size that way). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * The p-value of D for sizes m and n, as scipy's `ks_2samp` in its default mode: exact up to 10,000
 * per sample; above, the one-sample distribution of D at the effective size round(mn/(m+n))
 * (`kstwo.sf`), which is finer than the limiting Kolmogorov distribution at every size.
 */
export function ksPValue(
  m: number,
  n: number,
  d: number,
): { pvalue: number; method: "exact" | "asymptotic" } {
  if (Math.max(m, n) <= exactKsLimit) return { pvalue: ksExactPValue(m, n, d), method: "exact" };
  return { pvalue: kstwoSf(d, Math.max(1, roundHalfEven((m * n) / (m + n)))), method: "asymptotic" };
}

export function ks2(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  const statistic = ksStatistic(a, b);
  return { statistic, ...ksPValue(a.length, b.length, statistic) };
}

/** ln Γ(x) by the Lanczos approximation (g = 7, 9 terms): about 15 significant digits. */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised upper incomplete gamma Q(s, x): a series below s + 1, a continued fraction above. */
export function gammaQ(s: number, x: number): number {
  if (x <= 0) return 1;
  const lead = -x + s * Math.log(x) - logGamma(s);
  if (x < s + 1) {
    let term = 1 / s;
    let sum = term;
    for (let k = 1; k < 10_000; k++) {
      term *= x / (s + k);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lead));
  }
  // Lentz's method on the continued fraction for Γ(s, x).
  const tiny = 1e-300;
  let b = x + 1 - s;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.min(1, Math.exp(lead) * h);
}

export function chi2Sf(statistic: number, dof: number): number {
  return gammaQ(dof / 2, statistic / 2);
}

export interface Chi2Result {
  statistic: number;
  pvalue: number;
  dof: number;
}

/**
 * Pearson's chi-square test of independence on a 2 × k table (reference counts, current counts),
 * with Yates' continuity correction when there is one degree of freedom. Categories counted zero
 * on both sides are dropped first (their expected count would be zero).
 */
export function chi2TwoSample(reference: readonly number[], current: readonly number[]): Chi2Result {
  const keep = reference.map((r, i) => r + (current[i] ?? 0) > 0);
  const rows = [reference.filter((_, i) => keep[i]), current.filter((_, i) => keep[i])];
  const k = rows[0]?.length ?? 0;
  if (k < 2) return { statistic: 0, pvalue: 1, dof: 0 };
  const rowTotals = rows.map((r) => r.reduce((a, b) => a + b, 0));
  const total = (rowTotals[0] as number) + (rowTotals[1] as number);
  if (rowTotals.some((t) => t === 0)) return { statistic: 0, pvalue: 1, dof: k - 1 };
  const dof = k - 1;
  let statistic = 0;
  for (let c = 0; c < k; c++) {
    const colTotal = (rows[0]?.[c] as number) + (rows[1]?.[c] as number);
    for (let r = 0; r < 2; r++) {
      const expected = ((rowTotals[r] as number) * colTotal) / total;
      let diff = Math.abs((rows[r]?.[c] as number) - expected);
      if (dof === 1) diff = Math.max(0, diff - 0.5);
      statistic += (diff * diff) / expected;
    }
  }
  return { statistic, pvalue: chi2Sf(statistic, dof), dof };
}

/**
 * Population stability index Σ (c − r) · ln(c / r) over bins of shares; empty bins take a floor
 * share so one empty bin does not make the index infinite.
 */
export function psi(
  referenceCounts: readonly number[],
  currentCounts: readonly number[],
  floor = 1e-4,
): number {
  const rt = referenceCounts.reduce((a, b) => a + b, 0);
  const ct = currentCounts.reduce((a, b) => a + b, 0);
  if (rt === 0 || ct === 0) return 0;
  let sum = 0;
  referenceCounts.forEach((r, i) => {
    const p = Math.max(r / rt, floor);
    const q = Math.max((currentCounts[i] ?? 0) / ct, floor);
    sum += (q - p) * Math.log(q / p);
  });
  return sum;
}
