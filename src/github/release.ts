import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { MlopsError } from "../errors/index.js";
import type { GitHubClient } from "./client.js";

export interface ReleaseAssetFile {
  /** The file to upload. */
  path: string;
  /** The asset's name on the release; see `releaseAssetName` for the characters allowed. */
  name: string;
  /** Its media type, which GitHub serves it with (`application/octet-stream` for ONNX). */
  contentType: string;
}

export interface ReleaseOptions {
  owner: string;
  repo: string;
  /** An existing tag: the release never creates or moves one. */
  tag: string;
  name: string;
  body: string;
  assets: ReleaseAssetFile[];
}

export interface PublishedRelease {
  id: number;
  url: string;
  /** False when the release of this tag already existed. */
  created: boolean;
  /** Every asset of `options.assets`, by name, in the order given. */
  assets: string[];
  /** The assets this call uploaded; empty when a re-run found them all in place. */
  uploaded: string[];
}

/** GitHub's limit on a release body. */
const maxReleaseBody = 125_000;

/**
 * GitHub renames asset names with characters outside letters, digits, `.`, `-` and `_`, in a way it
 * does not document (https://docs.github.com/rest/releases/assets#upload-a-release-asset). A renamed
 * asset could not be found again by name, so publishing would upload it again on every re-run: names
 * are made safe here, before GitHub sees them. `fuel-efficiency@v1.0.0.yaml` → `fuel-efficiency-v1.0.0.yaml`.
 */
export function releaseAssetName(name: string): string {
  return name
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/^[.-]+|[.-]+$/g, "");
}

function checkAssetNames(assets: ReleaseAssetFile[]): void {
  const seen = new Set<string>();
  for (const [index, asset] of assets.entries()) {
    if (!asset.name || releaseAssetName(asset.name) !== asset.name) {
      throw new MlopsError("usage", `release asset '${asset.name}' has a name GitHub would rename`, {
        field: `assets[${index}].name`,
        expected: "letters, digits, '.', '-' and '_', not starting or ending with '.'",
        hint: `use releaseAssetName(): '${releaseAssetName(asset.name)}'`,
      });
    }
    if (seen.has(asset.name)) {
      throw new MlopsError("usage", `two release assets are named '${asset.name}'`, {
        field: `assets[${index}].name`,
      });
    }
    seen.add(asset.name);
  }
}

function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown }).status;
  return typeof status === "number" ? status : undefined;
}

async function releaseByTag(client: GitHubClient, owner: string, repo: string, tag: string) {
  try {
    return (await client.rest.repos.getReleaseByTag({ owner, repo, tag })).data;
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/**
 * Where uploads go, from the release's `upload_url` hypermedia template: uploads.github.com on
 * github.com, `<host>/api/uploads` on GitHub Enterprise Server. Octokit's default would be wrong on GHES.
 */
function uploadBaseUrl(uploadUrl: string): string {
  const base = uploadUrl
    .replace(/\{[^}]*\}$/, "")
    .replace(/\/repos\/[^/]+\/[^/]+\/releases\/\d+\/assets$/, "");
  if (base === uploadUrl.replace(/\{[^}]*\}$/, "")) {
    throw new MlopsError("remote", `GitHub returned an upload_url of an unexpected shape: ${uploadUrl}`);
  }
  return base;
}

/**
 * Publishes the release of an existing tag with its assets. Safe to re-run: the release is found by
 * its tag (its name and body are updated when they changed), and an asset already there with the same
 * name and content is not uploaded again. An asset of the same name with other content is refused, not
 * replaced: people may have downloaded the released file. An upload that GitHub left unfinished (state
 * other than `uploaded`) is deleted and uploaded again.
 */
export async function publishRelease(
  client: GitHubClient,
  options: ReleaseOptions,
): Promise<PublishedRelease> {
  const { owner, repo, tag } = options;
  checkAssetNames(options.assets);
  if (options.body.length > maxReleaseBody) {
    throw new MlopsError("usage", `the release body of ${tag} has ${options.body.length} characters`, {
      field: "body",
      expected: `at most ${maxReleaseBody} characters (GitHub's limit)`,
    });
  }

  let release = await releaseByTag(client, owner, repo, tag);
  let created = false;
  if (!release) {
    try {
      const { data } = await client.rest.repos.createRelease({
        owner,
        repo,
        tag_name: tag,
        name: options.name,
        body: options.body,
        draft: false,
        prerelease: false,
      });
      release = data;
      created = true;
    } catch (err) {
      // Another run of the same release got there first: take its release.
      if (statusOf(err) !== 422) throw err;
      release = await releaseByTag(client, owner, repo, tag);
      if (!release) throw err;
    }
  }
  if (!created && (release.name !== options.name || (release.body ?? "") !== options.body)) {
    const { data } = await client.rest.repos.updateRelease({
      owner,
      repo,
      release_id: release.id,
      name: options.name,
      body: options.body,
    });
    release = data;
  }

  const existing = await client.paginate(client.rest.repos.listReleaseAssets, {
    owner,
    repo,
    release_id: release.id,
    per_page: 100,
  });
  const baseUrl = uploadBaseUrl(release.upload_url);
  const uploaded: string[] = [];
  for (const asset of options.assets) {
    let bytes: Buffer;
    try {
      bytes = await readFile(asset.path);
    } catch (err) {
      throw new MlopsError("not-found", `cannot read release asset ${asset.path}`, {
        file: asset.path,
        cause: err,
      });
    }
    const digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
    const present = existing.find((candidate) => candidate.name === asset.name);
    if (present && present.state === "uploaded") {
      // Assets uploaded before GitHub reported digests carry none; then the size is what can be compared.
      const same = present.size === bytes.length && (!present.digest || present.digest === digest);
      if (same) continue;
      throw new MlopsError(
        "conflict",
        `release ${tag} already has an asset '${asset.name}' with other content`,
        {
          file: asset.path,
          expected: `${bytes.length} bytes, ${digest}`,
          got: `${present.size} bytes${present.digest ? `, ${present.digest}` : ""}`,
          hint: "a released file is not replaced; publish a new version instead, or delete the asset by hand",
        },
      );
    }
    if (present) await client.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: present.id });
    await client.rest.repos.uploadReleaseAsset({
      owner,
      repo,
      release_id: release.id,
      name: asset.name,
      baseUrl,
      headers: { "content-type": asset.contentType, "content-length": bytes.length },
      // Octokit's type says string, but it sends any body as given; a Buffer keeps binary files intact.
      data: bytes as unknown as string,
    });
    uploaded.push(asset.name);
  }
  return {
    id: release.id,
    url: release.html_url,
    created,
    assets: options.assets.map((asset) => asset.name),
    uploaded,
  };
}
