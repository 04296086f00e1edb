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

interface ResultLine {
  model: string;
  version: string;
  stage: string;
  environment: string;
  environment_url?: string;
  status: string;
  /** The commit the version was built from: what a deployment records. */
  commit: string;
  previous: string | null;
  tag?: string;
  image_digest?: string;
  image_reference?: string;
  message: string;
}

function list(text: string): string[] | undefined {
  const names = text.split(/[\s,]+/).filter(Boolean);
  return names.length ? names : undefined;
}

function summaryTable(title: string, lines: ResultLine[]): string {
  const rows = lines.map(
    (r) =>
      `| ${r.model} | ${r.version} | ${r.status} | ${r.previous ?? "—"} | ${r.environment} | ${r.image_digest ? `\`${r.image_digest.slice(0, 19)}…\`` : "—"} | ${r.message.replace(/\|/g, "\\|")} |`,
  );
  return [
    `### ${title}`,
    "",
    "| model | version | status | was | environment | image | |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

export async function run(): Promise<void> {
  try {
    const { repoLayout } = await import("../../src/repo/index.js");
    const { imageSettings, promoteMerged, releaseToProd, runProvenance } = await import(
      "../../src/flows/index.js"
    );
    const { resolveTagRemote } = await import("../../src/registry/index.js");
    const root = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const layout = repoLayout(root);
    const token = core.getInput("token");
    if (token) core.setSecret(token);
    const password = core.getInput("registry-password");
    if (password) core.setSecret(password);
    const logger = lineLogger({
      debug: (m) => core.debug(m),
      info: (m) => core.info(m),
      warn: (m) => core.warning(m),
    });
    const tagRemote = await resolveTagRemote(root, undefined, token || undefined);
    const provenance = runProvenance();
    const models = list(core.getInput("models"));
    const stage = core.getInput("stage") || "staging";
    const releaseTag = core.getInput("release-tag");

    let lines: ResultLine[];
    if (!releaseTag) {
      const config = await imageSettings(layout);
      const repository = core.getInput("image-repository") || config.repository;
      const base = core.getInput("base-image") || config.base;
      if (repository && !base) {
        throw new Error(
          "an image repository is set but no base image: give base-image (pinned by digest) or images.base in .mlops/config.yaml",
        );
      }
      const { publishModelImage } = await import("../../src/image/index.js");
      const registry = password
        ? { auth: { username: core.getInput("registry-username") || "mlops", password } }
        : {};
      const sourceUrl =
        process.env.GITHUB_SERVER_URL && process.env.GITHUB_REPOSITORY
          ? `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}`
          : undefined;
      const results = await promoteMerged(layout, {
        stage,
        ...(models ? { models } : {}),
        ...(tagRemote ? { tagRemote } : {}),
        provenance,
        logger,
        ...(repository && base
          ? {
              buildImage: async (model: string, version: string) => {
                const { image, pushed } = await publishModelImage(layout, {
                  selector: `${model}@${version}`,
                  base,
                  // The serving bundle lives with the build-image action; onnxruntime is the
                  // repository's, from `npm ci`.
                  serverBundleDir: join(dirname(fileURLToPath(import.meta.url)), "../../build-image/server"),
                  nodeModulesDir: dirname(
                    dirname(createRequire(import.meta.url).resolve("onnxruntime-node/package.json")),
                  ),
                  ...(sourceUrl ? { sourceUrl } : {}),
                  pushTo: `${repository}/${model}:${version}`,
                  registry: { ...registry, logger },
                  logger,
                });
                return {
                  digest: image.build.manifestDigest,
                  ...(pushed ? { reference: pushed.reference } : {}),
                };
              },
            }
          : {}),
      });
      lines = results.map((r) => {
        // A version the stage already held was pushed by an earlier run to the same place; naming
        // it the same way keeps the deploy action's payload identical, so a rerun records nothing new.
        const reference =
          r.imageReference ??
          (r.imageDigest && repository
            ? `${repository}/${r.model}:${r.version}@${r.imageDigest}`
            : undefined);
        return {
          model: r.model,
          version: r.version,
          stage: r.stage,
          environment: r.environment,
          ...(r.environmentUrl ? { environment_url: r.environmentUrl } : {}),
          status: r.status,
          commit: r.commit,
          previous: r.previous,
          ...(r.tag ? { tag: r.tag } : {}),
          ...(r.imageDigest ? { image_digest: r.imageDigest } : {}),
          ...(reference ? { image_reference: reference } : {}),
          message: r.message,
        };
      });
      for (const r of results) {
        if (r.status === "refused") core.warning(r.message, { title: `${r.model} not promoted to ${stage}` });
      }
      await core.summary.addRaw(summaryTable(`Merge → ${stage}`, lines)).write();
    } else {
      const results = await releaseToProd(layout, {
        tag: releaseTag,
        from: core.getInput("from-stage") || "staging",
        to: stage,
        ...(models ? { models } : {}),
        ...(tagRemote ? { tagRemote } : {}),
        provenance,
        logger,
      });
      lines = results.map((r) => ({
        model: r.model,
        version: r.version,
        stage: r.stage,
        environment: r.environment,
        ...(r.environmentUrl ? { environment_url: r.environmentUrl } : {}),
        status: r.status,
        commit: r.manifest.commit,
        previous: r.previous,
        tag: r.tag,
        ...(r.imageDigest ? { image_digest: r.imageDigest } : {}),
        message: r.message,
      }));
      let summary = summaryTable(`Release ${releaseTag} → ${stage}`, lines);
      if (core.getBooleanInput("publish-release")) {
        const { createGitHubClient, composeReleaseBody, publishRelease } = await import(
          "../../src/github/index.js"
        );
        const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? "").split("/");
        if (!owner || !repo) throw new Error("GITHUB_REPOSITORY is not set: cannot publish the release");
        const client = createGitHubClient({
          token,
          ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}),
        });
        const { commitOf } = await import("../../src/flows/index.js");
        const body = composeReleaseBody({
          tag: releaseTag,
          commit: await commitOf(root, releaseTag),
          models: results.map((r) => ({
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
        const published = await publishRelease(client, {
          owner,
          repo,
          tag: releaseTag,
          name: releaseTag,
          body,
          assets: results.flatMap((r) => r.assets),
        });
        core.setOutput("release-url", published.url);
        summary += `\nRelease: ${published.url} (${published.uploaded.length} assets uploaded, ${published.assets.length - published.uploaded.length} already there)\n`;
      }
      await core.summary.addRaw(summary).write();
    }
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
