import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot, runCliAsync } from "./support/cli.js";
import { startGitHttpServer } from "./support/git-http-server.js";
import { cli, createToyRepo, runAndCommit, setParam, type ToyRepo } from "./support/registry-repo.js";
import { gitIn } from "./support/repo.js";

/**
 * GTO's tag grammar, written here from GTO's documentation independently of src/registry, so the
 * tags we write are checked against the grammar rather than against our own parser.
 */
function gtoParse(tag: string): {
  name: string;
  version?: string;
  stage?: string;
  counter?: number;
  cancel: boolean;
} {
  const name = "[a-zA-Z0-9](?:[a-zA-Z0-9_/-]*[a-zA-Z0-9])?";
  const m = new RegExp(
    `^(${name})(?:@(v\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?)|#(${name}))(!?)(?:#(\\d+))?$`,
  ).exec(tag);
  if (!m) throw new Error(`not a GTO tag: ${tag}`);
  return {
    name: m[1] as string,
    ...(m[2] ? { version: m[2] } : {}),
    ...(m[3] ? { stage: m[3] } : {}),
    ...(m[5] ? { counter: Number(m[5]) } : {}),
    cancel: m[4] === "!",
  };
}

function annotation(dir: string, tag: string): Record<string, unknown> {
  expect(gitIn(dir, "cat-file", "-t", tag).trim()).toBe("tag");
  return parse(gitIn(dir, "tag", "-l", "--format=%(contents)", tag)) as Record<string, unknown>;
}

function remoteTags(remote: string): string[] {
  return gitIn(remote, "for-each-ref", "--format=%(refname:lstrip=2)", "refs/tags/")
    .split("\n")
    .filter(Boolean);
}

