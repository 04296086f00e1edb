// Action start-up, side by side with bare Node in the same run:
//   action-startup  each bundled action's dist/index.js from process start to its first log line,
//                   against `node -e ''` to exit; the difference is what the bundle costs a job
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const actionsBenchNames = ["action-startup"];

/** Milliseconds from spawn to the first line on stdout (or to exit, whichever comes first). */
function firstLine(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "ignore"] });
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(performance.now() - start);
    };
    child.stdout.on("data", finish);
    child.on("exit", finish);
    child.on("error", reject);
  });
}

export async function actionsBenches({ root, selected, opts, work, record, log }) {
  if (!selected.includes("action-startup")) return;
  const workspace = mkdtempSync(join(work, "ws-"));
  const summary = join(workspace, "summary.md");
  const output = join(workspace, "output.txt");
  writeFileSync(summary, "");
  writeFileSync(output, "");
  const env = {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    INPUT_TOKEN: "x",
  };
  const reps = Math.max(opts.reps, 10);
  const best = async (fn) => {
    let b = Number.POSITIVE_INFINITY;
    for (let i = 0; i < reps; i++) b = Math.min(b, await fn());
    return b;
  };
  const bare = await best(() => firstLine(process.execPath, ["-e", ""], env));
  for (const name of readdirSync(join(root, "actions")).sort()) {
    const dist = join(root, "actions", name, "dist");
    let size = 0;
    try {
      for (const f of readdirSync(dist)) size += statSync(join(dist, f)).size;
    } catch {
      continue;
    }
    log(`action-startup: ${name}…`);
    const ours = await best(() => firstLine(process.execPath, [join(dist, "index.js")], env));
    const overhead = ours - bare;
    record(
      "action-startup",
      `actions/${name}: start to first log line (dist ${(size / 1e6).toFixed(1)} MB)`,
      ours / 1000,
      bare / 1000,
      "node -e ''",
      bare / ours,
      "overhead ≤ 150 ms",
      overhead <= 150,
      `overhead ${overhead.toFixed(0)} ms`,
    );
  }
}
