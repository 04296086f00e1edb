import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./cli.js";

/** Runs an action's committed bundle the way the runner does, in the repository's workspace. */
export function runBundle(
  name: string,
  workspace: string,
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv = {},
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
  const r = spawnSync(process.execPath, [join(repoRoot, "actions", name, "dist/index.js")], {
    cwd: workspace,
    env,
    encoding: "utf8",
  });
  const outputs: Record<string, string> = {};
  for (const m of readFileSync(output, "utf8").matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) {
    outputs[m[1] as string] = m[3] as string;
  }
  return { code: r.status, stdout: r.stdout, outputs, summary: readFileSync(summary, "utf8") };
}
