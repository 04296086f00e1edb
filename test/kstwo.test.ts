import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { kstwoCdf, kstwoSf } from "../src/validate/kstwo.js";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** scipy.stats.kstwo.sf for each [d, n], from the pinned scipy in the comparison venv. */
function scipyKstwoSf(cases: [number, number][]): number[] {
  const out = execFileSync(
    "sh",
    [
      "scripts/python/venv-run.sh",
      "scripts/compare/requirements.txt",
      "python3",
      "scripts/compare/scipy-kstwo.py",
    ],
    // The first run builds the venv, and scipy sums up to a million terms per large-n case.
    { cwd: repoRoot, input: JSON.stringify(cases), encoding: "utf8", timeout: 600_000, maxBuffer: 1 << 26 },
  );
  return JSON.parse(out) as number[];
}

/**
 * Points on both sides of every threshold where scipy switches method, plus the bulk and the tails,
 * for sizes on both sides of each size threshold (n ≤ 140, the matrix method's n ≤ 100,000 and our
 * own switch to Pelz–Good at 4000).
 */
function grid(): [number, number][] {
  const sizes = [
    1, 2, 3, 5, 10, 50, 100, 139, 140, 141, 500, 1000, 4000, 4001, 5000, 10_000, 50_000, 100_000, 100_001,
    1_000_000,
  ];
  const cases: [number, number][] = [];
  for (const n of sizes) {
    const ds = [
      0.5 / n,
      0.75 / n,
      1 / n,
      1.5 / n,
      2.5 / n,
      0.3,
      0.4999,
      0.5,
      0.6,
      0.9,
      1 - 1 / n,
      1 - 0.5 / n,
      1,
    ];
    // n·d² at the method thresholds (0.754693, 2.2, 4, 370) and across the bulk and the tail.
    for (const c of [
      0.1, 0.3, 0.754693, 0.76, 1, 1.5, 2.19, 2.2, 2.21, 3, 4, 4.1, 10, 30, 100, 200, 369, 371,
    ]) {
      ds.push(Math.sqrt(c / n));
    }
    const matrixLimit = (1.4 / n) ** (2 / 3); // n·d^1.5 = 1.4
    ds.push(matrixLimit * 0.99, matrixLimit * 1.01);
    for (const d of ds) if (d > 0 && d <= 1) cases.push([d, n]);
  }
  return cases;
}

describe("kstwoSf, the two-sided one-sample Kolmogorov–Smirnov survival function", () => {
  it("equals scipy's kstwo.sf across every method's region, to 1e-6 relative even deep in the tail", () => {
    const cases = grid();
    const expected = scipyKstwoSf(cases);
    expect(expected).toHaveLength(cases.length);
    let worst = { rel: 0, d: 0, n: 0, ours: 0, scipy: 0 };
    const failures: string[] = [];
    cases.forEach(([d, n], i) => {
      const scipy = expected[i] as number;
      const ours = kstwoSf(d, n);
      const diff = Math.abs(ours - scipy);
      // Relative to scipy's value all the way down (1e-300 only guards against dividing by 0); the
      // looser bound of 1e-6 relative plus 1e-12 absolute would let any tail value through.
      const rel = diff / Math.max(scipy, 1e-300);
      if (rel > worst.rel) worst = { rel, d, n, ours, scipy };
      if (!(rel <= 1e-6)) failures.push(`d=${d} n=${n}: ours ${ours}, scipy ${scipy}`);
    });
    expect(
      failures,
      `worst relative error ${worst.rel.toExponential(2)} at d=${worst.d}, n=${worst.n} ` +
        `(ours ${worst.ours}, scipy ${worst.scipy})`,
    ).toEqual([]);
  }, 600_000);

  it("is 1 up to d = 1/2 and 2(1 − d) above for a single observation, where D_1 = max(U, 1 − U)", () => {
    for (let i = 0; i <= 100; i++) {
      const d = i / 100;
      expect(kstwoSf(d, 1)).toBeCloseTo(d <= 0.5 ? 1 : 2 * (1 - d), 14);
      expect(kstwoCdf(d, 1)).toBeCloseTo(d <= 0.5 ? 0 : 2 * d - 1, 14);
    }
  });

  it("does not increase with d, beyond the few parts per million scipy's method switches leave", () => {
    // Where scipy changes method (e.g. Pelz–Good to twice the one-sided tail at n·d² = 2.2) its
    // sf steps up by up to ~4e-6 relative; the rest of the curve is monotone.
    for (const n of [1, 2, 3, 10, 100, 140, 141, 1000, 4001, 10_000, 100_000, 1_000_000]) {
      const top = Math.min(1, 30 / Math.sqrt(n));
      let previous = 1;
      for (let i = 0; i <= 2000; i++) {
        const d = (top * i) / 2000;
        const sf = kstwoSf(d, n);
        expect(sf, `n=${n} d=${d}`).toBeLessThanOrEqual(previous * (1 + 1e-5));
        previous = sf;
      }
    }
  });

  it("has cdf + sf = 1 where both come from the same method, and 0 or 1 outside [0, 1]", () => {
    for (const n of [2, 7, 60, 140]) {
      for (let i = 1; i < 50; i++) {
        const d = i / 50;
        expect(kstwoCdf(d, n) + kstwoSf(d, n)).toBeCloseTo(1, 12);
      }
    }
    expect(kstwoSf(-0.1, 100)).toBe(1);
    expect(kstwoSf(1.5, 100)).toBe(0);
    expect(kstwoCdf(1.5, 100)).toBe(1);
    expect(kstwoSf(0.1, 0)).toBeNaN();
    expect(kstwoSf(0.1, 2.5)).toBeNaN();
    expect(kstwoSf(Number.NaN, 10)).toBeNaN();
  });
});