interface Json {
  [k: string]: unknown;
}
function ok(dir: string, ...args: string[]): Json {
  const r = cli(dir, ...args, "--json");
  expect(r.code, `mlops ${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r.json() as Json;
}
function refused(dir: string, ...args: string[]): string {
  const r = cli(dir, ...args);
  expect(r.code, `mlops ${args.join(" ")} should fail: ${r.stdout}`).toBe(1);
  return r.stderr;
}

let repo: ToyRepo;
beforeAll(() => {
  repo = createToyRepo();
}, 120_000);
afterAll(() => repo?.cleanup());

describe("git tags as the model registry", () => {
  it("runs register → staging → prod → rollback with GTO tags, manifests and history", {
    timeout: 180_000,
  }, () => {
    const dir = repo.dir;
    const first = ok(dir, "register", "toy");
    expect(first).toMatchObject({
      version: "v1.0.0",
      tag: "toy@v1.0.0",
      created: true,
      pushed: true,
      bump: "initial",
    });
    expect(gtoParse("toy@v1.0.0")).toMatchObject({ name: "toy", version: "v1.0.0", cancel: false });
    expect(remoteTags(repo.remote)).toContain("toy@v1.0.0");

    // The annotation is the version manifest, and it describes the files the pipeline built.
    const manifest = annotation(dir, "toy@v1.0.0");
    const model = readFileSync(join(dir, "pipelines/toy/model.onnx"));
    const metrics = JSON.parse(readFileSync(join(dir, "pipelines/toy/metrics.json"), "utf8"));
    expect(manifest).toMatchObject({
      version: "v1.0.0",
      model: "toy",
      commit: gitIn(dir, "rev-parse", "HEAD").trim(),
      params: { train: { alpha: 1, model: "ridge" } },
      metrics: { rmse: metrics.rmse, r2: metrics.r2 },
      validation: { ok: true },
      artifact: { sha256: createHash("sha256").update(model).digest("hex"), size: model.length },
    });
    expect((manifest.data as Json[]).map((d) => d.name)).toEqual(["points"]);
    expect((manifest.signature as { inputs: { name: string }[] }).inputs.map((i) => i.name)).toEqual([
      "x1",
      "x2",
    ]);
    expect(gitIn(dir, "rev-parse", "toy@v1.0.0^{commit}").trim()).toBe(manifest.commit);
    // The model went to the data remote with the tag.
    const oid = createHash("sha256").update(model).digest("hex");
    expect(readFileSync(join(repo.store, "sha256", oid.slice(0, 2), oid.slice(2))).equals(model)).toBe(true);

    // The same artifact again is the same version.
    expect(ok(dir, "register", "toy")).toMatchObject({ version: "v1.0.0", created: false });

    // A params change is a minor bump: an explicit patch version is refused, the default follows the policy.
    setParam(dir, 0.5);
    runAndCommit(dir, "alpha 0.5");
    expect(refused(dir, "register", "toy", "--version", "v1.0.1")).toMatch(
      /v1\.0\.1 is a patch bump from v1\.0\.0, but the version policy requires a minor bump: params changed/,
    );
    expect(refused(dir, "register", "toy", "--version", "v0.9.0")).toMatch(
      /not after the latest version v1\.0\.0/,
    );
    expect(ok(dir, "register", "toy")).toMatchObject({ version: "v1.1.0", bump: "minor" });

    // Stages go dev → staging → prod.
    expect(refused(dir, "promote", "toy", "v1.0.0", "--to", "staging")).toMatch(/never been in dev/);
    for (const stage of ["dev", "staging", "prod"]) {
      expect(ok(dir, "promote", "toy", "v1.0.0", "--to", stage)).toMatchObject({
        tag: `toy#${stage}#1`,
        version: "v1.0.0",
        previous: null,
        pushed: true,
      });
    }
    for (const stage of ["dev", "staging", "prod"]) {
      const r = ok(dir, "promote", "toy", "v1.1.0", "--to", stage);
      expect(r).toMatchObject({ tag: `toy#${stage}#2`, version: "v1.1.0", previous: "v1.0.0" });
    }
    const prod2 = annotation(dir, "toy#prod#2");
    expect(prod2).toMatchObject({ model: "toy", stage: "prod", version: "v1.1.0", previous: "v1.0.0" });
    expect(prod2.version_tag).toEqual({
      tag: "toy@v1.1.0",
      object: gitIn(dir, "rev-parse", "toy@v1.1.0").trim(),
    });
    expect(gtoParse("toy#prod#2")).toMatchObject({ name: "toy", stage: "prod", counter: 2 });
    // GTO finds an assignment's version by the commit its tag points at.
    expect(gitIn(dir, "rev-parse", "toy#prod#2^{commit}").trim()).toBe(
      gitIn(dir, "rev-parse", "toy@v1.1.0^{commit}").trim(),
    );

    const rollback = ok(dir, "rollback", "toy", "--stage", "prod");
    expect(rollback).toMatchObject({ tag: "toy#prod#3", version: "v1.0.0", previous: "v1.1.0" });
    expect(annotation(dir, "toy#prod#3")).toMatchObject({
      version: "v1.0.0",
      previous: "v1.1.0",
      reason: "rollback",
    });
    expect(ok(dir, "registry", "show", "toy#prod")).toMatchObject({
      name: "toy",
      version: "v1.0.0",
      stage: "prod",
    });
    // The state as of any earlier event.
    // The quick stage lookup and the full fold over every tag (taken with --at) agree.
    for (const stage of ["dev", "staging", "prod"]) {
      const quick = ok(dir, "registry", "show", `toy#${stage}`);
      const full = ok(dir, "registry", "show", `toy#${stage}`, "--at", "toy#prod#3");
      expect(quick).toEqual(full);
    }
    expect(ok(dir, "registry", "show", "toy#prod", "--at", "toy#prod#2")).toMatchObject({
      version: "v1.1.0",
    });
    expect(ok(dir, "registry", "show", "toy", "--at", "toy@v1.0.0")).toMatchObject({
      stages: {},
      latest: "v1.0.0",
    });

    const history = ok(dir, "registry", "history", "toy").events as Json[];
    expect(history.map((e) => e.tag)).toEqual([
      "toy@v1.0.0",
      "toy@v1.1.0",
      "toy#dev#1",
      "toy#staging#1",
      "toy#prod#1",
      "toy#dev#2",
      "toy#staging#2",
      "toy#prod#2",
      "toy#prod#3",
    ]);
    const times = history.map((e) => Date.parse(e.time as string));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const t of history.map((e) => e.tag as string)) expect(remoteTags(repo.remote)).toContain(t);

    const diff = ok(dir, "registry", "diff", "toy", "v1.0.0", "v1.1.0");
    expect(diff.params).toEqual([{ key: "train.alpha", from: 1, to: 0.5 }]);
    expect(diff.signature).toEqual([]);
  });

  it("refuses a worse model for prod with both numbers in the message", { timeout: 120_000 }, () => {
    const dir = repo.dir;
    setParam(dir, 5000);
    runAndCommit(dir, "alpha 5000: shrinks the model towards the mean");
    const v = ok(dir, "register", "toy").version as string;
    expect(v).toBe("v1.2.0");
    ok(dir, "promote", "toy", v, "--to", "dev");
    ok(dir, "promote", "toy", v, "--to", "staging");
    const message = refused(dir, "promote", "toy", v, "--to", "prod");
    const m =
      /rmse ([\d.]+) \(v1\.2\.0\) vs ([\d.]+) \(v1\.0\.0\) on test\.json: ([\d.]+) worse, more than the 0\.01 allowed/.exec(
        message,
      );
    expect(m, message).not.toBeNull();
    expect(Number(m?.[1])).toBeGreaterThan(Number(m?.[2]) + 0.01);
    expect(ok(dir, "registry", "show", "toy#prod")).toMatchObject({ version: "v1.0.0" });
  });

  it("keeps every one of 20 concurrent promotions from separate clones, numbered without gaps", {
    timeout: 300_000,
  }, async () => {
    const dir = repo.dir;
    // Twenty more versions, each from its own commit.
    const versions: string[] = [];
    for (let i = 1; i <= 20; i++) {
      setParam(dir, i / 10 + 0.05);
      runAndCommit(dir, `alpha ${i / 10 + 0.05}`);
      versions.push(ok(dir, "register", "toy").version as string);
    }
    gitIn(dir, "push", "-q", "origin", "main");
    expect(new Set(versions).size).toBe(20);
    const devBefore = remoteTags(repo.remote).filter((t) => t.startsWith("toy#dev#")).length;

    const clones = versions.map((_, i) => {
      const clone = join(repo.root, `clone-${i}`);
      gitIn(repo.root, "clone", "-q", repo.remote, clone);
      return clone;
    });
    const results = await Promise.all(
      versions.map((v, i) =>
        runCliAsync(["promote", "toy", v, "--to", "dev", "--json"], {
          cwd: clones[i] as string,
          env: { GITHUB_ACTIONS: "" },
        }),
      ),
    );
    const assigned = new Map<string, string>();
    for (const [i, r] of results.entries()) {
      expect(r.code, `promotion of ${versions[i]} from clone ${i}: ${r.stderr}`).toBe(0);
      const out = r.json() as { tag: string; version: string; pushed: boolean };
      expect(out).toMatchObject({ version: versions[i], pushed: true });
      assigned.set(out.tag, out.version);
    }
    // No lost assignment: every reported tag is on the remote and assigns what its promoter asked for.
    const check = join(repo.root, "check");
    gitIn(repo.root, "clone", "-q", repo.remote, check);
    const devTags = remoteTags(repo.remote).filter((t) => t.startsWith("toy#dev#"));
    expect(devTags.length).toBe(devBefore + 20);
    const counters = devTags.map((t) => gtoParse(t).counter as number).sort((a, b) => a - b);
    expect(counters).toEqual(Array.from({ length: devTags.length }, (_, i) => i + 1));
    for (const [tag, version] of assigned)
      expect(annotation(check, tag)).toMatchObject({ stage: "dev", version });
    // The history lists them in counter order, each recording the one before it as previous.
    const events = ok(check, "registry", "history", "toy", "--stage", "dev").events as Json[];
    expect(events.map((e) => e.counter)).toEqual(counters);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]?.previous).toBe(events[i - 1]?.version);
      expect(Date.parse(events[i]?.time as string)).toBeGreaterThan(
        Date.parse(events[i - 1]?.time as string),
      );
    }
    const last = events.at(-1) as Json;
    expect(ok(check, "registry", "show", "toy#dev")).toMatchObject({ version: last.version });
    // An assignment written by hand (GTO's way: free text) is read by the full fold, by its commit.
    const first = versions[0] as string;
    gitIn(
      check,
      "tag",
      "-a",
      "-m",
      "promoted by hand",
      `toy#dev#${counters.length + 1}`,
      `toy@${first}^{commit}`,
    );
    expect(ok(check, "registry", "show", "toy#dev")).toMatchObject({ version: first, stage: "dev" });
    gitIn(dir, "fetch", "-q", "origin", "+refs/tags/*:refs/tags/*");
  });

  it("reads the same versions, stages and history as GTO itself", { timeout: 300_000 }, () => {
    const dir = repo.dir;
    const gto = (...args: string[]) => {
      const r = spawnSync(
        "sh",
        [
          join(repoRoot, "scripts/python/venv-run.sh"),
          join(repoRoot, "scripts/compare/requirements-gto.txt"),
          "gto",
          ...args,
        ],
        { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 280_000 },
      );
      expect(r.status, `gto ${args.join(" ")}: ${r.stderr}`).toBe(0);
      return JSON.parse(r.stdout);
    };
    const ours = ok(dir, "registry", "show", "toy") as {
      latest: string;
      stages: Record<string, string>;
      versions: { version: string; stages: string[] }[];
    };
    const summary = gto("show", "--json").toy;
    expect(summary.version).toBe(ours.latest);
    expect(summary.stage).toEqual(ours.stages);
    const theirs = gto("show", "toy", "--json") as { version: string; stages: { stage: string }[] }[];
    expect(theirs.map((v) => v.version).sort()).toEqual(ours.versions.map((v) => v.version).sort());
    for (const v of theirs) {
      const mine = ours.versions.find((x) => x.version === v.version);
      expect(v.stages.map((s) => s.stage).sort(), v.version).toEqual(mine?.stages);
    }
    const gtoHistory = (
      gto("history", "toy", "--json") as {
        ref: string;
        event: string;
        version: string;
        stage: string | null;
      }[]
    ).reverse();
    const ourHistory = ok(dir, "registry", "history", "toy").events as Json[];
    expect(gtoHistory.map((e) => [e.ref, e.event, e.version, e.stage ?? null])).toEqual(
      ourHistory.map((e) => [e.tag, e.event, e.version, e.stage ?? null]),
    );
  });

  it("verify catches a re-created tag and a model object whose bytes changed", { timeout: 120_000 }, () => {
    const dir = repo.dir;
    const clean = ok(dir, "registry", "verify", "toy");
    expect(clean).toMatchObject({ ok: true, problems: [] });
    expect((clean.checked as Json).versions).toBeGreaterThanOrEqual(23);

    // Someone deletes v1.1.0 and re-creates it at the same commit with better metrics.
    const text = gitIn(dir, "tag", "-l", "--format=%(contents)", "toy@v1.1.0").replace(
      /rmse: [\d.e-]+/,
      "rmse: 0.001",
    );
    const commit = gitIn(dir, "rev-parse", "toy@v1.1.0^{commit}").trim();
    gitIn(dir, "tag", "-d", "toy@v1.1.0");
    writeFileSync(join(repo.root, "msg"), text);
    gitIn(dir, "tag", "-a", "-F", join(repo.root, "msg"), "toy@v1.1.0", commit);
    const forged = cli(dir, "registry", "verify", "toy", "--json");
    expect(forged.code).toBe(1);
    const problems = (forged.json() as { problems: { tag: string; problem: string }[] }).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        tag: "toy@v1.1.0",
        problem: expect.stringMatching(/was re-created: toy#dev#2 recorded tag object/),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ tag: "toy@v1.1.0", problem: expect.stringMatching(/differs from origin/) }),
    );
    gitIn(dir, "fetch", "-q", "origin", "+refs/tags/toy@v1.1.0:refs/tags/toy@v1.1.0");
    expect(ok(dir, "registry", "verify", "toy")).toMatchObject({ ok: true });

    // A stored model whose bytes no longer match its hash.
    const oid = (ok(dir, "registry", "show", "toy@v1.0.0").manifest as { artifact: { sha256: string } })
      .artifact.sha256;
    const object = join(dir, ".mlops/cache/sha256", oid.slice(0, 2), oid.slice(2));
    chmodSync(object, 0o644);
    writeFileSync(object, Buffer.concat([readFileSync(object), Buffer.from([0])]));
    const corrupt = cli(dir, "registry", "verify", "toy", "--json");
    expect(corrupt.code).toBe(1);
    expect((corrupt.json() as { problems: { tag: string; problem: string }[] }).problems).toEqual([
      expect.objectContaining({
        tag: "toy@v1.0.0",
        problem: expect.stringMatching(
          new RegExp(`model object ${oid.slice(0, 12)}… in the local store hashes to`),
        ),
      }),
    ]);
  });

  it("pushes registry tags to an HTTPS remote with a token, as on GitHub, without leaking it", {
    timeout: 120_000,
  }, async () => {
    const token = "ghs_registryTestToken0123456789";
    const server = await startGitHttpServer(repo.root, token);
    try {
      const url = `${server.url}/remote.git`;
      const dir = repo.dir;
      // Without the token the push is refused at once (no prompt), and says where it failed.
      const denied = await runCliAsync(["rollback", "toy", "--stage", "staging", "--git-remote", url], {
        cwd: dir,
        env: { GITHUB_ACTIONS: "", MLOPS_GIT_TOKEN: "", GITHUB_TOKEN: "" },
      });
      expect(denied.code).toBe(1);
      expect(denied.stderr).toMatch(/could not fetch tags from http:\/\/127\.0\.0\.1/);
      const before = remoteTags(repo.remote).filter((t) => t.startsWith("toy#staging#")).length;
      const rolled = await runCliAsync(
        ["rollback", "toy", "--stage", "staging", "--git-remote", url, "--json"],
        {
          cwd: dir,
          env: { GITHUB_ACTIONS: "", MLOPS_GIT_TOKEN: token },
        },
      );
      expect(rolled.code, rolled.stderr).toBe(0);
      const out = rolled.json() as { tag: string; pushed: boolean };
      expect(out).toMatchObject({ tag: `toy#staging#${before + 1}`, pushed: true });
      expect(remoteTags(repo.remote)).toContain(out.tag);
      expect(server.requests.some((r) => r.authorized)).toBe(true);
      for (const text of [denied.stdout, denied.stderr, rolled.stdout, rolled.stderr])
        expect(text).not.toContain(token);
      // The token never lands in the repository's config.
      expect(gitIn(dir, "config", "--list")).not.toContain(
        Buffer.from(`x-access-token:${token}`).toString("base64"),
      );
    } finally {
      await server.close();
    }
  });
});
