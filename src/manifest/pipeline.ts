import { z } from "zod";
import { nameSlug } from "./common.js";

/**
 * A path relative to the pipeline directory (`pipelines/<name>/`): it may climb to the repository
 * root with `..` (to reach `data/`), but never above it.
 */
export const pipelinePath = z
  .string()
  .min(1, "expected a non-empty relative path")
  .refine(
    (p) => !p.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(p),
    "expected a relative path, not an absolute one",
  )
  .refine((p) => {
    let depth = 2;
    for (const part of p.split(/[\\/]/)) {
      if (part === "..") depth -= 1;
      else if (part !== "." && part !== "") depth += 1;
      if (depth < 0) return false;
    }
    return true;
  }, "expected a path that stays inside the repository (at most two '..' from pipelines/<name>/)");

export const outOptions = z.strictObject({
  cache: z
    .boolean({ error: "expected true or false" })
    .optional()
    .describe("store the output in the cache (default true); false for small files tracked by git"),
  persist: z
    .boolean({ error: "expected true or false" })
    .optional()
    .describe("keep the output in place when the stage is rerun (default false)"),
});

/** An output: a path, or `{ <path>: { cache, persist } }` as in DVC. */
export const stageOut = z.union(
  [
    pipelinePath.describe("output path, relative to the stage's working directory"),
    z
      .record(pipelinePath, outOptions)
      .refine((r) => Object.keys(r).length === 1, "expected exactly one path with its options"),
  ],
  { error: "expected an output path, or a mapping of one path to {cache, persist}" },
);

export const stageParam = z.union(
  [
    z.string().min(1, "expected a parameter key like 'train' or 'prepare.split_year'"),
    z.record(
      pipelinePath.describe("a params file other than params.yaml"),
      z.array(z.string().min(1), { error: "expected a list of parameter keys" }),
    ),
  ],
  { error: "expected a parameter key, or a mapping of a params file to a list of keys" },
);

export const command = z.union(
  [
    z.string().min(1, "expected a non-empty command"),
    z.array(z.string().min(1, "expected a non-empty command")).min(1, "expected at least one command"),
  ],
  { error: "expected a command string or a list of command strings" },
);

export const stage = z.strictObject({
  cmd: command.describe("shell command(s) run in the stage's working directory"),
  wdir: pipelinePath.optional().describe("working directory, relative to the pipeline directory"),
  deps: z.array(pipelinePath).optional().describe("files and directories the stage reads"),
  params: z.array(stageParam).optional().describe("parameters the stage reads"),
  outs: z.array(stageOut).optional().describe("files and directories the stage writes"),
  metrics: z.array(stageOut).optional().describe("metrics files (JSON) the stage writes"),
  plots: z.array(stageOut).optional().describe("plot data files the stage writes"),
  desc: z.string().optional().describe("what the stage does"),
  seed: z.number().int("expected an integer seed").optional().describe("random seed passed as MLOPS_SEED"),
  env: z
    .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an environment variable name"), z.string())
    .optional()
    .describe("environment variables set for the command"),
});

export function outPath(out: z.infer<typeof stageOut>): string {
  return typeof out === "string" ? out : (Object.keys(out)[0] ?? "");
}

/** `./a\\b/` → `a/b`: the form paths are compared in. */
export function normalisePath(p: string): string {
  return p
    .replace(/\\/g, "/")
    .replace(/^(\.\/)+/, "")
    .replace(/\/+$/, "");
}

function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

/** `pipelines/<name>/pipeline.yaml`: DVC's stage shape. */
export const pipeline = z
  .strictObject({
    vars: z
      .array(z.union([z.string(), z.record(z.string(), z.unknown())]))
      .optional()
      .describe("values available to interpolation in commands: params files or inline mappings"),
    stages: z
      .record(nameSlug, stage)
      .refine((s) => Object.keys(s).length > 0, "expected at least one stage")
      .describe("the stages, by name, in any order; the order to run them follows from deps and outs"),
  })
  .superRefine((p, ctx) => {
    const seen: { path: string; stage: string }[] = [];
    for (const [name, st] of Object.entries(p.stages)) {
      for (const field of ["outs", "metrics", "plots"] as const) {
        st[field]?.forEach((out, i) => {
          const path = normalisePath(outPath(out));
          const clash = seen.find((s) => overlaps(s.path, path));
          if (clash) {
            ctx.addIssue({
              code: "custom",
              message:
                clash.stage === name
                  ? `expected each output once, but '${path}' overlaps '${clash.path}'`
                  : `expected outputs owned by one stage, but '${path}' overlaps '${clash.path}' of stage '${clash.stage}'`,
              path: ["stages", name, field, i],
            });
          } else {
            seen.push({ path, stage: name });
          }
        });
      }
    }
  });

export type Stage = z.infer<typeof stage>;
export type StageOut = z.infer<typeof stageOut>;
export type Pipeline = z.infer<typeof pipeline>;
