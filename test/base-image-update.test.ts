import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliAsync } from "./support/cli.js";
import { type RunningRegistry, requireTools, startRegistry } from "./support/oci-registry.js";
import { gitIn, tempDir } from "./support/repo.js";

let registry: RunningRegistry;
let work: { dir: string; cleanup: () => void };

/** Pushes a one-config, no-layer image under `tag` and answers its manifest digest. */
async function pushImage(repository: string, tag: string, label: string): Promise<string> {
  const config = Buffer.from(
    JSON.stringify({
      architecture: "amd64",
      os: "linux",
      config: { Labels: { build: label } },
      rootfs: { type: "layers", diff_ids: [] },
    }),
  );
  const configDigest = `sha256:${createHash("sha256").update(config).digest("hex")}`;
  const started = await fetch(`${registry.url}/v2/${repository}/blobs/uploads/`, { method: "POST" });
  const location = new URL(started.headers.get("location") ?? "", registry.url);
  location.searchParams.set("digest", configDigest);
  const put = await fetch(location, { method: "PUT", body: config });
  expect(put.status).toBe(201);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: "application/vnd.oci.image.manifest.v1+json",
    config: {
      mediaType: "application/vnd.oci.image.config.v1+json",
      digest: configDigest,
      size: config.length,
    },
    layers: [],
  });
  const res = await fetch(`${registry.url}/v2/${repository}/manifests/${tag}`, {
    method: "PUT",
    headers: { "content-type": "application/vnd.oci.image.manifest.v1+json" },
    body: manifest,
  });
  expect(res.status).toBe(201);
  return res.headers.get("docker-content-digest") ?? "";
}

function repoWithBase(name: string, base: string): { dir: string; config: string } {
  const dir = join(work.dir, name);
  mkdirSync(join(dir, ".mlops"), { recursive: true });
  gitIn(dir, "init", "-q");
  const config = [
    "# Our settings.",
    "images:",
    "  # The base, followed by the base-image workflow.",
    `  base: ${base}`,
    "",
  ].join("\n");
  writeFileSync(join(dir, ".mlops/config.yaml"), config);
  return { dir, config };
}

async function baseUpdate(dir: string, ...flags: string[]) {
  const result = await runCliAsync(["image", "base-update", "--json", ...flags], { cwd: dir });
  return { ...result, body: result.code === 0 ? (result.json() as Record<string, unknown>) : {} };
}

describe("mlops image base-update (what the base-image workflow runs)", () => {
  beforeAll(async () => {
    requireTools(["docker-registry"]);
    registry = await startRegistry();
    work = tempDir("mlops-base-update-");
  });
  afterAll(async () => {
    await registry?.stop();
    work?.cleanup();
  });

  it("finds the newer digest of the pinned tag, and with --write pins it keeping the file's comments", async () => {
    const first = await pushImage("base/node", "24-slim", "one");
    const base = `${registry.host}/base/node:24-slim@${first}`;
    const { dir, config } = repoWithBase("follow", base);

    const same = await baseUpdate(dir);
    expect(same.code, same.stderr).toBe(0);
    expect(same.body).toMatchObject({ outdated: false, pinned: first, latest: first, written: false });

    const second = await pushImage("base/node", "24-slim", "two");
    expect(second).not.toBe(first);
    const checked = await baseUpdate(dir);
    expect(checked.body).toMatchObject({ outdated: true, pinned: first, latest: second, written: false });
    expect(readFileSync(join(dir, ".mlops/config.yaml"), "utf8"), "without --write nothing changes").toBe(
      config,
    );

    const written = await baseUpdate(dir, "--write");
    expect(written.body).toMatchObject({
      outdated: true,
      written: true,
      proposed: `${registry.host}/base/node:24-slim@${second}`,
    });
    expect(readFileSync(join(dir, ".mlops/config.yaml"), "utf8")).toBe(config.replace(first, second));
    expect((await baseUpdate(dir, "--write")).body).toMatchObject({ outdated: false, written: false });
  });

  it("refuses a base with no tag to follow, naming images.base", async () => {
    const digest = await pushImage("base/plain", "x", "plain");
    const { dir } = repoWithBase("untagged", `${registry.host}/base/plain@${digest}`);
    const result = await runCliAsync(["image", "base-update"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("images.base");
    expect(result.stderr).toContain("must name a tag and a digest");
  });
});
