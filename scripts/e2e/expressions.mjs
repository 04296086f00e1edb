// The `${{ … }}` expression language of GitHub Actions, as far as our workflows and actions use it:
// literals, context references with `.name`, `['name']` and `.*`, the operators
// `! < <= > >= == != && ||` with GitHub's loose comparison rules, and the functions listed in
// FUNCTIONS plus the status functions. Semantics follow
// https://docs.github.com/en/actions/reference/workflows-and-actions/expressions (case-insensitive
// strings and property names, numbers coerced when types differ, `&&`/`||` yield an operand).

/**
 * @typedef {object} StatusFunctions
 * @property {() => boolean} success
 * @property {() => boolean} failure
 * @property {() => boolean} cancelled
 */

/**
 * @typedef {object} ExpressionScope
 * @property {Record<string, unknown>} contexts  named contexts available here (github, env, steps, …)
 * @property {StatusFunctions} [status]          where status functions make sense (an `if:`)
 * @property {string} where                     names the file and the step or field, for errors
 */

/** Thrown for a malformed or unsupported expression; the runner adds file and line. */
export class ExpressionError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "ExpressionError";
  }
}

// A `.*` filter result: later property accesses map over its elements instead of indexing it.
class Filtered extends Array {}

/** @typedef {{kind: string, value?: unknown, text?: string}} Token */

const PUNCTUATION = ["==", "!=", "<=", ">=", "&&", "||", "(", ")", "[", "]", ",", ".", "!", "<", ">", "*"];

/** @param {string} source @returns {Token[]} */
function tokenize(source) {
  /** @type {Token[]} */
  const tokens = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let text = "";
      i++;
      for (;;) {
        if (i >= source.length) throw new ExpressionError(`unterminated string in '${source}'`);
        if (source[i] === "'") {
          if (source[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += source[i];
        i++;
      }
      tokens.push({ kind: "literal", value: text });
      continue;
    }
    const number = /^(?:0x[0-9a-f]+|[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)/i.exec(source.slice(i));
    if (number && (c !== "+" && c !== "-" ? true : /[\d.]/.test(source.charAt(i + 1)))) {
      tokens.push({ kind: "literal", value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i));
    if (word) {
      const text = word[0];
      const keyword = {
        true: true,
        false: false,
        null: null,
        NaN: Number.NaN,
        Infinity: Number.POSITIVE_INFINITY,
      };
      if (Object.hasOwn(keyword, text))
        tokens.push({ kind: "literal", value: keyword[/** @type {keyof typeof keyword} */ (text)] });
      else tokens.push({ kind: "ident", text });
      i += text.length;
      continue;
    }
    const punct = PUNCTUATION.find((p) => source.startsWith(p, i));
    if (!punct) throw new ExpressionError(`unexpected character '${c}' at position ${i + 1} of '${source}'`);
    tokens.push({ kind: punct });
    i += punct.length;
  }
  return tokens;
}

/**
 * @typedef {{type: "literal", value: unknown}
 *   | {type: "context", name: string}
 *   | {type: "call", name: string, args: Node[]}
 *   | {type: "member", object: Node, key: Node | "*"}
 *   | {type: "not", operand: Node}
 *   | {type: "binary", op: string, left: Node, right: Node}} Node
 */

/** @param {string} source @returns {Node} */
export function parseExpression(source) {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos]?.kind;
  /** @param {string} kind */
  const expect = (kind) => {
    if (tokens[pos]?.kind !== kind) {
      throw new ExpressionError(`expected '${kind}' but found ${describe(tokens[pos])} in '${source}'`);
    }
    return tokens[pos++];
  };
  /** @param {Token | undefined} t */
  const describe = (t) =>
    t === undefined
      ? "the end"
      : t.kind === "ident"
        ? `'${t.text}'`
        : t.kind === "literal"
          ? `${JSON.stringify(t.value)}`
          : `'${t.kind}'`;

  /** @param {string[]} ops @param {() => Node} next @returns {Node} */
  const binary = (ops, next) => {
    let left = next();
    while (ops.includes(peek() ?? "")) {
      const op = /** @type {string} */ (tokens[pos++]?.kind);
      left = { type: "binary", op, left, right: next() };
    }
    return left;
  };
  /** @returns {Node} */
  const or = () => binary(["||"], and);
  /** @returns {Node} */
  const and = () => binary(["&&"], equality);
  /** @returns {Node} */
  const equality = () => binary(["==", "!="], comparison);
  /** @returns {Node} */
  const comparison = () => binary(["<", "<=", ">", ">="], unary);
  /** @returns {Node} */
  const unary = () => {
    if (peek() === "!") {
      pos++;
      return { type: "not", operand: unary() };
    }
    return postfix();
  };
  /** @returns {Node} */
  const postfix = () => {
    let node = primary();
    for (;;) {
      if (peek() === ".") {
        pos++;
        if (peek() === "*") {
          pos++;
          node = { type: "member", object: node, key: "*" };
        } else {
          const name = /** @type {string} */ (expect("ident")?.text);
          node = { type: "member", object: node, key: { type: "literal", value: name } };
        }
      } else if (peek() === "[") {
        pos++;
        if (peek() === "*") {
          pos++;
          expect("]");
          node = { type: "member", object: node, key: "*" };
        } else {
          const key = or();
          expect("]");
          node = { type: "member", object: node, key };
        }
      } else return node;
    }
  };
  /** @returns {Node} */
  const primary = () => {
    const t = tokens[pos];
    if (t?.kind === "literal") {
      pos++;
      return { type: "literal", value: t.value };
    }
    if (t?.kind === "(") {
      pos++;
      const inner = or();
      expect(")");
      return inner;
    }
    if (t?.kind === "ident") {
      pos++;
      const name = /** @type {string} */ (t.text);
      if (peek() === "(") {
        pos++;
        /** @type {Node[]} */
        const args = [];
        if (peek() !== ")") {
          args.push(or());
          while (peek() === ",") {
            pos++;
            args.push(or());
          }
        }
        expect(")");
        return { type: "call", name, args };
      }
      return { type: "context", name };
    }
    throw new ExpressionError(`unexpected ${describe(t)} in '${source}'`);
  };

  if (tokens.length === 0) throw new ExpressionError("empty expression");
  const node = or();
  if (pos < tokens.length) throw new ExpressionError(`unexpected ${describe(tokens[pos])} in '${source}'`);
  return node;
}

/** @param {unknown} v */
export function isTruthy(v) {
  if (v === null || v === undefined || v === false || v === "") return false;
  if (typeof v === "number") return v !== 0 && !Number.isNaN(v);
  return true;
}

/** @param {unknown} v @returns {number} */
function toNumber(v) {
  if (v === null || v === undefined) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const s = v.trim();
    if (s === "") return 0;
    if (/^0x[0-9a-f]+$/i.test(s)) return Number.parseInt(s, 16);
    if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(s)) return Number(s);
    return Number.NaN;
  }
  return Number.NaN;
}

