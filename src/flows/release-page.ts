import type { GitHubClient } from "../github/client.js";
import { type PublishedRelease, publishRelease } from "../github/release.js";
import { composeReleaseBody } from "../github/release-notes.js";
import type { ReleasePromotion } from "./release.js";

/** The GitHub Release of a release tag: each model's card in the body, its ONNX file and manifest as assets. */
export async function publishReleasePage(
  client: GitHubClient,
  options: { owner: string; repo: string; tag: string; commit: string; released: ReleasePromotion[] },
): Promise<PublishedRelease> {
  const { released } = options;
  const body = composeReleaseBody({
    tag: options.tag,
    commit: options.commit,
    models: released.map((r) => ({
      name: r.model,
      version: r.version,
      description: r.card.description,
      task: r.card.task,
      owner: r.card.owner,
      metrics: r.manifest.metrics,
      ...(r.imageDigest ? { imageDigest: r.imageDigest } : {}),
      previousVersion: r.previous,
      assets: r.assets.map((a) => a.name),
    })),
  });
  return publishRelease(client, {
    owner: options.owner,
    repo: options.repo,
    tag: options.tag,
    name: options.tag,
    body,
    assets: released.flatMap((r) => r.assets),
  });
}
