import { readFile } from "node:fs/promises";
import { isMap, isSeq, LineCounter, type Node, parseDocument, stringify } from "yaml";
import type { z } from "zod";
import { MlopsError } from "../errors/index.js";
import { writeFileAtomic } from "../files/index.js";

type Path = readonly PropertyKey[];

/** `columns.horsepower.range[1]`: the field path people see in messages. */
export function formatFieldPath(path: Path): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(top level)";
}

/** The line of the deepest node of `path` that exists in the document (a missing key points at its parent). */
function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: Path): number | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = doc.contents ?? undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const k = item.key as { value?: unknown } | null;
        return (k && typeof k === "object" && "value" in k ? k.value : k) === key;
      });
      if (!pair) break;
      // The key's own line is where a person looks, even when the value is a nested block.
      found = (pair.key as Node | null) ?? found;
      node = pair.value;
      if (!isMap(node) && !isSeq(node) && node) found = node as Node;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      found = item;
      node = item;
    } else {
      break;
    }
  }
  const offset = found?.range?.[0];
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

function describeGot(doc: ReturnType<typeof parseDocument>, path: Path): string | undefined {
  const value = doc.getIn(path as unknown[]);
  if (value === undefined) return undefined;
  const json = JSON.stringify(value);
  return json === undefined ? undefined : json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/** Parses YAML text against a schema; every problem becomes an MlopsError with file, line and field. */
/** Deeper than any file the repo keeps; deep enough nesting would overflow the stack of a recursive walk. */
const maxNesting = 256;

/**
 * The line where flow brackets (`[`, `{`) or block sequence dashes on one line nest deeper than
 * `maxNesting`, or undefined. Quotes are not tracked: a bracket inside a string only makes the
 * estimate larger, and no real manifest comes near the bound.
 */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = true;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = true;
      dashes = 0;
      continue;
    }
    if (c === 91 || c === 123) depth++;
    else if ((c === 93 || c === 125) && depth > 0) depth--;
    if (
      lineStart &&
      (c === 45 || c === 63) &&
      (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)
    )
      dashes++;
    else if (c !== 32 && c !== 9) lineStart = false;
    if (depth > maxNesting || dashes > maxNesting) return line;
  }
  return undefined;
}

export function parseYaml<S extends z.ZodType>(text: string, schema: S, file: string): z.infer<S> {
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    throw new MlopsError("invalid-file", `nesting deeper than ${maxNesting} levels`, {
      file,
      line: deep,
      expected: `YAML nested at most ${maxNesting} levels deep`,
    });
  }
  try {
    return parseYamlBounded(text, schema, file);
  } catch (err) {
    if (err instanceof MlopsError) throw err;
    // The YAML library's own guards (alias expansion) and a last-resort stack overflow: still a bad file.
    const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new MlopsError("invalid-file", `not a usable YAML document: ${reason}`, {
      file,
      line: 1,
      expected: "YAML without alias bombs or extreme nesting",
      cause: err,
    });
  }
}

