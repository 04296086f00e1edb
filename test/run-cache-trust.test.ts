import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../src/log/index.js";
import { pushRunCache, runCacheRelPath, runPipelines, type StageResult } from "../src/pipeline/index.js";
import { repoLayout } from "../src/repo/index.js";
import { Cache, LocalRemote } from "../src/store/index.js";
import { tempDir, tempRepo } from "./support/repo.js";
import { trainPipelines } from "./support/trained-pipelines.js";

/**
 * `prep` writes out/a.txt, `build` writes model.bin from it: model.bin stands for a registered model.
 * Every real execution appends the stage name to ../../ran.log, so "ran" is told from "restored".
 */
const pipelineYaml = `stages:
  prep:
    cmd: echo prep >> ../../ran.log && mkdir -p out && cat input.txt input.txt > out/a.txt
    deps: [input.txt]
    outs: [out/a.txt]
  build:
    cmd: echo build >> ../../ran.log && cat out/a.txt > model.bin && echo built >> model.bin
    deps: [out/a.txt]
    outs: [model.bin]
`;

const statusOf = (results: StageResult[]) => Object.fromEntries(results.map((r) => [r.stage, r.status]));

describe("run-cache trust", () => {
  let repo: { dir: string; cleanup: () => void };
  let remoteDir: { dir: string; cleanup: () => void };
  let dir: string;
  const ranLog = () =>
    existsSync(join(repo.dir, "ran.log"))
      ? readFileSync(join(repo.dir, "ran.log"), "utf8").split("\n").filter(Boolean)
      : [];
  const remote = () => new LocalRemote("shared", `file://${remoteDir.dir}`, remoteDir.dir);
  const layout = () => repoLayout(repo.dir);
  const freshMachine = () => {
    for (const d of [".mlops/cache", ".mlops/state"])
      rmSync(join(repo.dir, d), { recursive: true, force: true });
    rmSync(join(dir, "out"), { recursive: true, force: true });
    rmSync(join(dir, "model.bin"), { force: true });
    rmSync(join(repo.dir, "ran.log"), { force: true });
  };

  beforeEach(() => {
    repo = tempRepo();
    remoteDir = tempDir("mlops-remote-");
    dir = join(repo.dir, "pipelines", "demo");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "pipeline.yaml"), pipelineYaml);
    writeFileSync(join(dir, "input.txt"), "hello\n");
  });
  afterEach(() => {
    repo.cleanup();
    remoteDir.cleanup();
  });

  it("a trusted run computes a registered model itself instead of restoring a forged run-cache record, and says so", async () => {
    const honest = await runPipelines(layout(), { remote: remote() });
    const buildKey = honest.find((r) => r.stage === "build")?.run_key ?? "";
    const honestModel = readFileSync(join(dir, "model.bin"), "utf8");
    await pushRunCache(layout().cacheDir, new Cache(layout().cacheDir), remote());

    // Someone who can push to the data remote maps build's inputs to another valid object there.
    const record = JSON.parse(readFileSync(join(remoteDir.dir, runCacheRelPath(buildKey)), "utf8"));
    const forgedOid = JSON.parse(
      readFileSync(
        join(remoteDir.dir, runCacheRelPath(honest.find((r) => r.stage === "prep")?.run_key ?? "")),
        "utf8",
      ),
    ).outs[0].sha256 as string;
    record.outs[0].sha256 = forgedOid;
    writeFileSync(join(remoteDir.dir, runCacheRelPath(buildKey)), JSON.stringify(record));

    // An ordinary run on a fresh machine restores what the record says: the attack is real.
    freshMachine();
    const ordinary = await runPipelines(layout(), { remote: remote() });
    expect(statusOf(ordinary)).toEqual({ prep: "restored", build: "restored" });
    expect(readFileSync(join(dir, "model.bin"), "utf8")).toBe("hello\nhello\n");

    // A trusted run (the merge flow) on a fresh machine computes both stages and reports the record.
    freshMachine();
    const logger = memoryLogger();
    const trusted = await runPipelines(layout(), {
      remote: remote(),
      recompute: ["pipelines/demo/model.bin"],
      logger,
    });
    expect(statusOf(trusted)).toEqual({ prep: "ran", build: "ran" });
    expect(trusted.find((r) => r.stage === "build")?.reason).toBe("a trusted run computes what it registers");
    expect(ranLog()).toEqual(["prep", "build"]);
    expect(readFileSync(join(dir, "model.bin"), "utf8")).toBe(honestModel);
    const warning = logger.lines.find((l) => l.includes(`run-cache record ${buildKey.slice(0, 12)}`));
    expect(warning).toMatch(
      /disagrees with this trusted run \(model\.bin: recorded [0-9a-f]{12}, computed [0-9a-f]{12}\); it was not used/,
    );
    // The lock the ordinary run wrote (what a pull request would have committed) is named too.
    expect(logger.lines.join("\n")).toMatch(
      /demo\/build: this trusted run computed other outputs than .*pipeline\.lock records/,
    );

    // Pushing the trusted run's cache replaces the forged record.
    await pushRunCache(layout().cacheDir, new Cache(layout().cacheDir), remote());
    const replaced = JSON.parse(readFileSync(join(remoteDir.dir, runCacheRelPath(buildKey)), "utf8"));
    expect(replaced.outs[0].sha256).not.toBe(forgedOid);
  });

  it("stages no registered model depends on may still be restored in a trusted run", async () => {
    await runPipelines(layout(), { remote: remote() });
    await pushRunCache(layout().cacheDir, new Cache(layout().cacheDir), remote());
    freshMachine();
    const results = await runPipelines(layout(), {
      remote: remote(),
      recompute: ["pipelines/demo/out/a.txt"],
    });
    expect(statusOf(results)).toEqual({ prep: "ran", build: "restored" });
  });
});

describe("the trainer's version in the run key", () => {
  it("reruns the `mlops train` stages of an otherwise unchanged pipeline when the version changes", {
    timeout: 240_000,
  }, async () => {
    const trained = trainPipelines(["fuel-efficiency"]);
    try {
      const layout = repoLayout(trained.dir);
      const lock = readFileSync(trained.path("pipelines/fuel-efficiency/pipeline.lock"), "utf8");
      const same = await runPipelines(layout, { pipelines: ["fuel-efficiency"] });
      expect(new Set(same.map((r) => r.status))).toEqual(new Set(["skipped"]));

      const bumped = await runPipelines(layout, { pipelines: ["fuel-efficiency"], trainerVersion: 2 });
      const ran = bumped
        .filter((r) => r.status === "ran")
        .map((r) => r.stage)
        .sort();
      expect(ran).toEqual(["train", "train_baseline"]);
      for (const r of bumped.filter((r) => r.status === "ran"))
        expect(r.reason).toBe("the trainer's version or the stage definition changed");
      // Stages that do not run the trainer are untouched.
      for (const r of bumped.filter((r) => !ran.includes(r.stage))) expect(r.status).toBe("skipped");
      // The same trainer output (the algorithm did not really change): only the run keys moved.
      expect(readFileSync(trained.path("pipelines/fuel-efficiency/pipeline.lock"), "utf8")).not.toBe(lock);

      const again = await runPipelines(layout, { pipelines: ["fuel-efficiency"], trainerVersion: 2 });
      expect(new Set(again.map((r) => r.status))).toEqual(new Set(["skipped"]));
    } finally {
      trained.cleanup();
    }
  });
});