/** The text a value becomes inside `${{ }}` or as a string argument. @param {unknown} v @returns {string} */
export function toText(v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return Object.is(v, -0) ? "0" : String(v);
  return JSON.stringify(v, null, 2);
}

/** @param {unknown} a @param {unknown} b */
function looseEquals(a, b) {
  const ta = a === undefined ? null : a;
  const tb = b === undefined ? null : b;
  if (typeof ta === "string" && typeof tb === "string") return ta.toLowerCase() === tb.toLowerCase();
  if (typeof ta === "object" || typeof tb === "object") {
    if (ta === null && tb === null) return true;
    if (ta !== null && tb !== null && typeof ta === "object" && typeof tb === "object") return ta === tb;
    if ((ta !== null && typeof ta === "object") || (tb !== null && typeof tb === "object")) return false;
  }
  if (typeof ta === typeof tb && typeof ta !== "object") return ta === tb;
  return toNumber(ta) === toNumber(tb);
}

/** @param {unknown} a @param {unknown} b @returns {number} NaN when not comparable */
function compare(a, b) {
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  return x - y;
}

/** Property lookup the way GitHub does it: exact name first, then ignoring case; missing is null. */
function member(/** @type {unknown} */ object, /** @type {unknown} */ key) {
  if (object instanceof Filtered) {
    const out = new Filtered();
    for (const item of object) {
      const v = member(item, key);
      if (v !== null) out.push(v);
    }
    return out;
  }
  if (Array.isArray(object)) {
    const index = typeof key === "number" ? key : toNumber(key);
    return Number.isInteger(index) && index >= 0 && index < object.length ? object[index] : null;
  }
  if (object !== null && typeof object === "object") {
    const name = toText(key);
    const record = /** @type {Record<string, unknown>} */ (object);
    if (Object.hasOwn(record, name)) return record[name] ?? null;
    const lower = name.toLowerCase();
    for (const k of Object.keys(record)) if (k.toLowerCase() === lower) return record[k] ?? null;
  }
  return null;
}

