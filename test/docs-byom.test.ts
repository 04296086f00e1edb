import type { ChildProcess } from "node:child_process";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./support/cli.js";
import {
  freePort,
  mlopsOnPath,
  runBlock,
  type ShellBlock,
  shellBlocks,
  startBlock,
} from "./support/doc-blocks.js";
import { tempRepo } from "./support/repo.js";

const page = join(repoRoot, "docs/bring-your-own-model.md");

/**
 * docs/bring-your-own-model.md, followed to the letter in a fresh repository: every shell block of
 * the page runs in order; the one that starts the server runs in the background until it listens.
 * The only change made to the page's text is the port (8080 becomes a free one).
 */
describe("docs/bring-your-own-model.md, followed on a table the repository does not ship", () => {
  let repo: { dir: string; cleanup: () => void };
  let server: ChildProcess | undefined;
  const outputs: { block: ShellBlock; stdout: string }[] = [];

  beforeAll(() => {
    repo = tempRepo("mlops-byom-");
    // The template's checkout has node_modules (vega-datasets among them) and ignores it.
    symlinkSync(join(repoRoot, "node_modules"), join(repo.dir, "node_modules"), "dir");
    writeFileSync(join(repo.dir, ".gitignore"), "node_modules\n");
  });
  afterAll(() => {
    server?.kill("SIGTERM");
    repo?.cleanup();
  });

  it("runs every step as written, and the served prediction is mlops evaluate's", async () => {
    const blocks = shellBlocks(page);
    const text = blocks.map((b) => b.text).join("\n");
    for (const step of [
      "mlops data add",
      "mlops new pipeline",
      "mlops run",
      "mlops register",
      "mlops promote",
      "mlops serve",
      "mlops evaluate",
    ])
      expect(text).toContain(step);
    const port = String(await freePort());
    const env = { PATH: `${mlopsOnPath(join(repo.dir, ".scratch-bin"))}:${process.env.PATH}` };
    for (const original of blocks) {
      const block = { ...original, text: original.text.replaceAll("8080", port) };
      if (/^mlops serve /.test(block.text.trim())) {
        const started = await startBlock(block, repo.dir, env, /serving weather v1\.0\.0 at http:\/\/\S+/);
        server = started.child;
        continue;
      }
      const run = runBlock(block, repo.dir, env);
      expect(run.code, `docs/bring-your-own-model.md:${block.line}\n${block.text}\n${run.stderr}`).toBe(0);
      outputs.push({ block, stdout: run.stdout });
    }

    const served = outputs.find((o) => o.block.text.includes("/predict"));
    const answer = JSON.parse(served?.stdout ?? "{}") as {
      version: string;
      predictions: { label: string; probabilities: Record<string, number> }[];
    };
    expect(answer.version).toBe("v1.0.0");
    const evaluated = JSON.parse(readFileSync(join(repo.dir, "one-day.predictions.json"), "utf8")) as {
      classes: string[];
      labels: string[];
      probabilities: number[][];
    };
    const [prediction] = answer.predictions;
    expect(prediction?.label).toBe(evaluated.labels[0]);
    evaluated.classes.forEach((c, k) => {
      // Both are onnxruntime's float32 outputs; the server batches rows differently, so the last bits may differ.
      expect(prediction?.probabilities[c]).toBeCloseTo(evaluated.probabilities[0]?.[k] ?? Number.NaN, 5);
    });

    // What the page says of the run holds: the model beat the staging gate, and a rerun skips every stage.
    const metrics = JSON.parse(readFileSync(join(repo.dir, "pipelines/weather/metrics.json"), "utf8"));
    expect(metrics.accuracy).toBeGreaterThan(0.7);
    const again = runBlock({ line: 0, text: "mlops run weather --json" }, repo.dir, env);
    const stages = again.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { stage: string; status: string; reason: string });
    expect(stages.map((s) => `${s.stage} ${s.status} ${s.reason}`)).toEqual([
      "validate skipped unchanged",
      "prepare skipped unchanged",
      "train skipped unchanged",
      "evaluate skipped unchanged",
    ]);
  }, 300_000);
});
