// The `promote` action's door: inputs in, one call into src/flows (merge → stage, or release tag →
// prod), outputs and the job summary out.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type * as Core from "@actions/core";
import { userMessage } from "../../src/errors/index.js";
import { lineLogger } from "../../src/log/index.js";

// Loaded after the first log line (below): a job shows the step started before the bundle is parsed.
let core: typeof Core;

function list(text: string): string[] | undefined {
  const names = text.split(/[\s,]+/).filter(Boolean);
  return names.length ? names : undefined;
}

export async function run(): Promise<void> {
  try {
    const { repoLayout } = await import("../../src/repo/index.js");
    const flows = await import("../../src/flows/index.js");
    const github = await import("../../src/github/index.js");
    const { resolveTagRemote } = await import("../../src/registry/index.js");
    const root = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const layout = repoLayout(root);
    const token = core.getInput("token");
    if (token) core.setSecret(token);
    const password = core.getInput("registry-password");
    if (password) core.setSecret(password);
    const logger = lineLogger(core);
    const tagRemote = await resolveTagRemote(root, undefined, token || undefined);
    const models = list(core.getInput("models"));
    const common = {
      ...(models ? { models } : {}),
      ...(tagRemote ? { tagRemote } : {}),
      provenance: flows.runProvenance(),
      logger,
    };
    const stage = core.getInput("stage") || "staging";
    const releaseTag = core.getInput("release-tag");

    let lines: import("../../src/flows/index.js").PromotionLine[];
    let summary: string;
    if (!releaseTag) {
      const sourceUrl = github.repositoryUrlOf();
      const images = await flows.imagePublisher(layout, {
        repository: core.getInput("image-repository"),
        // The two test seams (README, "Development"): a harness with no route to GitHub's container
        // registry or to the base image's host names local stand-ins; unset on GitHub.
        base: core.getInput("base-image") || process.env.MLOPS_BASE_IMAGE_OVERRIDE || "",
        githubRepository: process.env.GITHUB_REPOSITORY ?? "",
        containerRegistryHost: process.env.MLOPS_GHCR_HOST_OVERRIDE ?? "",
        // The serving bundle lives with the build-image action; onnxruntime is the repository's,
        // from `npm ci`.
        serverBundleDir: join(dirname(fileURLToPath(import.meta.url)), "../../build-image/server"),
        nodeModulesDir: dirname(
          dirname(createRequire(import.meta.url).resolve("onnxruntime-node/package.json")),
        ),
        ...(sourceUrl ? { sourceUrl } : {}),
        registry: {
          ...(password
            ? { auth: { username: core.getInput("registry-username") || "mlops", password } }
            : {}),
          logger,
        },
        logger,
      });
      const results = await flows.promoteMerged(layout, { ...common, stage, ...(images ? { images } : {}) });
      lines = results.map(flows.promotionLine);
      for (const r of results) {
        if (r.status === "refused") core.warning(r.message, { title: `${r.model} not promoted to ${stage}` });
      }
      summary = flows.promotionSummary(`Merge → ${stage}`, lines);
    } else {
      // The images the merge flow pushed: the configured repository, else (on GitHub) the container
      // registry under this repository's name, as imagePublisher chose for the merge.
      const githubRepository = process.env.GITHUB_REPOSITORY ?? "";
      const imageRepository =
        core.getInput("image-repository") ||
        (githubRepository
          ? flows.defaultImageRepository(githubRepository, process.env.MLOPS_GHCR_HOST_OVERRIDE || undefined)
          : "");
      // Shadow summaries for the cards that ask for a shadow period: files or directories of
      // `mlops report --shadow LOG --json` output, committed on main before the tag or downloaded by
      // an earlier step; a path that does not exist reads as none.
      const shadowPaths = list(core.getInput("shadow-summary")) ?? [];
      const shadow = await flows.readShadowSummaries(root, shadowPaths);
      if (shadow.files.length) logger.info(`shadow summaries: ${shadow.files.join(", ")}`);
      const released = await flows.releaseToProd(layout, {
        ...common,
        ...(imageRepository ? { imageRepository } : {}),
        shadowSummaries: shadow.summaries,
        shadowSources: shadowPaths.length
          ? flows.describeShadowSources(shadow)
          : "the shadow-summary input is empty",
        tag: releaseTag,
        from: core.getInput("from-stage") || "staging",
        to: stage,
      });
      lines = released.map(flows.promotionLine);
      summary = flows.promotionSummary(`Release ${releaseTag} → ${stage}`, lines);
      if (core.getBooleanInput("publish-release")) {
        const published = await flows.publishReleasePage(github.clientOf(token), {
          ...github.repositoryOf(),
          tag: releaseTag,
          commit: await flows.commitOf(root, releaseTag),
          released,
        });
        core.setOutput("release-url", published.url);
        summary += `\nRelease: ${published.url} (${published.uploaded.length} assets uploaded, ${published.assets.length - published.uploaded.length} already there)\n`;
      }
    }
    await core.summary.addRaw(summary).write();
    const refused = lines.filter((l) => l.status === "refused").length;
    core.setOutput("results", JSON.stringify(lines));
    core.setOutput("promoted", String(lines.filter((l) => l.status === "promoted").length));
    core.setOutput("refused", String(refused));
    if (refused && core.getBooleanInput("fail-on-refusal")) {
      core.setFailed(`${refused} model(s) refused by their ${stage} gates`);
    }
  } catch (err) {
    core.setFailed(userMessage(err));
  }
}

process.stdout.write("mlops promote\n");
core = await import("@actions/core");
await run();
