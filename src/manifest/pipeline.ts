import { z } from "zod";
import { nameSlug, stageName } from "./common.js";
import { sweepBlock } from "./sweep.js";

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

/** Set by the runner for every stage; a pipeline cannot pass or override them. */
export const RUNNER_SET_VARIABLES = [
  "PATH",
  "MLOPS_REPO_ROOT",
  "MLOPS_PIPELINE",
  "MLOPS_STAGE",
  "MLOPS_SEED",
];

/**
 * Names `pass_env` refuses, with the reason: the runner's credentials and its control channels,
 * which no stage needs and which would undo the point of the allow-list if one line could let
 * them through. (Other secrets, such as a cloud key a training stage needs, may be passed by
 * name: that is a reviewed decision written in pipeline.yaml.)
 */
export function reservedVariable(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (RUNNER_SET_VARIABLES.includes(upper)) return "the runner sets it for every stage";
  if (upper === "GITHUB_TOKEN" || (upper.startsWith("MLOPS_") && /TOKEN|PASSWORD|SECRET/.test(upper)))
    return "it is a credential the runner holds for pushing, never for stage commands";
  if (upper.startsWith("INPUT_")) return "it is an action's input, which may carry a token";
  if (upper.startsWith("ACTIONS_")) return "it is a credential or setting of the Actions runner";
  if (["GITHUB_ENV", "GITHUB_PATH", "GITHUB_OUTPUT", "GITHUB_STATE", "GITHUB_STEP_SUMMARY"].includes(upper))
    return "it lets a command change later steps of the job, which may hold tokens";
  return undefined;
}

/** An environment variable's name, as POSIX shells accept it. */
const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an environment variable name");

/**
 * Variables of the runner's environment a pipeline lets its stage commands see, by name. Stage
 * commands otherwise start from an allow-list (src/pipeline/stage-env.ts).
 */
export const passEnv = z
  .array(
    variableName.superRefine((name, ctx) => {
      const why = reservedVariable(name);
      if (why)
        ctx.addIssue({
          code: "custom",
          message: `expected a variable a stage may see, but ${name} cannot be passed: ${why}`,
        });
    }),
    { error: "expected a list of environment variable names" },
  )
  .describe(
    "environment variables passed from the runner to the commands by name (stage commands otherwise see only an allow-list: PATH, HOME, locale, CA bundles, the run's public facts)",
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
  env: z.record(variableName, z.string()).optional().describe("environment variables set for the command"),
  pass_env: passEnv.optional(),
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

const vars = z
  .array(
    z.union([z.string(), z.record(z.string(), z.unknown())], {
      error: "expected a params file (optionally `file:key1,key2`) or a mapping of values",
    }),
  )
  .describe("values for `${…}` interpolation: params files (`file` or `file:key1,key2`) or inline mappings");

/** DVC's `foreach`: one stage per item of a list or entry of a mapping, named `NAME@KEY`. */
const foreachStage = z.strictObject({
  foreach: z
    .union([z.string(), z.array(z.unknown()), z.record(z.string(), z.unknown())], {
      error: "expected a list, a mapping, or a `${…}` naming one",
    })
    .describe("the items: a list, a mapping, or `${…}` naming one"),
  do: z.record(z.string(), z.unknown()).describe("the stage written once, with `${item}` (and `${key}`)"),
});

/** DVC's `matrix`: one stage per combination of the named lists, named `NAME@V1-V2…`. */
const matrixStage = z.looseObject({
  matrix: z
    .record(z.string(), z.union([z.string(), z.array(z.unknown())]), {
      error: "expected a mapping of names to lists (or `${…}` naming a list)",
    })
    .describe("name → list of values; `${item.NAME}` in the stage"),
});

/**
 * A stage as written: plain, `foreach`/`do`, or `matrix`. Templated stages are checked in full
 * once expanded (src/pipeline/templating.ts); here only their shape.
 */
const stageDefinition = z.unknown().superRefine((value, ctx) => {
  const isMapping = value !== null && typeof value === "object" && !Array.isArray(value);
  const schema =
    isMapping && "foreach" in value ? foreachStage : isMapping && "matrix" in value ? matrixStage : stage;
  const result = schema.safeParse(value);
  if (result.success) return;
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      // The loader cannot see through this dispatch to list the allowed keys, so the issue says them.
      const key = issue.keys[0] ?? "";
      ctx.addIssue({
        code: "custom",
        message: `unknown field '${key}' (expected one of: ${Object.keys(schema.shape).join(", ")})`,
        path: [...issue.path, key],
      });
      continue;
    }
    // Passed on whole (code, expected…), so the loader reports them as it reports any issue.
    ctx.addIssue({ ...issue } as Parameters<typeof ctx.addIssue>[0]);
  }
});

/** Every output belongs to one stage, once: no two outputs may be the same path or nest. */
function checkOutputs(stages: Record<string, Stage>, ctx: z.RefinementCtx, at: string[]): void {
  const seen: { path: string; stage: string }[] = [];
  for (const [name, st] of Object.entries(stages)) {
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
            path: [...at, name, field, i],
          });
        } else {
          seen.push({ path, stage: name });
        }
      });
    }
  }
}

/** `pipelines/<name>/pipeline.yaml` as written: DVC's stage shape with its templating. */
export const pipeline = z
  .strictObject({
    vars: vars.optional(),
    pass_env: passEnv.optional(),
    sweep: sweepBlock
      .optional()
      .describe(
        "a parameter sweep the pull-request workflow runs (`mlops exp run --declared`), within max_points",
      ),
    stages: z
      .record(nameSlug, stageDefinition)
      .refine((s) => Object.keys(s).length > 0, "expected at least one stage")
      .describe("the stages, by name, in any order; the order to run them follows from deps and outs"),
  })
  .superRefine((p, ctx) => {
    // Templated stages are checked once expanded; the plain ones already here.
    const plain: Record<string, Stage> = {};
    for (const [name, value] of Object.entries(p.stages)) {
      const parsed = stage.safeParse(value);
      if (parsed.success) plain[name] = parsed.data;
    }
    checkOutputs(plain, ctx, ["stages"]);
  });

/** A pipeline with its templating expanded: what the runner reads. */
export const expandedPipeline = z
  .strictObject({
    pass_env: passEnv.optional(),
    stages: z
      .record(stageName, stage)
      .refine((s) => Object.keys(s).length > 0, "expected at least one stage"),
  })
  .superRefine((p, ctx) => checkOutputs(p.stages, ctx, ["stages"]));

export type Stage = z.infer<typeof stage>;
export type StageOut = z.infer<typeof stageOut>;
export type Pipeline = z.infer<typeof expandedPipeline>;
