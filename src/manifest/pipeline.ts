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

/** `pipelines/<name>/pipeline.yaml`: DVC's stage shape. */
export const pipeline = z
  .strictObject({
    vars: z
      .array(z.union([z.string(), z.record(z.string(), z.unknown())]))
      .optional()
      .describe("values available to interpolation in commands: params files or inline mappings"),
    pass_env: passEnv.optional(),
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
