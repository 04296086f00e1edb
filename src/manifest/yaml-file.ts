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
export function parseYaml<S extends z.ZodType>(text: string, schema: S, file: string): z.infer<S> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
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
  const result = schema.safeParse(data === undefined || data === null ? {} : data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new MlopsError("invalid-file", "does not match its schema", { file });
  const path = issue.path as Path;
  const got = describeGot(doc, path);
  const field = formatFieldPath(path);
  return failWith(issue.message, {
    file,
    line: lineOf(doc, counter, path) ?? 1,
    field,
    got,
  });
}

function failWith(
  message: string,
  details: { file: string; line: number; field: string; got: string | undefined },
): never {
  const expected = message.replace(/^Invalid input: /, "");
  const text =
    details.got !== undefined && !message.includes("received") ? `${expected}, got ${details.got}` : expected;
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
