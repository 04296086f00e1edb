import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { remoteConfig } from "../src/manifest/repo-config.js";
import { openRemote, parseS3Url } from "../src/store/index.js";
import { parseImportSpec } from "../src/tracking/index.js";

const bucketChar = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-.");
const alnum = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789");
const validBucket = fc
  .tuple(alnum, fc.string({ unit: bucketChar, minLength: 1, maxLength: 40 }), alnum)
  .map(([a, mid, z]) => `${a}${mid}${z}`)
  .filter((b) => !b.includes(".."));
const segment = fc.string({ unit: fc.constantFrom(..."abcXYZ019_-=+"), minLength: 1, maxLength: 12 });

describe("s3:// remote URLs", () => {
  it("reads a bucket and an optional prefix, the prefix always ending in '/'", () => {
    expect(parseS3Url("s3://my-bucket")).toEqual({ bucket: "my-bucket", prefix: "" });
    expect(parseS3Url("s3://my-bucket/")).toEqual({ bucket: "my-bucket", prefix: "" });
    expect(parseS3Url("s3://my-bucket/team/project")).toEqual({
      bucket: "my-bucket",
      prefix: "team/project/",
    });
    expect(parseS3Url("s3://my-bucket/team/project/")).toEqual({
      bucket: "my-bucket",
      prefix: "team/project/",
    });
  });

  it("refuses bucket names S3 refuses and prefixes that climb or hold empty segments", () => {
    for (const bad of [
      "s3://",
      "s3://ab",
      "s3://Upper",
      "s3://under_score",
      "s3://-lead",
      "s3://a..b",
      "s3://bucket/../x",
      "s3://bucket/a//b",
      "s3://bucket/./a",
      "s3://bucket//",
    ]) {
      expect(parseS3Url(bad), bad).toBeUndefined();
    }
  });

  it("names the remote, the field and the expected form when the URL is not an S3 location", () => {
    expect(() => openRemote({ name: "store", url: "s3://Bad_Bucket/x" }, "/repo", { env: {} })).toThrow(
      /remote 'store': 's3:\/\/Bad_Bucket\/x' is not an S3 location/,
    );
    expect(() =>
      openRemote({ name: "local", url: "/srv/store", endpoint: "http://127.0.0.1:9000" }, "/repo", {
        env: {},
      }),
    ).toThrow(/apply to s3:\/\/ remotes only/);
  });

  it("round-trips any valid bucket and prefix (property, fixed seed)", () => {
    fc.assert(
      fc.property(validBucket, fc.array(segment, { maxLength: 5 }), (bucket, segments) => {
        const url = `s3://${bucket}${segments.length ? `/${segments.join("/")}` : ""}`;
        expect(parseS3Url(url)).toEqual({
          bucket,
          prefix: segments.length ? `${segments.join("/")}/` : "",
        });
      }),
      { seed: 19, numRuns: 500 },
    );
  });

  it("never throws and never yields a key prefix that climbs, on any input (property, fixed seed)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (tail) => {
        const parsed = parseS3Url(`s3://${tail}`);
        if (parsed) {
          expect(parsed.prefix === "" || parsed.prefix.endsWith("/")).toBe(true);
          expect(parsed.prefix.split("/")).not.toContain("..");
          expect(parsed.prefix.startsWith("/")).toBe(false);
          expect(parsed.bucket).toMatch(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/);
        }
      }),
      { seed: 19, numRuns: 2000 },
    );
  });

  it("keeps endpoints, regions and path style in the remote entry, and refuses a non-http endpoint", () => {
    expect(
      remoteConfig.parse({
        url: "s3://b-1/x",
        endpoint: "http://127.0.0.1:9000",
        region: "auto",
        pathStyle: true,
      }),
    ).toEqual({ url: "s3://b-1/x", endpoint: "http://127.0.0.1:9000", region: "auto", pathStyle: true });
    expect(remoteConfig.safeParse({ url: "s3://b-1", endpoint: "ftp://x" }).success).toBe(false);
    expect(remoteConfig.safeParse({ url: "s3://b-1", secret: "x" }).success).toBe(false);
  });
});

describe("s3:// import sources", () => {
  it("takes an object or a prefix, and refuses keys that climb", () => {
    expect(parseImportSpec("s3://logs-bucket/prod/2026-12-06.parquet")).toEqual({
      s3: "s3://logs-bucket/prod/2026-12-06.parquet",
    });
    expect(parseImportSpec("s3://logs-bucket/prod/")).toEqual({ s3: "s3://logs-bucket/prod/" });
    expect(() => parseImportSpec("s3://logs-bucket/../etc")).toThrow(/is not an S3 object or prefix/);
    expect(() => parseImportSpec("s3://logs-bucket")).toThrow(/is not an S3 object or prefix/);
  });

  it("never throws anything but a usage error on any s3:// text (property, fixed seed)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (tail) => {
        try {
          const parsed = parseImportSpec(`s3://${tail}`);
          expect("s3" in parsed).toBe(true);
        } catch (err) {
          expect((err as { code?: string }).code).toBe("usage");
        }
      }),
      { seed: 19, numRuns: 1000 },
    );
  });
});
