/**
 * The metric names a PromQL expression selects, for checking a dashboard against a server's
 * /metrics: identifiers outside label matchers, ranges and strings that are not functions,
 * aggregation keywords, label lists of by/without/on/ignoring/group_*, numbers or durations.
 * Enough for the expressions we render; not a PromQL parser (the real Prometheus checks those).
 */

const keywords = new Set([
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
  "bool",
  "and",
  "or",
  "unless",
  "offset",
  "atan2",
  "inf",
  "nan",
]);
const labelListKeywords = new Set(["by", "without", "on", "ignoring", "group_left", "group_right"]);

export function promqlMetricNames(expr: string): string[] {
  const names = new Set<string>();
  let i = 0;
  let previousWord = "";
  while (i < expr.length) {
    const c = expr[i] as string;
    if (c === '"' || c === "'" || c === "`") {
      // A string: skip to its closing quote, past escapes.
      i++;
      while (i < expr.length && expr[i] !== c) i += expr[i] === "\\" ? 2 : 1;
      i++;
      previousWord = "";
      continue;
    }
    if (c === "{" || c === "[") {
      // Label matchers or a range/subquery: skip to the matching close, past strings inside.
      const close = c === "{" ? "}" : "]";
      i++;
      while (i < expr.length && expr[i] !== close) {
        const q = expr[i];
        if (q === '"' || q === "'" || q === "`") {
          i++;
          while (i < expr.length && expr[i] !== q) i += expr[i] === "\\" ? 2 : 1;
        }
        i++;
      }
      i++;
      previousWord = "";
      continue;
    }
    if (c === "(" && labelListKeywords.has(previousWord)) {
      // by (a, b) and friends: label names, not metrics.
      const end = expr.indexOf(")", i);
      i = end < 0 ? expr.length : end + 1;
      previousWord = "";
      continue;
    }
    const word = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(expr.slice(i))?.[0];
    if (word) {
      const before = i > 0 ? (expr[i - 1] as string) : "";
      i += word.length;
      let j = i;
      while (expr[j] === " ") j++;
      // A function call, or an aggregation written `sum by (…) (…)` / `sum without (…) (…)`.
      const isFunction =
        (expr[j] === "(" && !labelListKeywords.has(word)) || /^(by|without)\s*\(/.test(expr.slice(j));
      // A duration or number suffix (5m, 1e3) starts right after a digit.
      const afterDigit = /[0-9.]/.test(before);
      if (!isFunction && !afterDigit && !keywords.has(word.toLowerCase())) names.add(word);
      previousWord = word;
      continue;
    }
    if (c !== " ") previousWord = "";
    i++;
  }
  return [...names].sort();
}
