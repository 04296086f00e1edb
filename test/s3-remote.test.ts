import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MlopsError } from "../src/errors/index.js";
import { S3Remote } from "../src/store/s3-remote.js";
import { runCli, runCliAsync } from "./support/cli.js";
import { tempRepo } from "./support/repo.js";
import { findS3Server, type S3Server, startS3Server } from "./support/s3-server.js";

const bin = new URL("../bin/mlops.js", import.meta.url).pathname;
/** Required everywhere: without the server these tests fail, they never skip. */
function s3ServerBinary(): string {
  const found = findS3Server();
  if (!found) throw new Error("s3s-fs is not installed: run scripts/ci/install-s3-server.sh");
  return found;
}
const bucket = "mlops-data";
const prefix = "team/project";

/** Every regular file under `dir` (relative path → sha256), skipping nothing. */
function treeDigest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) visit(path);
      else out.set(relative(dir, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  if (existsSync(dir)) visit(dir);
  return out;
}

function fileDigest(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** The bucket as s3s-fs holds it on disk, with each object's digest: "nothing changed" is equality. */
function bucketState(server: S3Server): Map<string, string> {
  return treeDigest(join(server.root, bucket));
}

/** Every cache object hashes to its name: nothing half-written is visible under a final name. */
function assertCacheSound(repo: string): number {
  const base = join(repo, ".mlops/cache/sha256");
  let count = 0;
  if (!existsSync(base)) return 0;
  for (const two of readdirSync(base)) {
    if (!/^[0-9a-f]{2}$/.test(two)) continue;
    for (const rest of readdirSync(join(base, two))) {
      if (!/^[0-9a-f]{62}(\.dir)?$/.test(rest)) continue;
      expect(fileDigest(join(base, two, rest))).toBe(`${two}${rest}`.slice(0, 64));
      count += 1;
    }
  }
  return count;
}

function countCacheObjects(repo: string): number {
  const base = join(repo, ".mlops/cache/sha256");
  if (!existsSync(base)) return 0;
  let n = 0;
  for (const two of readdirSync(base)) {
    if (!/^[0-9a-f]{2}$/.test(two)) continue;
    // Final names only: temp files of writes in flight do not count.
    n += readdirSync(join(base, two)).filter((name) => /^[0-9a-f]{62}(\.dir)?$/.test(name)).length;
  }
  return n;
}

/** Spawns the CLI and kills it with SIGKILL once `ready()` holds (checked as the CLI runs). */
async function killWhen(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  ready: () => Promise<boolean> | boolean,
): Promise<{ killed: boolean }> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let done = false;
  void exited.then(() => {
    done = true;
  });
  while (!done) {
    if (await ready()) {
      child.kill("SIGKILL");
      await exited;
      return { killed: true };
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { killed: false };
}

describe("S3 remote (s3s-fs on loopback)", () => {
  let server: S3Server;
  let repo: { dir: string; cleanup: () => void };
  let env: NodeJS.ProcessEnv;
  const mlops = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    runCli(args, { cwd: repo.dir, env: { ...env, ...extra } });
  // Random bytes: quick to make, and no two parts alike.
  const big = randomBytes(200 * 1024 * 1024);
  const bigDigest = createHash("sha256").update(big).digest("hex");
  let manyDigest: Map<string, string>;

  beforeAll(async () => {
    server = await startS3Server(s3ServerBinary());
    server.makeBucket(bucket);
    env = server.env({ GITHUB_EVENT_NAME: "", MLOPS_REMOTE_READ_ONLY: "" });
    repo = tempRepo("mlops-s3-");
    mkdirSync(join(repo.dir, "data/many"), { recursive: true });
    writeFileSync(join(repo.dir, "data/big.bin"), big);
    for (let i = 0; i < 5000; i++) {
      const sub = join(repo.dir, "data/many", `d${i % 50}`);
      if (i < 50) mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `f${i}.txt`), `row ${i} ${"x".repeat(i % 97)}\n`);
    }
    manyDigest = treeDigest(join(repo.dir, "data/many"));
    const added = mlops([
      "remote",
      "add",
      "s3",
      `s3://${bucket}/${prefix}`,
      "--endpoint",
      server.endpoint,
      "--path-style",
      "--default",
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(mlops(["data", "add", "data/big.bin"]).code).toBe(0);
    expect(mlops(["data", "add", "data/many"]).code).toBe(0);
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    repo?.cleanup();
  });

  it("keeps the endpoint in the config and no credentials anywhere", () => {
    const config = readFileSync(join(repo.dir, ".mlops/config.yaml"), "utf8");
    expect(config).toContain(`url: s3://${bucket}/${prefix}`);
    expect(config).toContain(`endpoint: ${server.endpoint}`);
    expect(config).toContain("pathStyle: true");
    expect(config).not.toContain(server.secretKey);
    expect(config).not.toContain(server.accessKey);
  });

  it("refuses wrong credentials with one clear error naming the remote, and changes nothing", () => {
    const before = bucketState(server);
    const result = mlops(["data", "push"], { AWS_SECRET_ACCESS_KEY: "not-the-secret" });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/remote 's3' .* refused the credentials \(SignatureDoesNotMatch\)/);
    expect(
      result.stderr
        .trim()
        .split("\n")
        .filter((l) => !l.startsWith("  hint:")),
    ).toHaveLength(1);
    expect(result.stderr).not.toContain("not-the-secret");
    expect(bucketState(server)).toEqual(before);
  });

  it("names a missing bucket in one clear error, and changes nothing", () => {
    const before = treeDigest(server.root);
    expect(
      mlops([
        "remote",
        "add",
        "nowhere",
        "s3://no-such-bucket/x",
        "--endpoint",
        server.endpoint,
        "--path-style",
      ]).code,
    ).toBe(0);
    const result = mlops(["data", "push", "--remote", "nowhere"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/remote 'nowhere' .*: the bucket 'no-such-bucket' does not exist/);
    expect(
      result.stderr
        .trim()
        .split("\n")
        .filter((l) => !l.startsWith("  hint:")),
    ).toHaveLength(1);
    expect(treeDigest(server.root)).toEqual(before);
    expect(mlops(["remote", "remove", "nowhere"]).code).toBe(0);
  });

  it("refuses to write from a pull-request run and leaves the bucket as it was", () => {
    const before = bucketState(server);
    const result = mlops(["data", "push"], { GITHUB_EVENT_NAME: "pull_request" });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("remote 's3' is read-only in pull-request runs");
    expect(bucketState(server)).toEqual(before);
  });

  it("leaves nothing visible when a multipart push is killed, and the next push completes it", async () => {
    const key = `${prefix}/sha256/${bigDigest.slice(0, 2)}/${bigDigest.slice(2)}`;
    // Killed once the server holds a part of the large object (s3s-fs keeps each part as a file
    // `.upload_id-<id>.part-<n>` in its root until the upload completes or is aborted): mid-upload.
    const uploadFiles = () => readdirSync(server.root).filter((n) => n.startsWith(".upload"));
    const partUploaded = () => uploadFiles().some((n) => n.includes(".part-"));
    const { killed } = await killWhen(["data", "push", "data/big.dvc"], repo.dir, env, partUploaded);
    expect(killed).toBe(true);
    expect(existsSync(join(server.root, bucket, key))).toBe(false);

    const again = await runCliAsync(["data", "push", "data/big.dvc", "--json"], { cwd: repo.dir, env });
    expect(again.code, again.stderr).toBe(0);
    expect(fileDigest(join(server.root, bucket, key))).toBe(bigDigest);
    // The killed push's unfinished upload was aborted, so its parts stop costing storage.
    expect(uploadFiles()).toEqual([]);
  }, 180_000);

  it("round-trips a 200 MiB file and 5,000 small files byte for byte through the bucket alone", async () => {
    const pushed = await runCliAsync(["data", "push", "--json"], { cwd: repo.dir, env });
    expect(pushed.code, pushed.stderr).toBe(0);
    rmSync(join(repo.dir, ".mlops/cache"), { recursive: true });
    rmSync(join(repo.dir, ".mlops/state"), { recursive: true, force: true });
    rmSync(join(repo.dir, "data/many"), { recursive: true });
    rmSync(join(repo.dir, "data/big.bin"));
    const pulled = await runCliAsync(["data", "pull", "--json"], { cwd: repo.dir, env });
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(fileDigest(join(repo.dir, "data/big.bin"))).toBe(bigDigest);
    expect(treeDigest(join(repo.dir, "data/many"))).toEqual(manyDigest);
    // Everything is found on the second push by listing, and nothing moves.
    const again = await runCliAsync(["data", "push", "--json"], { cwd: repo.dir, env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.json()).toMatchObject({ transferred: 0 });
  }, 300_000);

  it("leaves the cache sound when a pull of many files is killed, and the next pull completes", async () => {
    rmSync(join(repo.dir, ".mlops/cache"), { recursive: true });
    rmSync(join(repo.dir, "data/many"), { recursive: true });
    const { killed } = await killWhen(
      ["data", "pull", "data/many.dvc"],
      repo.dir,
      env,
      () => countCacheObjects(repo.dir) >= 500,
    );
    expect(killed).toBe(true);
    const sound = assertCacheSound(repo.dir);
    expect(sound).toBeGreaterThanOrEqual(500);
    expect(sound).toBeLessThan(5001);
    const again = await runCliAsync(["data", "pull", "data/many.dvc"], { cwd: repo.dir, env });
    expect(again.code, again.stderr).toBe(0);
    expect(treeDigest(join(repo.dir, "data/many"))).toEqual(manyDigest);
  }, 180_000);

  it("catches a flipped byte in a stored object on pull and names its manifest", async () => {
    // data/many/d3/f3.txt as the tree was written.
    const one = createHash("sha256")
      .update(`row 3 ${"x".repeat(3)}\n`)
      .digest("hex");
    const stored = join(server.root, bucket, prefix, "sha256", one.slice(0, 2), one.slice(2));
    const bytes = readFileSync(stored);
    bytes[0] = (bytes[0] as number) ^ 0x01;
    writeFileSync(stored, bytes);
    rmSync(join(repo.dir, ".mlops/cache"), { recursive: true });
    rmSync(join(repo.dir, "data/many"), { recursive: true });
    const result = await runCliAsync(["data", "pull", "data/many.dvc"], { cwd: repo.dir, env });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("data/many.dvc");
    expect(result.stderr).toContain(one);
    expect(result.stderr).toMatch(/remote 's3'/);
    // The bad object never entered the cache under its name.
    expect(existsSync(join(repo.dir, ".mlops/cache/sha256", one.slice(0, 2), one.slice(2)))).toBe(false);
    bytes[0] = (bytes[0] as number) ^ 0x01;
    writeFileSync(stored, bytes);
  }, 120_000);

  it("sends nothing of an object whose bytes no longer hash to its name, in one request or in parts", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    const scratch = tempRepo("mlops-s3-corrupt-");
    try {
      const remote = new S3Remote("s3", `s3://${bucket}/${prefix}`, {
        bucket,
        prefix: `${prefix}/`,
        endpoint: server.endpoint,
        pathStyle: true,
      });
      // 40 MiB goes up in three parts; the damage is in the last one, after two were sent.
      for (const size of [1024, 40 * 1024 * 1024]) {
        const good = randomBytes(size);
        const oid = createHash("sha256").update(good).digest("hex");
        const damaged = Buffer.from(good);
        damaged[size - 1] = (damaged[size - 1] as number) ^ 0x01;
        const path = join(scratch.dir, `object-${size}`);
        writeFileSync(path, damaged);
        const failure = await remote.uploadChecked(oid, path).then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(failure, `size ${size}`).toBeInstanceOf(MlopsError);
        expect((failure as MlopsError).code).toBe("hash-mismatch");
        expect((failure as MlopsError).message).toContain(`object ${oid} in the cache is corrupt`);
        const key = join(server.root, bucket, prefix, "sha256", oid.slice(0, 2), oid.slice(2));
        expect(existsSync(key), `size ${size}`).toBe(false);
      }
      // The parts already sent were aborted with the upload.
      expect(readdirSync(server.root).filter((n) => n.startsWith(".upload"))).toEqual([]);
    } finally {
      process.env = saved;
      scratch.cleanup();
    }
  }, 120_000);

  it("removes unreferenced objects with gc --remote after a dry run", () => {
    writeFileSync(join(repo.dir, "data/extra.txt"), "soon garbage\n");
    expect(mlops(["data", "add", "data/extra.txt"]).code).toBe(0);
    expect(mlops(["data", "push", "data/extra.dvc"]).code).toBe(0);
    const extra = fileDigest(join(repo.dir, "data/extra.txt"));
    const stored = join(server.root, bucket, prefix, "sha256", extra.slice(0, 2), extra.slice(2));
    expect(existsSync(stored)).toBe(true);
    rmSync(join(repo.dir, "data/extra.dvc"));
    const dry = mlops(["gc", "--remote", "s3", "--json"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.stringify(dry.json())).toContain(extra);
    expect(existsSync(stored)).toBe(true);
    const real = mlops(["gc", "--remote", "s3", "--yes", "--json"]);
    expect(real.code, real.stderr).toBe(0);
    expect(existsSync(stored)).toBe(false);
    expect(
      existsSync(join(server.root, bucket, prefix, "sha256", bigDigest.slice(0, 2), bigDigest.slice(2))),
    ).toBe(true);
  }, 120_000);
});

describe("S3 as a dataset source", () => {
  let server: S3Server;
  beforeAll(async () => {
    server = await startS3Server(s3ServerBinary());
    server.makeBucket("prod-logs");
    // s3s-fs serves the files under its bucket directory as objects.
    mkdirSync(join(server.root, "prod-logs/predictions/day=1"), { recursive: true });
    writeFileSync(join(server.root, "prod-logs/predictions/day=1/part-0.csv"), "x,y\n1,2\n");
    writeFileSync(join(server.root, "prod-logs/predictions/day=1/part-1.csv"), "x,y\n3,4\n");
    writeFileSync(join(server.root, "prod-logs/latest.csv"), "x,y\n5,6\n");
  });
  afterAll(async () => server?.stop());

  it("imports an object and a prefix, records where they came from, and fetches them again from there", () => {
    const repo = tempRepo("mlops-s3-import-");
    try {
      const env = server.env();
      const cli = (args: string[]) => runCli(args, { cwd: repo.dir, env });
      const where = ["--endpoint", server.endpoint, "--path-style"];
      const one = cli(["data", "import", "s3://prod-logs/latest.csv", "data/current.csv", ...where]);
      expect(one.code, one.stderr).toBe(0);
      const dir = cli(["data", "import", "s3://prod-logs/predictions/", "data/predictions", ...where]);
      expect(dir.code, dir.stderr).toBe(0);
      expect(readFileSync(join(repo.dir, "data/predictions/day=1/part-1.csv"), "utf8")).toBe("x,y\n3,4\n");
      const manifest = readFileSync(join(repo.dir, "data/current.dvc"), "utf8");
      expect(manifest).toContain("s3: s3://prod-logs/latest.csv");
      expect(manifest).toContain(`endpoint: ${server.endpoint}`);
      expect(manifest).not.toContain(server.secretKey);
      // A clone with neither cache nor remote materialises both from the recorded source.
      rmSync(join(repo.dir, ".mlops/cache"), { recursive: true });
      rmSync(join(repo.dir, "data/current.csv"));
      rmSync(join(repo.dir, "data/predictions"), { recursive: true });
      const pulled = cli(["data", "pull"]);
      expect(pulled.code, pulled.stderr).toBe(0);
      expect(readFileSync(join(repo.dir, "data/current.csv"), "utf8")).toBe("x,y\n5,6\n");
      expect(readFileSync(join(repo.dir, "data/predictions/day=1/part-0.csv"), "utf8")).toBe("x,y\n1,2\n");
      // A refresh (import again) reaches the same store without repeating the endpoint.
      writeFileSync(join(server.root, "prod-logs/latest.csv"), "x,y\n7,8\n");
      const again = cli(["data", "import", "s3://prod-logs/latest.csv", "data/current.csv", "--force"]);
      expect(again.code, again.stderr).toBe(0);
      expect(readFileSync(join(repo.dir, "data/current.csv"), "utf8")).toBe("x,y\n7,8\n");
      const missing = cli(["data", "import", "s3://prod-logs/nothing-here", "data/none.csv", ...where]);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain("s3://prod-logs/nothing-here");
    } finally {
      repo.cleanup();
    }
  }, 120_000);
});

describe("S3 run cache", () => {
  let server: S3Server;
  beforeAll(async () => {
    server = await startS3Server(s3ServerBinary());
    server.makeBucket(bucket);
  });
  afterAll(async () => server?.stop());

  it("restores a pipeline from the bucket alone on a machine that never ran it", () => {
    const repo = tempRepo("mlops-s3-run-");
    try {
      const env = server.env({ GITHUB_EVENT_NAME: "", MLOPS_REMOTE_READ_ONLY: "" });
      const dir = join(repo.dir, "pipelines/demo");
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, "pipeline.yaml"),
        "stages:\n  make:\n    cmd: echo ran >> ../../ran.log && mkdir -p out && cat input.txt input.txt > out/a.txt\n    deps: [input.txt]\n    outs: [out/a.txt]\n",
      );
      writeFileSync(join(dir, "input.txt"), "hello\n");
      const cli = (args: string[]) => runCli(args, { cwd: repo.dir, env });
      expect(cli(["run"]).code).toBe(0);
      const add = cli([
        "remote",
        "add",
        "s3",
        `s3://${bucket}/runs-test`,
        "--endpoint",
        server.endpoint,
        "--path-style",
      ]);
      expect(add.code, add.stderr).toBe(0);
      const pushed = cli(["data", "push", "--json"]);
      expect(pushed.code, pushed.stderr).toBe(0);
      expect(pushed.json()).toMatchObject({ runs: { entries: 1 } });
      rmSync(join(repo.dir, ".mlops/cache"), { recursive: true });
      rmSync(join(repo.dir, ".mlops/state"), { recursive: true, force: true });
      rmSync(join(dir, "out"), { recursive: true });
      const result = cli(["run", "--json"]);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout.trim().split("\n")[0] as string)).toMatchObject({ status: "restored" });
      expect(readFileSync(join(repo.dir, "ran.log"), "utf8")).toBe("ran\n");
      expect(readFileSync(join(dir, "out/a.txt"), "utf8")).toBe("hello\nhello\n");
    } finally {
      repo.cleanup();
    }
  }, 120_000);
});
