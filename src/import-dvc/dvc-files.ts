import { readFile } from "node:fs/promises";
import { z } from "zod";
import { MlopsError } from "../errors/index.js";
import { parseYaml } from "../manifest/index.js";

/** DVC's md5: 32 lowercase hex, `.dir` for a directory's listing. */
const md5 = z
  .string()
  .regex(/^[0-9a-f]{32}(\.dir)?$/, "expected an md5 (32 lowercase hex), suffixed '.dir' for a directory");

/** One output or dependency as DVC records it in a `.dvc` file or dvc.lock. */
export const dvcEntry = z.looseObject({
  path: z.string().min(1, "expected a path"),
  md5: md5.optional(),
  hash: z.string().optional(),
  size: z.number().int().nonnegative("expected a size in bytes").optional(),
  nfiles: z.number().int().nonnegative().optional(),
  cache: z.boolean().optional(),
  persist: z.boolean().optional(),
  remote: z.string().optional(),
  push: z.boolean().optional(),
});

/** A `.dvc` file of `dvc add` (or `dvc import`): `outs` with their md5, maybe `deps`, `frozen`, `md5`. */
export const dvcFile = z.looseObject({
  outs: z.array(dvcEntry).min(1, "expected at least one output"),
  deps: z.array(dvcEntry).optional(),
  frozen: z.boolean().optional(),
});

export const dvcLockStage = z.looseObject({
  cmd: z.union([z.string(), z.array(z.string())], { error: "expected the stage's command" }),
  deps: z.array(dvcEntry).default([]),
  params: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  outs: z.array(dvcEntry).default([]),
});

/** dvc.lock (schema 2.0, DVC 2 and 3). */
export const dvcLock = z.looseObject({
  schema: z.literal("2.0", { error: "expected schema '2.0' (dvc.lock of DVC 2 or 3)" }),
  stages: z.record(z.string(), dvcLockStage).default({}),
});

export type DvcEntry = z.infer<typeof dvcEntry>;
export type DvcFile = z.infer<typeof dvcFile>;
export type DvcLock = z.infer<typeof dvcLock>;

export async function readDvcYaml<S extends z.ZodType>(
  file: string,
  schema: S,
  shown: string,
): Promise<z.infer<S>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new MlopsError("not-found", `cannot read ${shown}: ${(err as Error).message}`, { file: shown });
  }
  return parseYaml(text, schema, shown);
}

/** `.dvc/config`: INI sections, `['remote "name"']` among them, with `key = value` lines. */
export function parseDvcConfig(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[\s*'?(.*?)'?\s*\]$/.exec(line);
    if (header) {
      const name = (header[1] ?? "").replace(/\s+/g, " ");
      sections[name] ??= {};
      current = sections[name];
      continue;
    }
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (pair && current) current[(pair[1] ?? "").trim()] = (pair[2] ?? "").trim();
  }
  return sections;
}

/** The default remote of a DVC config: its name and URL, if one is set. */
export function defaultRemote(
  config: Record<string, Record<string, string>>,
): { name: string; url: string } | undefined {
  const name = config.core?.remote;
  if (!name) return undefined;
  const url = config[`remote "${name}"`]?.url;
  return url ? { name, url } : undefined;
}
