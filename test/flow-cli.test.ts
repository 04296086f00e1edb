import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cli,
  createToyRepo,
  remoteTags as remoteTagsOf,
  runAndCommit,
  setParam,
  type ToyRepo,
} from "./support/registry-repo.js";
import { gitIn } from "./support/repo.js";

let repo: ToyRepo;
const remoteTags = () => remoteTagsOf(repo.dir);

beforeAll(() => {
  repo = createToyRepo();
});
afterAll(() => repo.cleanup());

describe("mlops flow: the workflows' work, from the command line", () => {
  it("merge registers and moves the build to staging; a second run changes nothing", () => {
    const first = cli(repo.dir, "flow", "merge", "--json");
    expect(first.code, first.stderr).toBe(0);
    expect(first.json()).toMatchObject([
      {
        model: "toy",
        version: "v1.0.0",
        stage: "staging",
        status: "promoted",
        registered: true,
        previous: null,
      },
    ]);
    expect(remoteTags()).toEqual(["toy#dev#1", "toy#staging#1", "toy@v1.0.0"]);
    const again = cli(repo.dir, "flow", "merge");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("unchanged toy v1.0.0  toy staging already holds v1.0.0");
    expect(remoteTags()).toEqual(["toy#dev#1", "toy#staging#1", "toy@v1.0.0"]);
  });

  it("release refuses a tag off main, then sends staging's version to prod for a tag on main", () => {
    gitIn(repo.dir, "checkout", "-q", "-b", "experiment");
    setParam(repo.dir, 2);
    runAndCommit(repo.dir, "an experiment, never merged");
    gitIn(repo.dir, "tag", "v0.9.0");
    gitIn(repo.dir, "checkout", "-q", "main");
    const off = cli(repo.dir, "flow", "release", "v0.9.0");
    expect(off.code).not.toBe(0);
    expect(off.stderr).toMatch(
      /release tag v0\.9\.0 points at [0-9a-f]{12}, which is not on origin\/main; nothing was promoted/,
    );
    expect(remoteTags()).toEqual(["toy#dev#1", "toy#staging#1", "toy@v1.0.0"]);

    gitIn(repo.dir, "tag", "v1.0.0", "origin/main");
    const on = cli(repo.dir, "flow", "release", "v1.0.0", "--json");
    expect(on.code, on.stderr).toBe(0);
    const [released] = on.json() as {
      model: string;
      version: string;
      status: string;
      tag: string;
      assets: { name: string }[];
    }[];
    expect(released).toMatchObject({
      model: "toy",
      version: "v1.0.0",
      status: "promoted",
      tag: "toy#prod#1",
    });
    expect(released?.assets.map((a) => a.name)).toEqual(["toy-v1.0.0.onnx", "toy-v1.0.0.yaml"]);
    expect(remoteTags()).toContain("toy#prod#1");
  });

  it("retrain names the missing monitoring snapshot in the model card", () => {
    const result = cli(repo.dir, "flow", "retrain", "toy");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("toy names no snapshot of production data to retrain on");
    expect(result.stderr).toContain("monitoring.current");
    expect(gitIn(repo.dir, "status", "--porcelain")).toBe("");
  });
});
