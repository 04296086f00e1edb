import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join, posix, win32 } from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MlopsError } from "../src/errors/index.js";
import { listingId, parseListing } from "../src/store/index.js";
import { runCli } from "./support/cli.js";
import { tempDir, tempRepo } from "./support/repo.js";

const sha = "a".repeat(64);
const listing = (relpath: unknown) => Buffer.from(JSON.stringify([{ relpath, sha256: sha, size: 1 }]));

function refusal(bytes: Uint8Array): MlopsError {
  try {
    parseListing(bytes, listingId(bytes));
  } catch (err) {
    if (err instanceof MlopsError) return err;
    throw err;
  }
  throw new Error("the listing was accepted");
}

describe("writes stay inside the repository", () => {
  let repo: { dir: string; cleanup: () => void };
  let outside: { dir: string; cleanup: () => void };
  let remote: { dir: string; cleanup: () => void };
  beforeEach(() => {
    repo = tempRepo();
    outside = tempDir("mlops-outside-");
    remote = tempDir("mlops-remote-");
    expect(runCli(["remote", "add", "origin", remote.dir, "--default"], { cwd: repo.dir }).code).toBe(0);
  });
  afterEach(() => {
    repo.cleanup();
    outside.cleanup();
    remote.cleanup();
  });

  it("refuses to check a directory dataset out through a symlink that leaves the repository, writing nothing there", () => {
    mkdirSync(join(repo.dir, "data/keys"), { recursive: true });
    writeFileSync(join(repo.dir, "data/keys/authorized_keys"), "ssh-ed25519 AAAA attacker\n");
    expect(runCli(["data", "add", "data/keys"], { cwd: repo.dir }).code).toBe(0);
    expect(runCli(["data", "push"], { cwd: repo.dir }).code).toBe(0);
    // What a clone of a repository that commits `data/keys -> ~/.ssh` looks like.
    rmSync(join(repo.dir, "data/keys"), { recursive: true });
    rmSync(join(repo.dir, ".mlops/cache"), { recursive: true });
    symlinkSync(outside.dir, join(repo.dir, "data/keys"));

    const pulled = runCli(["data", "pull", "--force"], { cwd: repo.dir });
    expect(pulled.code, pulled.stdout).not.toBe(0);
    expect(pulled.stderr).toMatch(/refusing to write data\/keys: it resolves to .*, outside the repository/);
    expect(readdirSync(outside.dir)).toEqual([]);
  });

  it("refuses to check a file out under a symlinked parent directory, creating nothing outside", () => {
    mkdirSync(join(repo.dir, "data/sub"), { recursive: true });
    writeFileSync(join(repo.dir, "data/sub/rows.csv"), "a,b\n1,2\n");
    expect(runCli(["data", "add", "data/sub/rows.csv"], { cwd: repo.dir }).code).toBe(0);
    // The manifest moves up to data/, naming the file under the directory about to become a link.
    const manifest = readFileSync(join(repo.dir, "data/sub/rows.dvc"), "utf8");
    writeFileSync(join(repo.dir, "data/rows.dvc"), manifest.replace("path: rows.csv", "path: sub/rows.csv"));
    rmSync(join(repo.dir, "data/sub"), { recursive: true });
    symlinkSync(outside.dir, join(repo.dir, "data/sub"));

    const checkout = runCli(["data", "checkout", "--force"], { cwd: repo.dir });
    expect(checkout.code, checkout.stdout).not.toBe(0);
    expect(checkout.stderr).toMatch(/refusing to write data\/sub\/rows\.csv: .*outside the repository/);
    expect(readdirSync(outside.dir)).toEqual([]);
    expect(existsSync(join(outside.dir, "rows.csv"))).toBe(false);
  });
});

describe("directory listings", () => {
  it.each([
    ["..\\x", /backslash/],
    ["a/../../x", /'\.\.' segment/],
    ["C:x", /drive letter/],
    ["c:/Windows/x", /drive letter/],
    ["/etc/passwd", /absolute/],
    ["a//b", /empty segment/],
    ["./a", /'\.' segment/],
    ["", /empty/],
    ["a\u0000b", /NUL/],
  ])("refuses the relpath %j", (relpath, why) => {
    const err = refusal(listing(relpath));
    expect(err.message).toMatch(/names a path outside its directory/);
    expect(err.field).toMatch(/\[0\]\.relpath$/);
    expect(err.got).toMatch(why);
  });

  it("accepts plain nested names", () => {
    const bytes = listing("images/train/cat 1.png");
    expect(parseListing(bytes, listingId(bytes))).toHaveLength(1);
  });

  it("never accepts a relpath that resolves outside its directory on POSIX or Windows (fuzzed)", () => {
    const piece = fc.constantFrom(
      "..",
      ".",
      "",
      "a",
      "b.c",
      "\\",
      "/",
      "C:",
      "\u0000",
      "~",
      " ",
      "..\\",
      "%2e",
    );
    const relpath = fc.oneof(
      fc.array(piece, { maxLength: 8 }).map((parts) => parts.join("")),
      fc.array(piece, { maxLength: 6 }).map((parts) => parts.join("/")),
      fc.string({ unit: "binary", maxLength: 40 }),
    );
    fc.assert(
      fc.property(relpath, (r) => {
        const bytes = listing(r);
        let accepted = false;
        try {
          parseListing(bytes, listingId(bytes));
          accepted = true;
        } catch (err) {
          expect(err).toBeInstanceOf(MlopsError);
        }
        if (accepted) {
          expect(posix.resolve("/base", r).startsWith("/base/")).toBe(true);
          expect(win32.resolve("D:\\base", r).startsWith("D:\\base\\")).toBe(true);
        }
      }),
      { seed: 17, numRuns: 10_000 },
    );
  });

  it("answers any bytes with entries or an MlopsError (fuzzed)", () => {
    const entry = fc.record({
      relpath: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      sha256: fc.oneof(fc.constant(sha), fc.string()),
      size: fc.oneof(fc.integer(), fc.double(), fc.constant("1")),
    });
    const doc = fc.oneof(
      fc.array(entry, { maxLength: 4 }).map((v) => Buffer.from(JSON.stringify(v))),
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? "null")),
      fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
    );
    fc.assert(
      fc.property(doc, (bytes) => {
        try {
          parseListing(bytes, listingId(bytes));
        } catch (err) {
          expect(err).toBeInstanceOf(MlopsError);
        }
      }),
      { seed: 17, numRuns: 10_000 },
    );
  });
});