function parseYamlBounded<S extends z.ZodType>(text: string, schema: S, file: string): z.infer<S> {
  const { doc, counter } = parsedYaml(text);
  const syntax = doc.errors[0];
  if (syntax) {
    const line = counter.linePos(syntax.pos[0]).line;
    throw new MlopsError("invalid-file", `not valid YAML: ${syntax.message.split("\n")[0]}`, {
      file,
      line,
      expected: "YAML",
    });
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  // A file is checked once per command: zod's eval-compiled fast path costs more to build than the
  // one parse it would speed up.
  const result = schema.safeParse(data === undefined || data === null ? {} : data, { jitless: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new MlopsError("invalid-file", "does not match its schema", { file });
  const resolved = resolveIssue(issue, schema, [], data);
  const path = resolved.path;
  const present = doc.hasIn(path as unknown[]);
  const got = resolved.got ?? (resolved.unknownKey || !present ? undefined : describeGot(doc, path));
  let message = resolved.message;
  // zod's "expected number, received string" says less than the value itself, which failWith appends.
  if (got !== undefined)
    message = message.replace(/^(Invalid input: )?(expected [^,]+), received \w+$/, "$2");
  message = message.replace(/^Too (small|big): /, "");
  if (
    !present &&
    path.length > 0 &&
    (resolved.code === "invalid_type" || resolved.code === "invalid_union")
  ) {
    const expected = message.replace(/^Invalid input: /, "").replace(/, received \w+$/, "");
    message = `missing required field (${expected})`;
  }
  return failWith(message, {
    file,
    line: lineOf(doc, counter, path) ?? 1,
    field: formatFieldPath(path),
    got,
  });
}

type Issue = z.core.$ZodIssue;

interface ResolvedIssue {
  path: PropertyKey[];
  message: string;
  code: string;
  /** Overrides the value shown after "got". */
  got?: string;
  unknownKey?: string;
}

/** The parts of zod's internal definition that are walked to find the schema at a path. */
interface Def {
  type: string;
  innerType?: SchemaLike;
  in?: SchemaLike;
  getter?: () => SchemaLike;
  shape?: Record<string, SchemaLike>;
  valueType?: SchemaLike;
  element?: SchemaLike;
  items?: SchemaLike[];
  options?: SchemaLike[];
}
interface SchemaLike {
  _zod: { def: Def };
}

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

function unwrap(schema: SchemaLike | undefined): SchemaLike | undefined {
  let s = schema;
  for (let i = 0; s && i < 32; i++) {
    const def = s._zod.def;
    if (WRAPPERS.has(def.type)) s = def.innerType;
    else if (def.type === "pipe") s = def.in;
    else if (def.type === "lazy" && def.getter) s = def.getter();
    else return s;
  }
  return s;
}

function childOf(schema: SchemaLike | undefined, key: PropertyKey): SchemaLike | undefined {
  const s = unwrap(schema);
  if (!s) return undefined;
  const def = s._zod.def;
  switch (def.type) {
    case "object":
      return typeof key === "string" ? def.shape?.[key] : undefined;
    case "record":
      return def.valueType;
    case "array":
      return typeof key === "number" ? def.element : undefined;
    case "tuple":
      return typeof key === "number" ? def.items?.[key] : undefined;
    case "union":
      for (const option of def.options ?? []) {
        const child = childOf(option, key);
        if (child) return child;
      }
      return undefined;
    default:
      return undefined;
  }
}

function schemaAt(schema: SchemaLike | undefined, path: readonly PropertyKey[]): SchemaLike | undefined {
  let s = schema;
  for (const key of path) s = childOf(s, key);
  return s;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The key lists of the object schemas a value at this place may take (several for a union). */
function objectShapes(schema: SchemaLike | undefined, depth = 0): string[][] {
  const s = unwrap(schema);
  if (!s || depth > 8) return [];
  const def = s._zod.def;
  if (def.type === "object") return [Object.keys(def.shape ?? {})];
  if (def.type === "union") return (def.options ?? []).flatMap((o) => objectShapes(o, depth + 1));
  return [];
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === "string" ? `'${v}'` : String(v))).join(", ");
}

/** A branch "made progress" when it got past the type check of the value itself. */
function branchProgress(issues: readonly Issue[]): boolean {
  return !issues.every((i) => i.path.length === 0 && i.code === "invalid_type");
}

/**
 * Turns zod's first issue into one a person can act on: unknown keys name the key and what was
 * allowed, invalid record keys carry the key's own message, and a union failure reports the branch
 * that came closest, or what any branch would have accepted.
 */
function resolveIssue(
  issue: Issue,
  schema: unknown,
  prefix: readonly PropertyKey[],
  data: unknown,
): ResolvedIssue {
  const path = [...prefix, ...(issue.path as PropertyKey[])];
  const root = schema as SchemaLike | undefined;
  switch (issue.code) {
    case "unrecognized_keys": {
      const key = issue.keys[0] ?? "";
      const value = valueAt(data, path);
      const present = value && typeof value === "object" ? Object.keys(value) : [];
      const shapes = objectShapes(schemaAt(root, issue.path as PropertyKey[])).filter(
        (shape) => !issue.keys.some((k) => shape.includes(k)),
      );
      // With several candidate shapes (a union), the one that explains most of the other keys.
      const score = (shape: string[]) => present.filter((k) => shape.includes(k)).length;
      const shape = shapes.sort((a, b) => score(b) - score(a))[0] ?? [];
      const allowed = shape.length ? ` (expected one of: ${shape.join(", ")})` : "";
      return {
        path: [...path, key],
        message: `unknown field '${key}'${allowed}`,
        code: issue.code,
        unknownKey: key,
      };
    }
    case "invalid_key": {
      const inner = issue.issues[0];
      const message = inner ? inner.message.replace(/^Invalid input: /, "") : "invalid key";
      const key = path[path.length - 1];
      return { path, message: `invalid key: ${message}`, code: issue.code, got: `'${String(key)}'` };
    }
    case "invalid_union": {
      const unionSchema = unwrap(schemaAt(root, issue.path as PropertyKey[]));
      const options = unionSchema?._zod.def.type === "union" ? (unionSchema._zod.def.options ?? []) : [];
      let best: { index: number; issues: readonly Issue[] } | undefined;
      issue.errors.forEach((branch, index) => {
        if (!branch.length || !branchProgress(branch)) return;
        if (!best || branch.length < best.issues.length) best = { index, issues: branch };
      });
      if (best) {
        const first = best.issues.find((i) => i.code !== "unrecognized_keys") ?? best.issues[0];
        if (first && (best.issues.length === 1 || first.path.length > 0))
          return resolveIssue(first, options[best.index], path, data);
      }
      if (issue.message && issue.message !== "Invalid input") {
        return { path, message: issue.message, code: issue.code };
      }
      const expected = [
        ...new Set(
          issue.errors.flatMap((branch) =>
            branch
              .slice(0, 1)
              .map((i) =>
                i.code === "invalid_type"
                  ? `expected ${i.expected}`
                  : i.message.replace(/^Invalid input: /, ""),
              ),
          ),
        ),
      ];
      const text = expected.length ? expected.join(" or ") : "expected a different value";
      return { path, message: text, code: issue.code };
    }
    case "invalid_value":
      return issue.message.startsWith("Invalid option")
        ? { path, message: `expected one of: ${quoteList(issue.values)}`, code: issue.code }
        : { path, message: issue.message, code: issue.code };
    default:
      return { path, message: issue.message, code: issue.code };
  }
}

function failWith(
  message: string,
  details: { file: string; line: number; field: string; got: string | undefined },
): never {
  const expected = message.replace(/^Invalid input: /, "");
  const got = details.got;
  const alreadySaid =
    got === undefined ||
    message.includes("received") ||
    (got.startsWith('"') && (message.includes(got) || message.includes(`'${got.slice(1, -1)}'`)));
  const text = alreadySaid ? expected : `${expected}, got ${got}`;
  throw new MlopsError("invalid-file", text, { ...details, expected });
}

export async function readYamlFile<S extends z.ZodType>(
  path: string,
  schema: S,
  displayPath = path,
): Promise<z.infer<S>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new MlopsError(
      code === "ENOENT" ? "not-found" : "io",
      code === "ENOENT" ? "file not found" : String(err),
      {
        file: displayPath,
        cause: err,
      },
    );
  }
  return parseYaml(text, schema, displayPath);
}

