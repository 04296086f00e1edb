/**
 * A fast path for the infer bodies clients send almost always: `{"id"?, "inputs": [{name, shape,
 * datatype, data}…], "outputs"?: [{name}…]}` with flat data of numbers, strings, booleans or nulls.
 * At one row per request, JSON.parse of such a body cost more than everything else the server does
 * for it (3–4 µs of 478 bytes); this scan reads the same text in one pass without its generality.
 *
 * It answers exactly what JSON.parse would for the text, or `undefined` for "take the general way":
 * any other key, a nested data array, a string with an escape or a control character, invalid JSON,
 * a duplicate key. The general way (depth check, JSON.parse, decodeInfer) then gives the same answer
 * or the same 400 it always did; the scan never produces an error of its own.
 */

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

/** Thrown inside the scan only, caught at its top: "not the common shape". Never escapes. */
const giveUp: unique symbol = Symbol("giveUp");

type Scalar = number | string | boolean | null;

export interface ScannedTensor {
  name: string;
  shape: number[];
  datatype: string;
  data: Scalar[];
}

export interface ScannedInferBody {
  id?: string;
  inputs?: ScannedTensor[];
  outputs?: { name: string }[];
}

class Scanner {
  pos = 0;

  constructor(private readonly bytes: Buffer) {}

  private peek(): number {
    const b = this.bytes;
    let p = this.pos;
    const n = b.length;
    while (p < n) {
      const c = b[p] as number;
      if (c !== SPACE && c !== LF && c !== CR && c !== TAB) break;
      p++;
    }
    this.pos = p;
    return p < n ? (b[p] as number) : -1;
  }

  private expect(c: number): void {
    if (this.peek() !== c) throw giveUp;
    this.pos++;
  }

  /** After a member or element: true when another follows (a comma), false at the closer. */
  private more(closer: number): boolean {
    const c = this.peek();
    this.pos++;
    if (c === COMMA) return true;
    if (c === closer) return false;
    throw giveUp;
  }

  string(): string {
    if (this.peek() !== QUOTE) throw giveUp;
    const b = this.bytes;
    const start = ++this.pos;
    const n = b.length;
    let ascii = true;
    let p = start;
    for (; p < n; p++) {
      const c = b[p] as number;
      if (c === QUOTE) break;
      if (c === BACKSLASH || c < SPACE) throw giveUp;
      if (c >= 0x80) ascii = false;
    }
    if (p >= n) throw giveUp;
    this.pos = p + 1;
    // A quote byte never occurs inside a UTF-8 sequence, so the slice holds whole characters; its
    // decoding (U+FFFD for invalid bytes) is the one JSON.parse(body.toString("utf8")) sees.
    if (!ascii) return b.toString("utf8", start, p);
    return internedAscii(b, start, p);
  }

