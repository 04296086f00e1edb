import { existsSync, readFileSync, statSync } from "node:fs";
import { join, normalize } from "node:path";
import { isMap, isScalar, isSeq, type Node } from "yaml";
import { MlopsError } from "../errors/index.js";
import { lineInYaml, parsedYaml } from "../manifest/yaml-file.js";

/**
 * DVC's templating of dvc.yaml, applied to pipeline.yaml with DVC's semantics (dvc/parsing in DVC
 * 3.x; checked against `dvc stage list` by test/pipeline-templating.test.ts):
 * - the context is `params.yaml` beside the pipeline (when present), then each `vars` item in
 *   order: a file (`file` or `file:key1,key2`, relative to the pipeline) or an inline mapping;
 *   mappings merge recursively and redefining a value is an error;
 * - `${a.b[0]}` is replaced in every string of a stage, mapping keys included; a string that is
 *   exactly one `${…}` takes the value with its type; inside a longer string a value is written as
 *   Python writes it (`true`, `1.0`, `None`), a mapping only in `cmd` (as `--key value` arguments),
 *   a list nowhere; `\${` stays a literal `${`;
 * - `foreach` (a list, a mapping or `${…}`) with `do` makes `NAME@KEY` stages with `${item}` (and
 *   `${key}` for a mapping); the key is the item itself for a list of scalars, its index for a list
 *   holding lists or mappings;
 * - `matrix` makes one stage per combination, `NAME@K1-K2…`, each part the value, or `NAMEi` for a
 *   list or mapping value; `${item.NAME}` and `${key}` inside;
 * - a stage's own `vars` are loaded for it alone.
 */

/** A YAML float, kept apart from integers so `1.0` is written `1.0` as DVC (Python) writes it. */
export class PyFloat {
  constructor(readonly value: number) {}
}

type Value = null | boolean | number | string | PyFloat | Value[] | { [key: string]: Value };
type Mapping = { [key: string]: Value };

export interface TemplateSource {
  /** The pipeline file as shown in messages (repository-relative). */
  file: string;
  text: string;
  /** The pipeline's directory (absolute): `params.yaml` and `vars` files are read from it. */
  dir: string;
  /** How a file under `dir` is shown in messages. */
  display: (abs: string) => string;
}

export interface ExpandedStage {
  name: string;
  /** The stage name as written (the template's, for a generated stage). */
  template: string;
  definition: Record<string, unknown>;
  /** Path of the definition in the YAML file, for line numbers. */
  yamlPath: (string | number)[];
}

const floatSyntax =
  /^[-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/;

function isMapping(v: unknown): v is Mapping {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof PyFloat);
}

/** A YAML document as DVC reads it: floats stay floats even when whole. */
export function yamlToValue(text: string): Value {
  const { doc } = parsedYaml(text);
  const walk = (node: unknown): Value => {
    if (node === null || node === undefined) return null;
    if (isMap(node)) {
      const out: Mapping = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        out[String(key)] = walk(pair.value);
      }
      return out;
    }
    if (isSeq(node)) return node.items.map(walk);
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === "number") {
        const source = node.source ?? "";
        const isFloat =
          node.tag === "tag:yaml.org,2002:float" ||
          (!/^[-+]?0[xo]/.test(source) && floatSyntax.test(source) && /[.eEn]/.test(source));
        return isFloat ? new PyFloat(v) : v;
      }
      if (typeof v === "bigint") return Number(v);
      if (v === null || typeof v === "boolean" || typeof v === "string") return v;
      return String(v);
    }
    return (node as Node).toJSON() as Value;
  };
  return walk(doc.contents);
}

