/**
 * Arrays and objects nested deeper than this in a request body are refused before it is parsed. A
 * valid request nests four or five levels (body, inputs, tensor, data, rows); JSON.parse accepts tens
 * of thousands, and then any recursive walk of the value (JSON.stringify in an error message, a
 * structured clone) overflows the stack.
 */
export const maxJsonDepth = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether the raw JSON text nests arrays and objects deeper than `limit`: one pass over the bytes,
 * no recursion, no allocation. Brackets inside strings do not count. It does not check the JSON is
 * valid (JSON.parse does, after); on invalid text its answer only decides which 400 is given.
 */
export function nestsDeeperThan(bytes: Uint8Array, limit: number): boolean {
  // A body this short cannot open more than `limit` brackets.
  if (bytes.length <= limit) return false;
  let depth = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const c = bytes[i] as number;
    if (c === QUOTE) {
      // Skip the string: to the next quote not escaped by a backslash.
      for (i++; i < n; i++) {
        const s = bytes[i] as number;
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}
