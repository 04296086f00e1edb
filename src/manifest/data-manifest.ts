import { z } from "zod";
import { exactSemver, nameSlug, npmPackageName, repoRelativePath, sha256Hex } from "./common.js";

/** Where an imported dataset came from, so a fresh clone can always materialise it again. */
export const dataSource = z.union([
  z.strictObject({
    package: npmPackageName,
    version: exactSemver,
    path: repoRelativePath.describe("file or directory inside the package"),
  }),
  z.strictObject({
    // An object or a prefix (a directory) of S3 or an S3-compatible store; credentials come from the
    // AWS SDK's chain at fetch time and are never recorded.
    s3: z
      .string()
      .regex(
        /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/,
        "expected s3://BUCKET/KEY or s3://BUCKET/PREFIX/",
      ),
    endpoint: z.url({ protocol: /^https?$/, error: "expected an http(s) endpoint URL" }).optional(),
    region: z
      .string()
      .regex(/^[a-z0-9-]{2,32}$/, "expected a region name like eu-west-1")
      .optional(),
    pathStyle: z.boolean().optional(),
  }),
  z.strictObject({
    // data: carries a few bytes inline, for a dataset whose first state has no home yet (an empty
    // production snapshot), so a fresh clone can still materialise it.
    url: z.url({ protocol: /^(https?|data)$/, error: "expected an http(s) URL or a data: URL" }),
  }),
]);

export const dataOut = z
  .strictObject({
    path: repoRelativePath.describe("workspace copy, relative to the manifest's directory (git-ignored)"),
    hash: z.literal("sha256", { error: "expected 'sha256'" }),
    sha256: z
      .string()
      .regex(
        /^[0-9a-f]{64}(\.dir)?$/,
        "expected a sha256 (64 lowercase hex), suffixed '.dir' for a directory",
      ),
    size: z.number().int().nonnegative("expected a size in bytes (>= 0)"),
    nfiles: z.number().int().nonnegative().optional().describe("directories only: number of files"),
  })
  .refine((o) => (o.sha256.endsWith(".dir") ? o.nfiles !== undefined : o.nfiles === undefined), {
    message: "expected 'nfiles' exactly when the hash is a directory hash ending in '.dir'",
    path: ["nfiles"],
  });

/** `data/<dataset>.dvc`: DVC's shape with sha256 instead of md5. */
export const dataManifest = z.strictObject({
  outs: z.array(dataOut).min(1, "expected at least one output"),
  source: dataSource.optional(),
  schema: repoRelativePath.optional().describe("the dataset schema file, relative to the manifest"),
  desc: z.string().optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
});

export type DataSource = z.infer<typeof dataSource>;
export type DataOut = z.infer<typeof dataOut>;
export type DataManifest = z.infer<typeof dataManifest>;

export { nameSlug, sha256Hex };

/**
 * A `.dvc` file DVC itself wrote (md5 hashes, no sha256). mlops leaves such files to DVC instead of
 * rejecting them, so a project can run both tools while it moves over (`mlops import dvc`).
 */
export function isDvcOwnFile(text: string): boolean {
  return /^\s*-?\s*md5:\s*[0-9a-f]{32}/m.test(text) && !/^\s*-?\s*sha256:/m.test(text);
}
