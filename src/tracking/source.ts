import { execFile } from "node:child_process";
import { createWriteStream, existsSync, statSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { MlopsError } from "../errors/index.js";
import { exactSemverPattern, npmPackageNamePattern } from "../manifest/common.js";
import type { DataSource } from "../manifest/data-manifest.js";
import type { RepoLayout } from "../repo/index.js";
import { createS3Client, isS3NotFound, s3Failure } from "../store/index.js";

const execFileAsync = promisify(execFile);

/** `vega-datasets@3.2.1/data/cars.json` or `@scope/pkg@1.0.0/dir`: package, optional version, path inside. */
export interface PackageSpec {
  package: string;
  version?: string;
  path: string;
}

/** `name[@version]/path`: the name and version are checked on their own below, for a clear message. */
const packagePattern = /^((?:@[^/@]+\/)?[^/@]+)(?:@([^/]*))?\/(.+)$/;

const packageExpected = "PACKAGE[@VERSION]/PATH (e.g. vega-datasets@3.2.1/data/cars.json) or https://…";

/** How a person reads a recorded source: its URL, `s3://…` location, or `package@version/path`. */
export function describeSource(source: DataSource): string {
  if ("url" in source) return source.url;
  if ("s3" in source) return source.s3;
  return `${source.package}@${source.version}/${source.path}`;
}

export function parseImportSpec(spec: string): { url: string } | { s3: string } | PackageSpec {
  if (/^https?:\/\//.test(spec) || /^data:/.test(spec)) return { url: spec };
  if (spec.startsWith("s3://")) {
    if (!parseS3Object(spec)) {
      throw new MlopsError("usage", `'${spec}' is not an S3 object or prefix`, {
        expected:
          "s3://BUCKET/KEY or s3://BUCKET/PREFIX/ (BUCKET: 3-63 lowercase letters, digits, '.' or '-')",
      });
    }
    return { s3: spec };
  }
  const match = packagePattern.exec(spec);
  if (!match) {
    throw new MlopsError("usage", `'${spec}' is neither an http(s) or data: URL nor an npm package path`, {
      expected: packageExpected,
    });
  }
  const [, pkg, version, path] = match as unknown as [string, string, string | undefined, string];
  // Only a registry package at an exact version: a git, file:, tarball or alias spec would have
  // `npm pack` fetch (and build, running its scripts) code from wherever the spec points.
  if (pkg.length > 214 || !npmPackageNamePattern.test(pkg)) {
    throw new MlopsError(
      "usage",
      `refusing the npm source '${spec}': '${pkg}' is not a registry package name`,
      {
        expected:
          "PACKAGE@VERSION/PATH with a registry package name (lowercase, optionally @scope/name); git, file: and URL specs are refused",
        got: spec,
      },
    );
  }
  if (version !== undefined && !exactSemverPattern.test(version)) {
    throw new MlopsError("usage", `refusing the npm source '${spec}': the version of ${pkg} is not exact`, {
      expected: "an exact version such as 3.2.1; git, file:, URL, range and tag specs are refused",
      got: spec,
    });
  }
  const normal = posix.normalize(path);
  if (normal.startsWith("..") || normal.startsWith("/")) {
    throw new MlopsError("usage", `the path inside the package must stay inside it, got '${path}'`);
  }
  return version === undefined ? { package: pkg, path: normal } : { package: pkg, version, path: normal };
}

async function installedVersion(layout: RepoLayout, pkg: string): Promise<string | undefined> {
  const manifest = join(layout.root, "node_modules", pkg, "package.json");
  if (!existsSync(manifest)) return undefined;
  const parsed = JSON.parse(await readFile(manifest, "utf8")) as { version?: unknown };
  return typeof parsed.version === "string" ? parsed.version : undefined;
}

/** The exact version to record: the one asked for, else the one installed, else the registry's latest. */
export async function resolvePackageVersion(layout: RepoLayout, spec: PackageSpec): Promise<string> {
  if (spec.version) return spec.version;
  if (!spec.version) {
    const installed = await installedVersion(layout, spec.package);
    if (installed) return installed;
  }
  const wanted = spec.version ? `${spec.package}@${spec.version}` : spec.package;
  try {
    const { stdout } = await execFileAsync("npm", ["view", wanted, "version", "--json"], {
      cwd: layout.root,
    });
    const parsed = JSON.parse(stdout) as string | string[];
    const version = Array.isArray(parsed) ? parsed.at(-1) : parsed;
    if (typeof version === "string" && exactSemverPattern.test(version)) return version;
  } catch (cause) {
    throw new MlopsError("remote", `could not resolve a version of ${wanted} from the npm registry`, {
      cause,
    });
  }
  throw new MlopsError("not-found", `no version of ${wanted} on the npm registry`);
}

/**
 * Writes the source's bytes to `dest` (a file or a directory, which must not exist yet). A package
 * comes from `node_modules` when the installed version is the recorded one, else from `npm pack`
 * of that exact version; the caller verifies the bytes against the manifest's hash.
 */
export async function fetchFromSource(layout: RepoLayout, source: DataSource, dest: string): Promise<void> {
  if ("s3" in source) {
    await fetchFromS3(source, dest);
    return;
  }
  if ("url" in source) {
    let response: Response;
    try {
      response = await fetch(source.url);
    } catch (cause) {
      throw new MlopsError("remote", `could not download ${source.url}`, { cause });
    }
    if (!response.ok || !response.body) {
      throw new MlopsError("remote", `downloading ${source.url} failed: HTTP ${response.status}`);
    }
    await pipeline(
      Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
      createWriteStream(dest, { flags: "wx" }),
    );
    return;
  }
  // Manifests are schema-checked on load; this guards every other caller the same way.
  parseImportSpec(`${source.package}@${source.version}/${source.path}`);
  const installed = await installedVersion(layout, source.package);
  if (installed === source.version) {
    const from = join(layout.root, "node_modules", source.package, source.path);
    if (existsSync(from)) {
      await cp(from, dest, { recursive: statSync(from).isDirectory(), errorOnExist: true, force: false });
      return;
    }
  }
  await mkdir(layout.tmpDir, { recursive: true });
  const scratch = await mkdtemp(join(layout.tmpDir, "pack-"));
  try {
    const spec = `${source.package}@${source.version}`;
    let tarball: string;
    try {
      // Scripts disabled: a registry tarball needs none to be unpacked, and none may run in a trusted job.
      const { stdout } = await execFileAsync(
        "npm",
        ["pack", spec, "--ignore-scripts", "--json", "--pack-destination", scratch],
        {
          cwd: scratch,
        },
      );
      const parsed = JSON.parse(stdout) as { filename: string }[];
      tarball = join(scratch, parsed[0]?.filename ?? "");
    } catch (cause) {
      throw new MlopsError("remote", `could not fetch ${spec} from the npm registry`, { cause });
    }
    const inside = `package/${source.path}`;
    const tar = await import("tar");
    await tar.x({ file: tarball, cwd: scratch, filter: (p) => p === inside || p.startsWith(`${inside}/`) });
    const extracted = join(scratch, inside);
    if (!existsSync(extracted)) {
      throw new MlopsError("not-found", `${spec} has no '${source.path}'`);
    }
    await cp(extracted, dest, { recursive: true, errorOnExist: true, force: false });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** `s3://BUCKET/KEY` (an object, or a prefix when it ends in `/` or holds no such object). */
function parseS3Object(url: string): { bucket: string; key: string; isPrefix: boolean } | undefined {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.+)$/.exec(url);
  if (!match) return undefined;
  const [, bucket, path] = match as unknown as [string, string, string];
  const key = path.replace(/\/+$/, "");
  const segments = key.split("/");
  if (key === "" || segments.some((s) => s === "" || s === "." || s === "..")) return undefined;
  return { bucket, key, isPrefix: path.endsWith("/") };
}

type S3Source = Extract<DataSource, { s3: string }>;

/**
 * Downloads one object to `dest`, or every object under a prefix into the directory `dest`
 * (keys become relative paths; a key that would climb out is refused). The caller hashes the result
 * against the manifest.
 */
async function fetchFromS3(source: S3Source, dest: string): Promise<void> {
  const parsed = parseS3Object(source.s3);
  if (!parsed) throw new MlopsError("usage", `'${source.s3}' is not an S3 object or prefix`);
  const where = `${source.s3}${source.endpoint ? ` at ${source.endpoint}` : ""}`;
  const client = await createS3Client({
    bucket: parsed.bucket,
    prefix: "",
    ...(source.endpoint ? { endpoint: source.endpoint } : {}),
    ...(source.region ? { region: source.region } : {}),
    ...(source.pathStyle ? { pathStyle: true } : {}),
  });
  const { GetObjectCommand, ListObjectsV2Command } = await import("@aws-sdk/client-s3");
  const getTo = async (key: string, path: string): Promise<void> => {
    const response = await client.send(new GetObjectCommand({ Bucket: parsed.bucket, Key: key }));
    await pipeline(response.Body as NodeJS.ReadableStream, createWriteStream(path, { flags: "wx" }));
  };
  try {
    if (!parsed.isPrefix) {
      try {
        await getTo(parsed.key, dest);
        return;
      } catch (err) {
        if (!isS3NotFound(err)) throw err;
        await rm(dest, { force: true });
      }
    }
    const prefix = `${parsed.key}/`;
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: parsed.bucket,
          Prefix: prefix,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      for (const entry of page.Contents ?? [])
        if (entry.Key && !entry.Key.endsWith("/")) keys.push(entry.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    if (keys.length === 0) {
      throw new MlopsError("not-found", `${where} is neither an object nor a prefix holding objects`);
    }
    await mkdir(dest);
    for (const key of keys) {
      const rel = key.slice(prefix.length);
      const normal = posix.normalize(rel);
      if (normal !== rel || normal.startsWith("../") || normal.startsWith("/")) {
        throw new MlopsError(
          "refused",
          `${where}: the key '${key}' does not map to a path inside the dataset`,
        );
      }
      const target = join(dest, ...normal.split("/"));
      await mkdir(dirname(target), { recursive: true });
      await getTo(key, target);
    }
  } catch (err) {
    throw s3Failure(err, `downloading ${source.s3}`, where, parsed.bucket);
  } finally {
    client.destroy();
  }
}
