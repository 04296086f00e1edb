import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportDocument } from "../src/report/index.js";
import { createToyRepo, setParam, type ToyRepo } from "./support/registry-repo.js";
import { gitIn } from "./support/repo.js";
import { runBundle } from "./support/run-action.js";

let repo: ToyRepo;
beforeAll(() => {
  repo = createToyRepo();
  gitIn(repo.dir, "checkout", "-q", "-b", "pr");
  setParam(repo.dir, 3);
}, 120_000);
afterAll(() => repo?.cleanup());

describe("the run-pipeline, validate-data and report bundles", () => {
  it("reproduce, validate and report a pull request's tree with outputs and a job summary", {
    timeout: 180_000,
  }, () => {
    const dir = repo.dir;
    // A pull request's run: not trusted, so unchanged stages are skipped (a trusted run recomputes
    // what a registered model depends on).
    const run = runBundle(
      "run-pipeline",
      dir,
      { pipelines: "toy", jobs: "2", force: "false" },
      { GITHUB_EVENT_NAME: "pull_request" },
    );
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("mlops run-pipeline");
    const results = JSON.parse(run.outputs.results ?? "[]") as { stage: string; status: string }[];
    expect(results.find((r) => r.stage === "train")?.status).toBe("ran");
    expect(results.find((r) => r.stage === "validate")?.status).toBe("skipped");
    expect(run.outputs.ran).toBe("2");
    expect(run.summary).toMatch(/<td>toy\/train<\/td><td>ran<\/td>/);

    const validate = runBundle("validate-data", dir, {});
    expect(validate.code, validate.stdout).toBe(0);
    expect(validate.outputs).toMatchObject({ ok: "true", findings: "0" });

    const report = runBundle("report", dir, { base: "main", "output-dir": "out", stages: "true" });
    expect(report.code, report.stdout).toBe(0);
    const doc = reportDocument.parse(JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8")));
    expect(doc.pipelines[0]?.params).toEqual([
      { file: "pipelines/toy/params.yaml", key: "train.alpha", base: 1, head: 3 },
    ]);
    expect(existsSync(join(dir, "out/report.html"))).toBe(true);
    expect(report.summary).toContain("### Pipeline toy");
    expect(report.outputs.report).toBe(join(dir, "out/report.json"));
  });

  it("validate-data fails the step with an annotation on the schema line when the data breaks it", () => {
    const dir = repo.dir;
    const schema = join(dir, "data/points.schema.yaml");
    const original = readFileSync(schema, "utf8");
    writeFileSync(
      schema,
      original.replace(
        "x1: { type: number, nullable: false }",
        "x1: { type: number, nullable: false, max: 5 }",
      ),
    );
    try {
      const r = runBundle("validate-data", dir, { datasets: "points" });
      expect(r.code).toBe(1);
      expect(r.outputs.ok).toBe("false");
      expect(r.stdout).toMatch(
        /^::error file=data\/points\.schema\.yaml,line=3,title=[^:]*::.*above the maximum 5/m,
      );
    } finally {
      writeFileSync(schema, original);
    }
  });
});
