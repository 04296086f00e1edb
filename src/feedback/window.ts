import { MlopsError } from "../errors/index.js";

const units: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `30m`, `12h`, `7d` as milliseconds; anything else is a usage error naming the flag. */
export function parseWindow(text: string, flag = "--window"): number {
  const m = /^(\d+(?:\.\d+)?)([smhd])$/.exec(text.trim());
  const ms = m ? Number(m[1]) * (units[m[2] as string] as number) : Number.NaN;
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new MlopsError("usage", `${flag}: expected a duration like 90s, 30m, 12h or 7d`, { got: text });
  }
  return ms;
}