/**
 * Serialises through the schema first, so the key order is the schema's declaration order and a
 * value that would not load back is never written.
 */
export function stringifyYaml<S extends z.ZodType>(value: z.input<S>, schema: S, file = "(value)"): string {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MlopsError(
      "internal",
      `refusing to write an invalid file: ${issue?.message ?? "schema mismatch"}`,
      {
        file,
        field: issue ? formatFieldPath(issue.path as Path) : undefined,
      },
    );
  }
  return stringify(result.data, { lineWidth: 0, aliasDuplicateObjects: false });
}

export async function writeYamlFile<S extends z.ZodType>(
  path: string,
  schema: S,
  value: z.input<S>,
): Promise<void> {
  await writeFileAtomic(path, stringifyYaml(value, schema, path));
}

/** The line of `path` in YAML text (its deepest existing part), for errors found after parsing. */
export function lineInYaml(text: string, path: readonly PropertyKey[]): number | undefined {
  const { doc, counter } = parsedYaml(text);
  return lineOf(doc, counter, path);
}

export interface ParsedYaml {
  doc: ReturnType<typeof parseDocument>;
  counter: LineCounter;
}

// Loading a pipeline reads the same text as a schema'd file, as DVC-style templating and for the
// line of every stage: parsing it each time was a third of a no-op `mlops run`. The few most recent
// texts stay parsed; callers only read the documents.
const recentlyParsed = new Map<string, ParsedYaml>();
const parsedKept = 8;

/** The YAML document of `text` with its line counter, parsed once for the loaders that share it. */
export function parsedYaml(text: string): ParsedYaml {
  const hit = recentlyParsed.get(text);
  if (hit) return hit;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (recentlyParsed.size >= parsedKept) {
    const oldest = recentlyParsed.keys().next().value;
    if (oldest !== undefined) recentlyParsed.delete(oldest);
  }
  const entry = { doc, counter };
  recentlyParsed.set(text, entry);
  return entry;
}