/** @type {Record<string, (args: unknown[], where: string) => unknown>} */
const FUNCTIONS = {
  contains([search, item]) {
    if (Array.isArray(search)) return search.some((element) => looseEquals(element, item));
    return toText(search).toLowerCase().includes(toText(item).toLowerCase());
  },
  startswith([text, prefix]) {
    return toText(text).toLowerCase().startsWith(toText(prefix).toLowerCase());
  },
  endswith([text, suffix]) {
    return toText(text).toLowerCase().endsWith(toText(suffix).toLowerCase());
  },
  format([template, ...args], where) {
    const source = toText(template);
    return source.replace(/\{\{|\}\}|\{(\d+)\}|\{|\}/g, (match, index) => {
      if (match === "{{") return "{";
      if (match === "}}") return "}";
      if (index === undefined) throw new ExpressionError(`${where}: format('${source}'): unbalanced brace`);
      const i = Number(index);
      if (i >= args.length) {
        throw new ExpressionError(
          `${where}: format('${source}'): {${i}} but only ${args.length} argument(s)`,
        );
      }
      return toText(args[i]);
    });
  },
  join([items, separator]) {
    const sep = separator === undefined ? "," : toText(separator);
    return Array.isArray(items) ? items.map(toText).join(sep) : toText(items);
  },
  tojson([value]) {
    return JSON.stringify(value ?? null, null, 2);
  },
  fromjson([text], where) {
    try {
      return JSON.parse(toText(text));
    } catch (err) {
      throw new ExpressionError(`${where}: fromJSON: not JSON (${/** @type {Error} */ (err).message})`);
    }
  },
};

const ARITY = /** @type {Record<string, [number, number]>} */ ({
  contains: [2, 2],
  startswith: [2, 2],
  endswith: [2, 2],
  format: [1, 99],
  join: [1, 2],
  tojson: [1, 1],
  fromjson: [1, 1],
  success: [0, 0],
  failure: [0, 0],
  always: [0, 0],
  cancelled: [0, 0],
});

