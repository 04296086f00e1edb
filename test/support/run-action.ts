import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./cli.js";

export interface BundleRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * The bundle a test runs: the committed actions/<name>/dist, or, when MLOPS_TEST_ACTIONS_DIR is set,
 * <that dir>/<name>/index.js, so a change to an action's source can be checked against a bundle
 * built elsewhere before the committed dist is rebuilt.
 */
function bundleOf(name: string): string {
  const elsewhere = process.env.MLOPS_TEST_ACTIONS_DIR;
  return elsewhere ? join(elsewhere, name, "index.js") : join(repoRoot, "actions", name, "dist/index.js");
}

function prepare(
  name: string,
  workspace: string,
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv,
) {
  const output = join(workspace, `.output-${name}`);
  const summary = join(workspace, `.summary-${name}`);
  writeFileSync(output, "");
  writeFileSync(summary, "");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    ...extraEnv,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const finish = (code: number | null, stdout: string): BundleRun => {
    const outputs: Record<string, string> = {};
    for (const m of readFileSync(output, "utf8").matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) {
      outputs[m[1] as string] = m[3] as string;
    }
    return { code, stdout, outputs, summary: readFileSync(summary, "utf8") };
  };
  return { env, finish };
}

/** Runs an action's committed bundle the way the runner does, in the repository's workspace. */
export function runBundle(
  name: string,
  workspace: string,
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv = {},
): BundleRun {
  const { env, finish } = prepare(name, workspace, inputs, extraEnv);
  const r = spawnSync(process.execPath, [bundleOf(name)], { cwd: workspace, env, encoding: "utf8" });
  return finish(r.status, r.stdout);
}

/**
 * As {@link runBundle}, without blocking this process: for an action that calls a server this
 * process runs (the GitHub double). Its stderr is appended to stdout.
 */
export function runBundleAsync(
  name: string,
  workspace: string,
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<BundleRun> {
  const { env, finish } = prepare(name, workspace, inputs, extraEnv);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundleOf(name)], { cwd: workspace, env });
    let stdout = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve(finish(code, stdout)));
  });
}
