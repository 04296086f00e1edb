import { z } from "zod";
import { type ManifestKindName, manifestKind } from "./kinds.js";

const ID_BASE = "https://gitops-mlops.invalid/schemas";

/** The JSON Schema of a kind, deterministic: `$schema`, `$id`, `title`, `description`, then zod's output. */
export function jsonSchemaFor(kind: ManifestKindName): Record<string, unknown> {
  const entry = manifestKind(kind);
  if (!entry) throw new Error(`unknown manifest kind: ${kind}`);
  const generated = z.toJSONSchema(entry.schema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  const { $schema, description: _zodDescription, ...rest } = generated;
  return {
    $schema: $schema ?? "https://json-schema.org/draft/2020-12/schema",
    $id: `${ID_BASE}/${kind}.schema.json`,
    title: entry.title,
    description: entry.description,
    ...rest,
  };
}
