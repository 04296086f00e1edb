/** A number as the commands print it: integers whole, others to four significant digits. */
export function numberText(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4)));
}