  /** The key at the cursor, as its index in `keys`; -1 for any other key. Makes no string. */
  key(keys: readonly string[]): number {
    if (this.peek() !== QUOTE) throw giveUp;
    const b = this.bytes;
    const start = this.pos + 1;
    let p = start;
    const n = b.length;
    for (; p < n; p++) {
      const c = b[p] as number;
      if (c === QUOTE) break;
      if (c === BACKSLASH || c < SPACE) throw giveUp;
    }
    if (p >= n) throw giveUp;
    this.pos = p + 1;
    this.expect(COLON);
    const length = p - start;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      if (key.length !== length) continue;
      let i = 0;
      while (i < length && b[start + i] === key.charCodeAt(i)) i++;
      if (i === length) return k;
    }
    return -1;
  }

  /** A JSON number, checked against the grammar; its value as JSON.parse computes it. */
  number(): number {
    const b = this.bytes;
    const n = b.length;
    const start = this.pos;
    let p = start;
    let negative = false;
    if (b[p] === MINUS) {
      negative = true;
      p++;
    }
    let c = p < n ? (b[p] as number) : -1;
    if (c < ZERO || c > NINE) throw giveUp;
    let value = 0;
    let digits = 0;
    if (c === ZERO) {
      p++;
      digits = 1;
    } else {
      while (p < n) {
        c = b[p] as number;
        if (c < ZERO || c > NINE) break;
        value = value * 10 + (c - ZERO);
        digits++;
        p++;
      }
    }
    let simple = digits <= 15;
    c = p < n ? (b[p] as number) : -1;
    if (c === DOT) {
      simple = false;
      p++;
      const first = p;
      while (p < n && (b[p] as number) >= ZERO && (b[p] as number) <= NINE) p++;
      if (p === first) throw giveUp;
      c = p < n ? (b[p] as number) : -1;
    }
    if (c === LOWER_E || c === UPPER_E) {
      simple = false;
      p++;
      if (b[p] === PLUS || b[p] === MINUS) p++;
      const first = p;
      while (p < n && (b[p] as number) >= ZERO && (b[p] as number) <= NINE) p++;
      if (p === first) throw giveUp;
    }
    this.pos = p;
    // Up to 15 digits, an integer is exact in a double, so the sum above is the parsed value.
    if (simple) return negative ? -value : value;
    return Number(b.toString("latin1", start, p));
  }

  private literal(text: string, value: boolean | null): boolean | null {
    const b = this.bytes;
    const p = this.pos;
    for (let i = 0; i < text.length; i++) if (b[p + i] !== text.charCodeAt(i)) throw giveUp;
    this.pos = p + text.length;
    return value;
  }

  scalar(): Scalar {
    const c = this.peek();
    if (c === QUOTE) return this.string();
    if (c === MINUS || (c >= ZERO && c <= NINE)) return this.number();
    if (c === 0x74) return this.literal("true", true);
    if (c === 0x66) return this.literal("false", false);
    if (c === 0x6e) return this.literal("null", null);
    throw giveUp;
  }

  scalars(): Scalar[] {
    this.expect(OPEN_ARRAY);
    const out: Scalar[] = [];
    if (this.peek() === CLOSE_ARRAY) {
      this.pos++;
      return out;
    }
    do out.push(this.scalar());
    while (this.more(CLOSE_ARRAY));
    return out;
  }

  numbers(): number[] {
    this.expect(OPEN_ARRAY);
    const out: number[] = [];
    if (this.peek() === CLOSE_ARRAY) {
      this.pos++;
      return out;
    }
    do {
      const c = this.peek();
      if (c !== MINUS && (c < ZERO || c > NINE)) throw giveUp;
      out.push(this.number());
    } while (this.more(CLOSE_ARRAY));
    return out;
  }

  /** `{`, and whether a member follows (false for `{}`). */
  private open(): boolean {
    this.expect(OPEN_OBJECT);
    if (this.peek() !== CLOSE_OBJECT) return true;
    this.pos++;
    return false;
  }

  /** The common tensor: each of name, shape, datatype and data once, in any order, nothing else. */
  tensor(): ScannedTensor {
    let name: string | undefined;
    let shape: number[] | undefined;
    let datatype: string | undefined;
    let data: Scalar[] | undefined;
    if (!this.open()) throw giveUp;
    do {
      const k = this.key(tensorKeys);
      if (k === 0 && name === undefined) name = this.string();
      else if (k === 1 && shape === undefined) shape = this.numbers();
      else if (k === 2 && datatype === undefined) datatype = this.string();
      else if (k === 3 && data === undefined) data = this.scalars();
      else throw giveUp;
    } while (this.more(CLOSE_OBJECT));
    if (name === undefined || shape === undefined || datatype === undefined || data === undefined)
      throw giveUp;
    return { name, shape, datatype, data };
  }

  tensors(): ScannedTensor[] {
    this.expect(OPEN_ARRAY);
    const out: ScannedTensor[] = [];
    if (this.peek() === CLOSE_ARRAY) {
      this.pos++;
      return out;
    }
    do out.push(this.tensor());
    while (this.more(CLOSE_ARRAY));
    return out;
  }

  outputs(): { name: string }[] {
    this.expect(OPEN_ARRAY);
    const out: { name: string }[] = [];
    if (this.peek() === CLOSE_ARRAY) {
      this.pos++;
      return out;
    }
    do {
      // Exactly {"name": string}: anything else, even {}, goes the general way.
      if (!this.open() || this.key(outputKeys) !== 0) throw giveUp;
      out.push({ name: this.string() });
      if (this.more(CLOSE_OBJECT)) throw giveUp;
    } while (this.more(CLOSE_ARRAY));
    return out;
  }

  body(): ScannedInferBody {
    const body: ScannedInferBody = {};
    if (this.open()) {
      do {
        const k = this.key(bodyKeys);
        if (k === 0 && body.inputs === undefined) body.inputs = this.tensors();
        else if (k === 1 && body.id === undefined) body.id = this.string();
        else if (k === 2 && body.outputs === undefined) body.outputs = this.outputs();
        else throw giveUp;
      } while (this.more(CLOSE_OBJECT));
    }
    if (this.peek() !== -1) throw giveUp;
    return body;
  }
}

const bodyKeys = ["inputs", "id", "outputs"] as const;
const tensorKeys = ["name", "shape", "datatype", "data"] as const;
const outputKeys = ["name"] as const;

/**
 * Input names, datatypes and category values repeat in every request: each short ASCII string is
 * kept in a slot chosen by a hash of its bytes and found again by comparing them, so it is made once.
 * A fixed table: distinct strings only take each other's slots.
 */
const internSlots = 1024;
const interned = new Array<string>(internSlots).fill("");
const internMaxLength = 64;

function internedAscii(b: Buffer, start: number, end: number): string {
  const length = end - start;
  if (length > internMaxLength) return b.toString("latin1", start, end);
  let hash = length;
  for (let p = start; p < end; p++) hash = Math.imul(hash ^ (b[p] as number), 0x01000193);
  const slot = (hash >>> 0) & (internSlots - 1);
  const known = interned[slot] as string;
  if (known.length === length) {
    let i = 0;
    while (i < length && b[start + i] === known.charCodeAt(i)) i++;
    if (i === length) return known;
  }
  const made = b.toString("latin1", start, end);
  interned[slot] = made;
  return made;
}

/** The body as JSON.parse would give it, when it has the common shape; undefined otherwise. */
export function scanInferBody(bytes: Buffer): ScannedInferBody | undefined {
  try {
    return new Scanner(bytes).body();
  } catch (err) {
    if (err === giveUp) return undefined;
    throw err;
  }
}
