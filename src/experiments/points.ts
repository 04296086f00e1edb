import { MlopsError } from "../errors/index.js";
import type { ParamValue } from "../manifest/params.js";
import type { ParamSweep } from "./set-spec.js";

/** One setting of every swept key: `[pipeline:]key` → value, in the order the keys were given. */
export type SweepPoint = ReadonlyArray<{ pipeline: string | undefined; key: string; value: ParamValue }>;

/** Past this many points a grid is refused: a typo (`-S a=1,…,1000 -S b=…`) should not run for days. */
export const maxPoints = 10_000;

function gridSize(sweeps: readonly ParamSweep[]): number {
  return sweeps.reduce((n, s) => n * s.values.length, 1);
}

/** The point at `index` of the grid, the last key varying fastest (as nested loops would). */
function pointAt(sweeps: readonly ParamSweep[], index: number): SweepPoint {
  const out: { pipeline: string | undefined; key: string; value: ParamValue }[] = [];
  let rest = index;
  for (let i = sweeps.length - 1; i >= 0; i--) {
    const s = sweeps[i] as ParamSweep;
    out.unshift({ pipeline: s.pipeline, key: s.key, value: s.values[rest % s.values.length] as ParamValue });
    rest = Math.floor(rest / s.values.length);
  }
  return out;
}

/** Every combination of the swept values. */
export function gridPoints(sweeps: readonly ParamSweep[]): SweepPoint[] {
  const size = gridSize(sweeps);
  if (size > maxPoints)
    throw new MlopsError("usage", `the grid has ${size} points, more than ${maxPoints}`, {
      hint: "sample it with --random N --seed S",
    });
  return Array.from({ length: size }, (_, i) => pointAt(sweeps, i));
}

/** A seeded 32-bit generator (mulberry32): the same seed draws the same points on every machine. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` distinct points of the grid drawn with `seed` (every point when the grid is smaller),
 * in grid order so the names they get do not depend on the draw order.
 */
export function randomPoints(sweeps: readonly ParamSweep[], count: number, seed: number): SweepPoint[] {
  const size = gridSize(sweeps);
  if (count >= size) return gridPoints(sweeps);
  const random = seededRandom(seed);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(Math.floor(random() * size));
  return [...chosen].sort((a, b) => a - b).map((i) => pointAt(sweeps, i));
}

/** `train.gbdt.trees=100 prepare.seed=1`: how progress lines and commit subjects name a point. */
export function describePoint(point: SweepPoint): string {
  return point
    .map(
      (p) =>
        `${p.pipeline ? `${p.pipeline}:` : ""}${p.key}=${typeof p.value === "string" ? p.value : JSON.stringify(p.value)}`,
    )
    .join(" ");
}
