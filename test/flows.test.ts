import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MlopsError } from "../src/errors/index.js";
import { type ImagePublisher, promoteMerged, releaseToProd } from "../src/flows/index.js";
import { repoLayout } from "../src/repo/index.js";
import {
  createToyRepo,
  remoteTags as remoteTagsOf,
  runAndCommit,
  setParam,
  type ToyRepo,
} from "./support/registry-repo.js";
import { gitIn } from "./support/repo.js";

let repo: ToyRepo;
const tagRemote = { remote: "origin" };
const built: string[] = [];
/** A stand-in for the image build: a digest that depends on the version, as a real build's does. */
const images: ImagePublisher = {
  repository: "registry.test/acme",
  async publish(model, version) {
    built.push(`${model}@${version}`);
    return `sha256:${createHash("sha256").update(`${model}@${version}`).digest("hex")}`;
  },
};
const remoteTags = () => remoteTagsOf(repo.dir);

beforeAll(() => {
  repo = createToyRepo();
});
afterAll(() => repo.cleanup());

describe("merge → staging", () => {
  it("registers, passes dev, builds the image and assigns staging with its digest; a rerun changes nothing", async () => {
    const layout = repoLayout(repo.dir);
    const [first] = await promoteMerged(layout, { tagRemote, images });
    expect(first).toMatchObject({
      model: "toy",
      version: "v1.0.0",
      stage: "staging",
      environment: "staging",
      status: "promoted",
      registered: true,
      previous: null,
      tag: "toy#staging#1",
    });
    expect(first?.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(remoteTags()).toEqual(["toy#dev#1", "toy#staging#1", "toy@v1.0.0"]);
    const annotation = gitIn(repo.dir, "tag", "-l", "--format=%(contents)", "toy#staging#1");
    expect(annotation).toContain(`image_digest: ${first?.imageDigest}`);

    const [again] = await promoteMerged(layout, { tagRemote, images });
    expect(again).toMatchObject({ status: "unchanged", registered: false, tag: "toy#staging#1" });
    expect(again?.imageDigest).toBe(first?.imageDigest);
    expect(built).toEqual(["toy@v1.0.0"]);
    expect(remoteTags()).toEqual(["toy#dev#1", "toy#staging#1", "toy@v1.0.0"]);
  });

  it("refuses a version whose gate fails, says why, and leaves staging and the image alone", async () => {
    const layout = repoLayout(repo.dir);
    // A merge that tightens the staging gate past what the new model reaches.
    const card = readFileSync(`${repo.dir}/models/toy/model.yaml`, "utf8");
    const tight = card.replace("value: 100", "value: 0.001");
    writeFileSync(`${repo.dir}/models/toy/model.yaml`, tight);
    setParam(repo.dir, 3);
    runAndCommit(repo.dir, "a stronger ridge");
    const [result] = await promoteMerged(layout, { tagRemote, images });
    expect(result).toMatchObject({
      status: "refused",
      version: "v1.1.0",
      previous: "v1.0.0",
      registered: true,
    });
    expect(result?.message, result?.message).toMatch(
      /^toy@v1\.1\.0 may not enter staging: rmse <= 0\.001 \(rmse [\d.]+ not <= 0\.001\)/,
    );
    expect(result?.message).toContain("staging still holds v1.0.0");
    expect(built).toEqual(["toy@v1.0.0"]);
    expect(remoteTags()).toEqual(["toy#dev#1", "toy#staging#1", "toy@v1.0.0", "toy@v1.1.0"]);
    writeFileSync(`${repo.dir}/models/toy/model.yaml`, card);
    gitIn(repo.dir, "commit", "-qam", "gate back");
    const [passed] = await promoteMerged(layout, { tagRemote, images });
    expect(passed).toMatchObject({
      status: "promoted",
      version: "v1.1.0",
      previous: "v1.0.0",
      tag: "toy#staging#2",
    });
    gitIn(repo.dir, "push", "-q", "origin", "main");
  });
});

describe("release tag → prod", () => {
  it("refuses a tag off main and changes nothing", async () => {
    const layout = repoLayout(repo.dir);
    gitIn(repo.dir, "checkout", "-q", "-b", "side");
    gitIn(repo.dir, "commit", "-q", "--allow-empty", "-m", "not on main");
    gitIn(repo.dir, "tag", "v9.0.0");
    gitIn(repo.dir, "checkout", "-q", "main");
    const before = remoteTags();
    await expect(releaseToProd(layout, { tag: "v9.0.0", tagRemote })).rejects.toThrow(
      /release tag v9\.0\.0 points at [0-9a-f]{12}, which is not on origin\/main; nothing was promoted/,
    );
    expect(remoteTags()).toEqual(before);
  });

  it("promotes what staging holds to prod with staging's image digest; a rerun changes nothing", async () => {
    const layout = repoLayout(repo.dir);
    gitIn(repo.dir, "tag", "v1.0.0", "origin/main");
    const staging = gitIn(repo.dir, "tag", "-l", "--format=%(contents)", "toy#staging#2");
    const digest = /image_digest: (sha256:[0-9a-f]{64})/.exec(staging)?.[1];
    const [released] = await releaseToProd(layout, { tag: "v1.0.0", tagRemote });
    expect(released).toMatchObject({
      model: "toy",
      version: "v1.1.0",
      stage: "prod",
      environment: "production",
      status: "promoted",
      tag: "toy#prod#1",
      imageDigest: digest,
    });
    expect(released?.assets.map((a) => a.name)).toEqual(["toy-v1.1.0.onnx", "toy-v1.1.0.yaml"]);
    const onnx = released?.assets[0]?.path as string;
    expect(createHash("sha256").update(readFileSync(onnx)).digest("hex")).toBe(
      released?.manifest.artifact.sha256,
    );
    expect(gitIn(repo.dir, "tag", "-l", "--format=%(contents)", "toy#prod#1")).toContain(
      `image_digest: ${digest}`,
    );
    const [again] = await releaseToProd(layout, { tag: "v1.0.0", tagRemote });
    expect(again).toMatchObject({ status: "unchanged", tag: "toy#prod#1" });
    expect(remoteTags().filter((t) => t.includes("#prod#"))).toEqual(["toy#prod#1"]);
  });

  it("refuses when the stage it releases from holds nothing, naming the model", async () => {
    const layout = repoLayout(repo.dir);
    const error = await releaseToProd(layout, { tag: "v1.0.0", tagRemote, from: "canary" }).catch((e) => e);
    expect(error).toBeInstanceOf(MlopsError);
    expect((error as MlopsError).message).toBe(
      "release v1.0.0 refused, nothing was promoted: toy: canary holds nothing",
    );
  });
});