/** @param {Node} node @param {ExpressionScope} scope @returns {unknown} */
function evaluateNode(node, scope) {
  switch (node.type) {
    case "literal":
      return node.value;
    case "context": {
      const name = node.name.toLowerCase();
      const key = Object.keys(scope.contexts).find((k) => k.toLowerCase() === name);
      if (key === undefined) {
        throw new ExpressionError(
          `${scope.where}: unknown context '${node.name}' (available here: ${Object.keys(scope.contexts).join(", ")})`,
        );
      }
      return scope.contexts[key] ?? null;
    }
    case "member": {
      const object = evaluateNode(node.object, scope);
      if (node.key === "*") {
        if (Array.isArray(object)) return Filtered.from(object);
        if (object !== null && typeof object === "object") return Filtered.from(Object.values(object));
        return new Filtered();
      }
      return member(object, evaluateNode(node.key, scope));
    }
    case "not":
      return !isTruthy(evaluateNode(node.operand, scope));
    case "binary": {
      const left = evaluateNode(node.left, scope);
      if (node.op === "&&") return isTruthy(left) ? evaluateNode(node.right, scope) : left;
      if (node.op === "||") return isTruthy(left) ? left : evaluateNode(node.right, scope);
      const right = evaluateNode(node.right, scope);
      if (node.op === "==") return looseEquals(left, right);
      if (node.op === "!=") return !looseEquals(left, right);
      const order = compare(left, right);
      if (Number.isNaN(order)) return false;
      if (node.op === "<") return order < 0;
      if (node.op === "<=") return order <= 0;
      if (node.op === ">") return order > 0;
      return order >= 0;
    }
    case "call": {
      const name = node.name.toLowerCase();
      const arity = ARITY[name];
      if (arity === undefined) {
        throw new ExpressionError(`${scope.where}: unknown function '${node.name}'`);
      }
      if (node.args.length < arity[0] || node.args.length > arity[1]) {
        throw new ExpressionError(
          `${scope.where}: ${node.name}() takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} to ${arity[1]}`} argument(s), got ${node.args.length}`,
        );
      }
      if (name === "always") return true;
      if (name === "success" || name === "failure" || name === "cancelled") {
        if (!scope.status)
          throw new ExpressionError(`${scope.where}: ${node.name}() is only allowed in 'if:'`);
        return scope.status[name]();
      }
      const fn = /** @type {(args: unknown[], where: string) => unknown} */ (FUNCTIONS[name]);
      return fn(
        node.args.map((a) => evaluateNode(a, scope)),
        scope.where,
      );
    }
    default:
      throw new ExpressionError(`${scope.where}: unsupported expression node`);
  }
}

/** @param {unknown} v */
function plain(v) {
  return v instanceof Filtered ? Array.from(v) : v;
}

/** Evaluates one expression (without the `${{ }}`). @param {string} source @param {ExpressionScope} scope */
export function evaluateExpression(source, scope) {
  let node;
  try {
    node = parseExpression(source);
  } catch (err) {
    if (err instanceof ExpressionError) throw new ExpressionError(`${scope.where}: ${err.message}`);
    throw err;
  }
  return plain(evaluateNode(node, scope));
}

/**
 * The `${{ … }}` spans of a text, found by scanning so that `}}` inside a quoted string (as in
 * `format('{{0}}')`) does not end the expression.
 * @param {string} text
 * @returns {{start: number, end: number, source: string}[]}
 */
function expressionSpans(text) {
  const spans = [];
  let i = text.indexOf("${{");
  while (i >= 0) {
    let j = i + 3;
    let quoted = false;
    for (; j < text.length; j++) {
      if (text[j] === "'") quoted = !quoted;
      else if (!quoted && text.startsWith("}}", j)) break;
    }
    if (j >= text.length) throw new ExpressionError(`unterminated '\${{' in '${text}'`);
    spans.push({ start: i, end: j + 2, source: text.slice(i + 3, j).trim() });
    i = text.indexOf("${{", j + 2);
  }
  return spans;
}

/**
 * A YAML value with its `${{ }}` spans replaced. A value that is exactly one expression keeps the
 * expression's type (so `${{ fromJSON(x) }}` can yield an object); anything else becomes text.
 * @param {unknown} value @param {ExpressionScope} scope @returns {unknown}
 */
export function interpolate(value, scope) {
  if (typeof value !== "string") return value;
  let spans;
  try {
    spans = expressionSpans(value);
  } catch (err) {
    if (err instanceof ExpressionError) throw new ExpressionError(`${scope.where}: ${err.message}`);
    throw err;
  }
  if (spans.length === 0) return value;
  const only = spans[0];
  if (spans.length === 1 && only && only.start === 0 && only.end === value.length) {
    return evaluateExpression(only.source, scope);
  }
  let out = "";
  let last = 0;
  for (const span of spans) {
    out += value.slice(last, span.start) + toText(evaluateExpression(span.source, scope));
    last = span.end;
  }
  return out + value.slice(last);
}

/** `interpolate` forced to text, for env values, inputs and scripts. @param {unknown} value @param {ExpressionScope} scope */
export function interpolateText(value, scope) {
  return toText(interpolate(value, scope));
}

/**
 * An `if:` condition: with or without `${{ }}`, and wrapped in `success() && (…)` unless it calls a
 * status function itself, as the runner does.
 * @param {string | undefined} condition @param {ExpressionScope} scope @returns {boolean}
 */
export function evaluateCondition(condition, scope) {
  const text = (condition ?? "").trim();
  if (text === "") return /** @type {StatusFunctions} */ (scope.status).success();
  let source = text;
  const spans = expressionSpans(text);
  const only = spans[0];
  if (spans.length === 1 && only && only.start === 0 && only.end === text.length) source = only.source;
  // Text around a `${{ }}` makes the whole condition a non-empty string: always true on GitHub too.
  else if (spans.length > 0) return isTruthy(interpolateText(text, scope));
  const usesStatus = /\b(success|failure|always|cancelled)\s*\(/i.test(
    source.replace(/'(?:[^']|'')*'/g, "''"),
  );
  const wrapped = usesStatus ? source : `success() && (${source})`;
  return isTruthy(evaluateExpression(wrapped, scope));
}
