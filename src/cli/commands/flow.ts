import type { Command } from "commander";
import { commandContext } from "../context.js";
import { packagedInputs, registryAuth } from "./image.js";
import { type RemoteFlags, remoteOptions, tagRemoteFor } from "./registry.js";

function models(text?: string): string[] | undefined {
  const names = (text ?? "").split(/[\s,]+/).filter(Boolean);
  return names.length ? names : undefined;
}

function table(rows: { model: string; version: string; status: string; message: string }[]): string {
  return rows.map((r) => `${r.status.padEnd(9)} ${r.model} ${r.version}  ${r.message}`).join("\n");
}

/**
 * `mlops flow …`: what promote.yml, release.yml and retrain.yml run, as commands a person can run on
 * the same repository without GitHub (the GitHub parts, deployments, the release page and the pull
 * request, stay with the workflows' actions).
 */
export function register(program: Command): void {
  const flow = program
    .command("flow")
    .description("run what the merge, release and retrain workflows run, locally");

  remoteOptions(
    flow
      .command("merge")
      .description("what a push to main does: register each model's build and move it to staging")
      .option("--stage <stage>", "the stage merges go to", "staging")
      .option("--models <names>", "models to consider, comma-separated (default: every model)")
      .option(
        "--image-repository <host/path>",
        "push serving images here (default: images.repository in .mlops/config.yaml)",
      )
      .option("--base <ref@sha256:…>", "base image for the serving images (default: images.base)"),
  )
    .addHelpText(
      "after",
      `
For every model: register what its pipeline built (the same artifact gives its existing version),
and unless the stage already holds that version, check the stage's gates (a refusal changes no
stage), pass through the earlier stages, build and push the serving image when an image repository
is configured, and assign the stage with the image's digest. Running it twice changes nothing.
Registry credentials for the image come from MLOPS_REGISTRY_TOKEN or MLOPS_REGISTRY_USERNAME and
MLOPS_REGISTRY_PASSWORD. The exit code is 0 even when a gate refused a model; --json says which.`,
    )
    .action(
      async (
        flags: RemoteFlags & { stage: string; models?: string; imageRepository?: string; base?: string },
        cmd: Command,
      ) => {
        const ctx = commandContext(cmd);
        const { repoLayout } = await import("../../repo/index.js");
        const { imagePublisher, promoteMerged, runProvenance } = await import("../../flows/index.js");
        const layout = repoLayout(ctx.root);
        const auth = registryAuth();
        const images = await imagePublisher(layout, {
          ...(flags.imageRepository ? { repository: flags.imageRepository } : {}),
          ...(flags.base ? { base: flags.base } : {}),
          ...packagedInputs(),
          registry: { ...(auth ? { auth } : {}), logger: ctx.logger },
          logger: ctx.logger,
        });
        const tagRemote = await tagRemoteFor(ctx, flags);
        const names = models(flags.models);
        const results = await promoteMerged(layout, {
          stage: flags.stage,
          ...(names ? { models: names } : {}),
          ...(tagRemote ? { tagRemote } : {}),
          provenance: runProvenance(),
          logger: ctx.logger,
          ...(images ? { images } : {}),
        });
        ctx.output(results, () => table(results));
      },
    );

  remoteOptions(
    flow
      .command("release")
      .description(
        "what a release tag does: every model's staging version goes to prod with its image digest",
      )
      .argument("<tag>", "the release tag, vX.Y.Z, already created on a commit of main")
      .option("--from <stage>", "the stage whose versions are released", "staging")
      .option("--to <stage>", "the stage they go to", "prod")
      .option("--main <ref>", "the main branch as this clone knows it (default: origin/main, else main)")
      .option("--models <names>", "models to release, comma-separated (default: every model)")
      .option(
        "--shadow-summary <path...>",
        "`mlops report --shadow LOG --json` output (files, or directories of *.json), for models whose card asks for a shadow period",
      ),
  )
    .addHelpText(
      "after",
      `
Refuses, before writing anything, a tag that is not on main, a model whose --from stage holds
nothing, a version built from a commit after the tag, or (when its card has \`shadow:
{min_requests, min_agreement}\`) a version no --shadow-summary shows running in prod's shadow on
enough requests with enough agreement. Each model's --to assignment records the
image digest --from recorded, so prod runs the bytes staging ran. Publishing the GitHub Release is
the release workflow's part.`,
    )
    .action(
      async (
        tag: string,
        flags: RemoteFlags & {
          from: string;
          to: string;
          main?: string;
          models?: string;
          shadowSummary?: string[];
        },
        cmd: Command,
      ) => {
        const ctx = commandContext(cmd);
        const { repoLayout } = await import("../../repo/index.js");
        const { releaseToProd, runProvenance, readShadowSummaries, describeShadowSources } = await import(
          "../../flows/index.js"
        );
        const { MlopsError } = await import("../../errors/index.js");
        // The action's reader: files, or directories of them. Named on the command line, a path that
        // does not exist is a mistake to report, not an empty shadow period.
        const shadowPaths = flags.shadowSummary ?? [];
        const shadow = await readShadowSummaries(process.cwd(), shadowPaths);
        if (shadow.missing.length > 0) {
          throw new MlopsError(
            "not-found",
            `cannot read ${shadow.missing.join(", ")}: no such file or directory`,
            {
              file: shadow.missing[0],
            },
          );
        }
        const tagRemote = await tagRemoteFor(ctx, flags);
        const names = models(flags.models);
        const results = await releaseToProd(repoLayout(ctx.root), {
          tag,
          from: flags.from,
          to: flags.to,
          ...(flags.main ? { mainRef: flags.main } : {}),
          ...(names ? { models: names } : {}),
          ...(tagRemote ? { tagRemote } : {}),
          shadowSummaries: shadow.summaries,
          ...(shadowPaths.length ? { shadowSources: describeShadowSources(shadow) } : {}),
          provenance: runProvenance(),
          logger: ctx.logger,
        });
        const out = results.map((r) => ({
          model: r.model,
          version: r.version,
          stage: r.stage,
          environment: r.environment,
          status: r.status,
          previous: r.previous,
          tag: r.tag,
          image_digest: r.imageDigest ?? null,
          assets: r.assets,
          message: r.message,
        }));
        ctx.output(out, () => table(out));
      },
    );

  flow
    .command("retrain")
    .description(
      "what the cron does: monitor on a fresh snapshot and, when the rule fires, push retrain/<model>",
    )
    .argument("<model>", "model under models/<name>/model.yaml with monitoring.current set")
    .option("--stage <stage>", "the stage whose model is monitored", "prod")
    .option(
      "--snapshot-source <source>",
      "where the fresh snapshot comes from: a URL, an npm spec, a file, or 'recorded' (the source its manifest records)",
    )
    .option("--git-remote <remote>", "git remote the branch is read from and pushed to", "origin")
    .option("--base <branch>", "the branch a new retrain branch starts from", "main")
    .addHelpText(
      "after",
      `
When the card's monitoring rule fires, the branch retrain/<model> gets the refreshed snapshot
manifest and the retrained pipeline's lock (on top of the branch when it exists) and is pushed, with
the new data sent to the data remote first. When it does not fire, nothing is written. The checkout
is left as it was. Opening the pull request is the retrain workflow's part.`,
    )
    .action(
      async (
        model: string,
        flags: { stage: string; snapshotSource?: string; gitRemote: string; base: string },
        cmd: Command,
      ) => {
        const ctx = commandContext(cmd);
        const { repoLayout } = await import("../../repo/index.js");
        const { retrainOnDrift } = await import("../../flows/index.js");
        const token = process.env.MLOPS_GIT_TOKEN ?? process.env.GITHUB_TOKEN;
        const result = await retrainOnDrift(repoLayout(ctx.root), {
          model,
          stage: flags.stage,
          ...(flags.snapshotSource ? { snapshotSource: flags.snapshotSource } : {}),
          gitRemote: flags.gitRemote,
          baseBranch: flags.base,
          ...(token ? { token } : {}),
          logger: ctx.logger,
        });
        const out = result.fired
          ? {
              fired: true,
              branch: result.branch,
              commit: result.commit,
              created: result.created,
              pushed: result.pushed,
              reasons: result.monitor.reasons,
              title: result.title,
            }
          : { fired: false, reasons: [] as string[] };
        ctx.output(out, () =>
          out.fired
            ? `${model}: the monitoring rule fired (${out.reasons.join(" ")})\n${"branch" in out ? `${out.branch} at ${out.commit}${out.created ? "" : " (unchanged)"}` : ""}`
            : `${model}: the monitoring rule did not fire; nothing was written`,
        );
      },
    );
}