/** Python's `repr` of a float: shortest round trip, `1.0`, `1e-05`, `1e+16`, `inf`, `nan`. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa = "", exp = "0"] = x.toExponential().split("e");
  const e = Number(exp);
  const sign = mantissa.startsWith("-") ? "-" : "";
  const digits = mantissa.replace("-", "").replace(".", "");
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (e < 0) return `${sign}0.${"0".repeat(-e - 1)}${digits}`;
  const intPart = digits.slice(0, e + 1).padEnd(e + 1, "0");
  const frac = digits.slice(e + 1);
  return `${sign}${intPart}.${frac || "0"}`;
}

/** The value with floats as plain numbers: what the schema and the runner see. */
export function plain(v: Value): unknown {
  if (v instanceof PyFloat) return v.value;
  if (Array.isArray(v)) return v.map(plain);
  if (isMapping(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

const interpolation = /(?<!\\)\$\{(.*?)\}/g;

class TemplateError extends Error {}

function typeName(v: Value): string {
  if (v === null) return "NoneType";
  if (Array.isArray(v)) return "list";
  if (v instanceof PyFloat) return "float";
  if (isMapping(v)) return "dict";
  if (typeof v === "number") return "int";
  if (typeof v === "boolean") return "bool";
  return "str";
}

/** `a.b[0]` → `["a", "b", "0"]`, refusing what DVC's grammar refuses (empty parts, stray brackets). */
function parseExpression(inner: string): string[] {
  const parts: string[] = [];
  let i = 0;
  const word = () => {
    const start = i;
    while (i < inner.length && !".[]".includes(inner[i] as string)) i++;
    if (i === start)
      throw new TemplateError(
        `'\${${inner}}' is not a valid expression: expected a key at position ${start + 1}`,
      );
    return inner.slice(start, i);
  };
  parts.push(word());
  while (i < inner.length) {
    if (inner[i] === ".") {
      i++;
      parts.push(word());
    } else if (inner[i] === "[") {
      i++;
      parts.push(word());
      if (inner[i] !== "]") throw new TemplateError(`'\${${inner}}' is not a valid expression: expected ']'`);
      i++;
    } else {
      throw new TemplateError(`'\${${inner}}' is not a valid expression: unexpected '${inner[i]}'`);
    }
  }
  return parts;
}

function select(context: Mapping, inner: string): Value {
  const parts = parseExpression(inner);
  let node: Value = context;
  for (const raw of parts) {
    const part = raw.trim();
    if (Array.isArray(node)) {
      if (!/^[-+]?\d+$/.test(part)) throw new TemplateError(`Could not find '${inner}'`);
      let index = Number(part);
      if (index < 0) index += node.length;
      if (index < 0 || index >= node.length) throw new TemplateError(`Could not find '${inner}'`);
      node = node[index] as Value;
    } else if (isMapping(node)) {
      if (!Object.hasOwn(node, part)) throw new TemplateError(`Could not find '${inner}'`);
      node = node[part] as Value;
    } else {
      throw new TemplateError(`Could not find '${inner}'`);
    }
  }
  return node;
}

/** POSIX shell quoting as Python's shlex.quote does it. */
function shellQuote(s: string): string {
  if (s === "") return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replaceAll("'", `'"'"'`)}'`;
}

function flatten(m: Mapping, prefix = "", out: [string, Value][] = []): [string, Value][] {
  for (const [k, v] of Object.entries(m)) {
    if (isMapping(v)) flatten(v, `${prefix}${k}.`, out);
    else out.push([`${prefix}${k}`, v]);
  }
  return out;
}

/** A value inside a longer string, as DVC writes it. */
function toText(v: Value): string {
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v;
  if (isMapping(v)) {
    // A mapping in `cmd` becomes command-line arguments (DVC's default: store_true booleans, nargs lists).
    const parts: string[] = [];
    for (const [k, x] of flatten(v)) {
      if (typeof x === "boolean") {
        if (x) parts.push(`--${k}`);
      } else if (typeof x === "string") parts.push(`--${k} ${shellQuote(x)}`);
      else if (Array.isArray(x)) {
        const items = x.map((i) => {
          if (Array.isArray(i) || isMapping(i))
            throw new TemplateError(`Cannot interpolate nested iterable in '${k}'`);
          return typeof i === "string" ? shellQuote(i) : toText(i);
        });
        if (items.length > 0) parts.push(`--${k} ${items.join(" ")}`);
      } else parts.push(`--${k} ${toText(x)}`);
    }
    return parts.join(" ");
  }
  throw new TemplateError(`Cannot interpolate data of type '${typeName(v)}'`);
}

/**
 * A generated stage's key for a scalar. DVC writes a value written in the list itself as it
 * writes one into a string (`true`), but one taken from the context (`${list}`, or an item
 * `${flag}`) by Python's `str()` of its wrapper (`True`).
 */
function keyText(v: Value, literal: boolean): string {
  if (typeof v === "boolean" && !literal) return v ? "True" : "False";
  return toText(v);
}

function isExactInterpolation(v: Value): boolean {
  if (typeof v !== "string") return false;
  const matches = [...v.matchAll(interpolation)];
  return matches.length === 1 && matches[0]?.[0] === v;
}

/** For a list as written: which items were written literally (not taken from the context). */
function literalItems(raw: Value, count: number): boolean[] {
  if (!Array.isArray(raw)) return new Array<boolean>(count).fill(false);
  return raw.map((item) => !isExactInterpolation(item));
}

function checkValue(v: Value, field: string | undefined): void {
  const composite = Array.isArray(v) || isMapping(v);
  if (composite && field !== undefined && !field.includes("foreach")) {
    if (isMapping(v) && field === "cmd") return;
    throw new TemplateError(`Cannot interpolate data of type '${typeName(v)}'`);
  }
}

function resolveString(s: string, context: Mapping, field: string | undefined): Value {
  const matches = [...s.matchAll(interpolation)];
  if (matches.length === 1 && matches[0]?.[0] === s) {
    const value = select(context, matches[0][1] as string);
    checkValue(value, field);
    return value;
  }
  let out = "";
  let at = 0;
  for (const m of matches) {
    const value = select(context, m[1] as string);
    checkValue(value, field);
    out += s.slice(at, m.index) + toText(value);
    at = (m.index as number) + m[0].length;
  }
  return (out + s.slice(at)).replaceAll("\\${", "${");
}

function resolveDeep(v: Value, context: Mapping, field: string | undefined): Value {
  if (typeof v === "string") return resolveString(v, context, field);
  if (Array.isArray(v)) return v.map((x) => resolveDeep(x, context, field));
  if (isMapping(v)) {
    const out: Mapping = {};
    for (const [k, x] of Object.entries(v)) {
      const key = resolveString(k, context, field);
      out[typeof key === "string" ? key : toText(key)] = resolveDeep(x, context, field);
    }
    return out;
  }
  return v;
}

function hasInterpolation(v: Value): boolean {
  if (typeof v === "string") return /(?<!\\)\$\{/.test(v);
  if (Array.isArray(v)) return v.some(hasInterpolation);
  if (isMapping(v)) return Object.entries(v).some(([k, x]) => hasInterpolation(k) || hasInterpolation(x));
  return false;
}

function clone(v: Value): Value {
  if (Array.isArray(v)) return v.map(clone);
  if (isMapping(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  return v;
}

/** DVC's merge: mappings merge key by key; any other value already there is a conflict. */
function merge(
  into: Mapping,
  update: Mapping,
  source: string,
  sources: Map<string, string>,
  path = "",
): void {
  for (const [k, v] of Object.entries(update)) {
    const here = path ? `${path}.${k}` : k;
    const existing = into[k];
    if (isMapping(existing) && isMapping(v)) {
      merge(existing, v, source, sources, here);
    } else {
      if (Object.hasOwn(into, k))
        throw new TemplateError(
          `cannot redefine '${here}' from '${source}' as it already exists in '${sources.get(here) ?? sources.get(here.split(".")[0] as string) ?? "the context"}'`,
        );
      into[k] = clone(v);
      sources.set(here, source);
    }
  }
}

interface Context {
  values: Mapping;
  sources: Map<string, string>;
  /** Files loaded (absolute path → the keys taken, or null for all of it). */
  imports: Map<string, string[] | null>;
}

function loadVarsFile(item: string, wdir: string, ctx: Context, show: (abs: string) => string): void {
  const colon = item.indexOf(":");
  const path = colon < 0 ? item : item.slice(0, colon);
  const keys =
    colon < 0
      ? null
      : item
          .slice(colon + 1)
          .split(",")
          .filter(Boolean);
  const selected = keys && keys.length > 0 ? keys : null;
  const abs = normalize(join(wdir, path));
  const already = ctx.imports.get(abs);
  if (ctx.imports.has(abs)) {
    if (selected === null && already === null) return;
    if (selected === null || already === null || selected.some((k) => already?.includes(k)))
      throw new TemplateError(
        `cannot load '${item}' as it's ${selected === null ? "partially loaded already" : already === null ? "already loaded" : "partially loaded already"}`,
      );
  }
  if (!existsSync(abs)) throw new TemplateError(`'${show(abs)}' does not exist`);
  if (statSync(abs).isDirectory()) throw new TemplateError(`'${show(abs)}' is a directory`);
  const text = readFileSync(abs, "utf8");
  const data = abs.endsWith(".json") ? jsonToValue(JSON.parse(text)) : yamlToValue(text);
  if (!isMapping(data))
    throw new TemplateError(`expected a dictionary, got '${typeName(data)}' in file '${show(abs)}'`);
  let chosen: Mapping = data;
  if (selected) {
    chosen = {};
    for (const k of selected) {
      if (!Object.hasOwn(data, k)) throw new TemplateError(`could not find '${k}' in '${show(abs)}'`);
      chosen[k] = data[k] as Value;
    }
  }
  merge(ctx.values, chosen, show(abs), ctx.sources);
  ctx.imports.set(abs, selected ? [...(already ?? []), ...selected] : null);
}

function jsonToValue(v: unknown): Value {
  if (typeof v === "number") return Number.isInteger(v) ? v : new PyFloat(v);
  if (Array.isArray(v)) return v.map(jsonToValue);
  if (v !== null && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonToValue(x)]));
  return v as Value;
}

function loadVars(
  items: Value,
  wdir: string,
  ctx: Context,
  show: (abs: string) => string,
  stage?: string,
): void {
  if (!Array.isArray(items)) throw new TemplateError("expected `vars` to be a list");
  items.forEach((item, index) => {
    if (typeof item === "string") loadVarsFile(item, wdir, ctx, show);
    else if (isMapping(item))
      merge(ctx.values, item, `${stage ? `${stage}.` : ""}vars[${index}]`, ctx.sources);
    else throw new TemplateError(`expected a file name or a mapping in vars[${index}]`);
  });
}

function cloneContext(ctx: Context): Context {
  return {
    values: clone(ctx.values) as Mapping,
    sources: new Map(ctx.sources),
    imports: new Map(ctx.imports),
  };
}

function isComposite(v: Value): boolean {
  return Array.isArray(v) || isMapping(v);
}

/** Expands every stage of a parsed pipeline.yaml (its `stages` mapping) in file order. */
export function expandStages(source: TemplateSource): ExpandedStage[] {
  const doc = yamlToValue(source.text);
  if (!isMapping(doc)) return [];
  const fail = (err: unknown, yamlPath: (string | number)[], field: string): never => {
    if (!(err instanceof TemplateError)) throw err;
    throw new MlopsError("invalid-file", err.message, {
      file: source.file,
      line: lineInYaml(source.text, yamlPath) ?? lineInYaml(source.text, yamlPath.slice(0, -1)),
      field,
    });
  };
  const ctx: Context = { values: {}, sources: new Map(), imports: new Map() };
  try {
    if (existsSync(join(source.dir, "params.yaml")))
      loadVarsFile("params.yaml", source.dir, ctx, source.display);
  } catch (err) {
    fail(err, ["vars"], "vars");
  }
  const topVars = doc.vars ?? [];
  if (hasInterpolation(topVars))
    fail(new TemplateError("interpolating is not allowed in vars"), ["vars"], "vars");
  try {
    loadVars(topVars, source.dir, ctx, source.display);
  } catch (err) {
    fail(err, ["vars"], "vars");
  }
  const stages = isMapping(doc.stages) ? doc.stages : {};
  const out: ExpandedStage[] = [];

  const resolveStage = (
    name: string,
    template: string,
    definition: Mapping,
    base: Context,
    yamlPath: (string | number)[],
  ): void => {
    let context = base;
    const { vars: stageVars, ...rest } = definition;
    let wdir = source.dir;
    if (typeof rest.wdir === "string") {
      try {
        wdir = join(source.dir, toText(resolveString(rest.wdir, base.values, "wdir")));
      } catch (err) {
        fail(err, [...yamlPath, "wdir"], `stages.${name}.wdir`);
      }
    }
    if (stageVars !== undefined) {
      if (hasInterpolation(stageVars))
        fail(
          new TemplateError("interpolating is not allowed in vars"),
          [...yamlPath, "vars"],
          `stages.${name}.vars`,
        );
      context = cloneContext(base);
      try {
        loadVars(stageVars, wdir, context, source.display, name);
      } catch (err) {
        fail(err, [...yamlPath, "vars"], `stages.${name}.vars`);
      }
    }
    const resolved: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(rest)) {
      try {
        resolved[field] = plain(resolveDeep(value, context.values, field));
      } catch (err) {
        fail(err, [...yamlPath, field], `stages.${name}.${field}`);
      }
    }
    out.push({ name, template, definition: resolved, yamlPath });
  };

  /** `item` (and `key`) for one generated stage, over whatever the context held under those names. */
  const withIteration = (set: Mapping): Context => {
    const next: Context = { values: { ...ctx.values, ...set }, sources: ctx.sources, imports: ctx.imports };
    return next;
  };

  for (const [name, raw] of Object.entries(stages)) {
    if (!isMapping(raw)) {
      out.push({
        name,
        template: name,
        definition: plain(raw) as Record<string, unknown>,
        yamlPath: ["stages", name],
      });
      continue;
    }
    if (Object.hasOwn(raw, "foreach")) {
      let items: Value = null;
      try {
        items = resolveDeep(raw.foreach as Value, ctx.values, undefined);
      } catch (err) {
        fail(err, ["stages", name, "foreach"], `stages.${name}.foreach`);
      }
      if (!isComposite(items))
        fail(
          new TemplateError(`expected list/dictionary, got ${typeName(items)}`),
          ["stages", name, "foreach"],
          `stages.${name}.foreach`,
        );
      const body = raw.do;
      if (!isMapping(body))
        fail(
          new TemplateError("expected `do` with the stage to repeat"),
          ["stages", name],
          `stages.${name}.do`,
        );
      const keyed = new Map<string, { item: Value; key?: string }>();
      if (Array.isArray(items)) {
        const byIndex = items.some(isComposite);
        const literal = literalItems(raw.foreach as Value, items.length);
        items.forEach((item, i) => {
          keyed.set(byIndex ? String(i) : keyText(item, literal[i] ?? false), { item });
        });
      } else {
        for (const [k, item] of Object.entries(items as Mapping)) keyed.set(k, { item, key: k });
      }
      for (const [key, { item, key: mapKey }] of keyed) {
        const set: Mapping = { item };
        if (mapKey !== undefined) set.key = mapKey;
        resolveStage(`${name}@${key}`, name, body as Mapping, withIteration(set), ["stages", name, "do"]);
      }
      continue;
    }
    if (Object.hasOwn(raw, "matrix")) {
      const { matrix, ...body } = raw;
      let dims: Value = null;
      try {
        dims = resolveDeep(matrix as Value, ctx.values, undefined);
      } catch (err) {
        fail(err, ["stages", name, "matrix"], `stages.${name}.matrix`);
      }
      if (!isMapping(dims))
        fail(
          new TemplateError(`expected a mapping of lists, got ${typeName(dims)}`),
          ["stages", name, "matrix"],
          `stages.${name}.matrix`,
        );
      const entries = Object.entries(dims as Mapping);
      for (const [dim, values] of entries) {
        if (!Array.isArray(values))
          fail(
            new TemplateError(`expected a list for '${dim}', got ${typeName(values)}`),
            ["stages", name, "matrix", dim],
            `stages.${name}.matrix.${dim}`,
          );
      }
      let combos: { item: Mapping; parts: string[] }[] = [{ item: {}, parts: [] }];
      const written = isMapping(matrix) ? matrix : {};
      for (const [dim, values] of entries) {
        const next: typeof combos = [];
        const literal = literalItems(written[dim] ?? null, (values as Value[]).length);
        for (const c of combos)
          (values as Value[]).forEach((v, i) => {
            next.push({
              item: { ...c.item, [dim]: v },
              parts: [...c.parts, isComposite(v) ? `${dim}${i}` : keyText(v, literal[i] ?? false)],
            });
          });
        combos = next;
      }
      const keyed = new Map<string, Mapping>();
      for (const c of combos) keyed.set(c.parts.join("-"), c.item);
      for (const [key, item] of keyed)
        resolveStage(`${name}@${key}`, name, body, withIteration({ item, key }), ["stages", name]);
      continue;
    }
    resolveStage(name, name, raw, ctx, ["stages", name]);
  }
  return out;
}
