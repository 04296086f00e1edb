import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultImageRepository, imagePublisher } from "../src/flows/index.js";
import { imagesConfig } from "../src/manifest/repo-config.js";
import { repoLayout } from "../src/repo/index.js";
import { bytesFor, sha } from "./support/bytes.js";
import { repoRoot, runCli } from "./support/cli.js";
import { gitIn, tempDir } from "./support/repo.js";

/** Blanks what a CI job's environment would otherwise leak into the CLI (this suite runs in PR jobs too). */
const trusted = {
  GITHUB_EVENT_NAME: "",
  MLOPS_REMOTE_READ_ONLY: "",
  GITHUB_TOKEN: "",
  MLOPS_GIT_TOKEN: "",
  MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES: "",
};

let work: { dir: string; cleanup: () => void };

beforeAll(() => {
  work = tempDir("mlops-out-of-the-box-");
});
afterAll(() => work?.cleanup());

/** A bare origin holding the repository's committed configuration, and a fresh clone of it. */
function freshClone(name: string): { origin: string; clone: string } {
  const origin = join(work.dir, `${name}.git`);
  gitIn(work.dir, "init", "-q", "--bare", "-b", "main", origin);
  const seed = join(work.dir, `${name}-seed`);
  gitIn(work.dir, "clone", "-q", origin, seed);
  mkdirSync(join(seed, ".mlops"));
  for (const file of [".mlops/config.yaml", ".mlops/.gitignore"])
    cpSync(join(repoRoot, file), join(seed, file));
  gitIn(seed, "add", "-A");
  gitIn(seed, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "template");
  gitIn(seed, "push", "-q", "origin", "main");
  const clone = join(work.dir, name);
  gitIn(work.dir, "clone", "-q", origin, clone);
  gitIn(clone, "config", "user.name", "t");
  gitIn(clone, "config", "user.email", "t@example.invalid");
  return { origin, clone };
}

describe("the repository as committed", () => {
  it("sends a trusted run's objects to the mlops-objects branch of its own origin, with no setting", () => {
    const { origin, clone } = freshClone("push");
    const table = bytesFor(7, 20_000);
    mkdirSync(join(clone, "data"));
    writeFileSync(join(clone, "data/table.csv"), table);
    expect(runCli(["data", "add", "data/table.csv"], { cwd: clone, env: trusted }).code).toBe(0);

    const refused = runCli(["data", "push"], {
      cwd: clone,
      env: { ...trusted, GITHUB_EVENT_NAME: "pull_request" },
    });
    expect(refused.code, "a pull-request run writes nothing").not.toBe(0);

    const pushed = runCli(["data", "push"], { cwd: clone, env: { ...trusted, GITHUB_EVENT_NAME: "push" } });
    expect(pushed.stderr).not.toMatch(/no remote/);
    expect(pushed.code).toBe(0);
    const digest = sha(table);
    const blob = spawnSync("git", [
      "--git-dir",
      origin,
      "cat-file",
      "blob",
      `mlops-objects:sha256/${digest.slice(0, 2)}/${digest.slice(2)}`,
    ]);
    expect(blob.status, "the object is on origin's mlops-objects branch").toBe(0);
    expect(sha(blob.stdout)).toBe(digest);
  });

  it("in a copy with no origin reads the objects branch as empty and refuses to write, naming the fix", () => {
    const { clone } = freshClone("no-origin");
    gitIn(clone, "remote", "remove", "origin");
    mkdirSync(join(clone, "data"));
    writeFileSync(join(clone, "data/table.csv"), bytesFor(8, 5_000));
    expect(runCli(["data", "add", "data/table.csv"], { cwd: clone, env: trusted }).code).toBe(0);
    const status = runCli(["data", "status", "--remote", "--json"], { cwd: clone, env: trusted });
    expect(status.stderr).toBe("");
    expect((status.json() as { datasets: { onRemote: boolean }[] }).datasets).toEqual([
      expect.objectContaining({ workspace: "ok", inCache: true, onRemote: false }),
    ]);
    const pushed = runCli(["data", "push"], { cwd: clone, env: { ...trusted, GITHUB_EVENT_NAME: "push" } });
    expect(pushed.code).not.toBe(0);
    expect(pushed.stderr).toContain("uses the repository's 'origin'");
    expect(pushed.stderr).toContain("git-branch:mlops-objects@URL");
  });

  it("pins the serving base image by digest", () => {
    const text = readFileSync(join(repoRoot, ".mlops/config.yaml"), "utf8");
    expect(text).toMatch(/^ {2}base: \S+@sha256:[0-9a-f]{64}$/m);
    expect(text, "no image repository: GitHub runs publish under the repository's own name").not.toMatch(
      /^ {2}repository:/m,
    );
  });

  it("publishes a GitHub run's images under the repository's own name on ghcr.io, lower-cased", async () => {
    const layout = repoLayout(repoRoot);
    const common = { serverBundleDir: "/nonexistent", nodeModulesDir: "/nonexistent" };
    const onGitHub = await imagePublisher(layout, { ...common, githubRepository: "Acme-Corp/Fuel.Models" });
    expect(onGitHub?.repository).toBe("ghcr.io/acme-corp/fuel.models");
    const seam = await imagePublisher(layout, {
      ...common,
      githubRepository: "acme/mlops",
      containerRegistryHost: "127.0.0.1:5000",
    });
    expect(seam?.repository).toBe("127.0.0.1:5000/acme/mlops");
    const configured = await imagePublisher(layout, {
      ...common,
      repository: "registry.example.com/team/models",
      githubRepository: "acme/mlops",
    });
    expect(configured?.repository).toBe("registry.example.com/team/models");
    expect(await imagePublisher(layout, common), "off GitHub with no repository: no images").toBeUndefined();
  });

  it("derives a valid, lower-case image repository from any GitHub repository name", () => {
    const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/);
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,20}$/), name, (owner, repo) => {
        fc.pre(!/[._-]$/.test(repo) && !/[._-]{2}/.test(repo));
        const repository = defaultImageRepository(`${owner}/${repo}`);
        expect(repository).toBe(`ghcr.io/${owner}/${repo}`.toLowerCase());
        expect(imagesConfig.safeParse({ repository }).success, repository).toBe(true);
      }),
      { seed: 25, numRuns: 300 },
    );
    for (const bad of ["", "acme", "acme/", "/repo", "a/b/c", "a b/c"]) {
      expect(() => defaultImageRepository(bad), bad).toThrow(/is not a GitHub repository name.*|owner\/repo/);
    }
  });
});
