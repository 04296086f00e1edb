import { isAbsolute, resolve } from "node:path";
import type { Command } from "commander";
import { commandContext } from "../context.js";
import { type RemoteFlags, remoteOptions, tagRemoteFor } from "./registry.js";

/**
 * `mlops deploy …`: each environment's desired state as Kubernetes manifests, rendered from the
 * registry (the version a stage holds, the image digest its tag records, the model card), and the
 * environments branch the flows commit them to.
 */
export function register(program: Command): void {
  const deploy = program
    .command("deploy")
    .description(
      "render each environment's Kubernetes manifests from the registry; diff them with the environments branch",
    );

  remoteOptions(
    deploy
      .command("render")
      .description(
        "write the manifests of a stage's models: Deployment, Service, HPA, PDB (or a KServe InferenceService)",
      )
      .argument("[models...]", "models to render (default: every model the stage holds)")
      .requiredOption("--stage <stage>", "the stage whose versions are rendered, e.g. staging or prod")
      .option("--out <dir>", "directory that gets <environment>/ (default: deploy)", "deploy"),
  )
    .addHelpText(
      "after",
      `
Writes <out>/<environment>/<model>/ with the model's manifests and a kustomization.yaml, and
<out>/<environment>/kustomization.yaml listing every model directory there, so
\`kubectl apply -k <out>/<environment>\` deploys the environment. The environment is the one
.mlops/config.yaml maps the stage to (staging, production by default). The image is
images.repository/<model>@<digest the stage tag records>; replicas, resources, server settings and
the prediction log come from the model card's deploy: section. Rendering twice writes the same
bytes. A stage holding a version with no image digest is refused and nothing is written.`,
    )
    .action(async (models: string[], flags: RemoteFlags & { stage: string; out: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { repoLayout } = await import("../../repo/index.js");
      const { deployConfig, renderEnvironment, writeEnvironment } = await import("../../deploy/index.js");
      const layout = repoLayout(ctx.root);
      const tagRemote = await tagRemoteFor(ctx, flags);
      const rendered = await renderEnvironment(layout, flags.stage, {
        ...(models.length ? { models } : {}),
        ...(tagRemote ? { tagRemote } : {}),
      });
      const outDir = isAbsolute(flags.out) ? flags.out : resolve(ctx.root, flags.out);
      const written = await writeEnvironment(outDir, rendered, {
        partial: models.length > 0,
        namespace: (await deployConfig(layout)).settings.namespace,
      });
      const result = {
        stage: rendered.stage,
        environment: rendered.environment,
        directory: written.directory,
        models: rendered.models.map((m) => ({
          model: m.model,
          version: m.version,
          image: m.image,
          tag: m.tag,
        })),
        files: written.files,
      };
      ctx.output(result, () =>
        [
          ...result.models.map((m) => `${m.model} ${m.version}  ${m.image}`),
          `wrote ${written.files.length} files under ${written.directory}`,
        ].join("\n"),
      );
    });

  remoteOptions(
    deploy
      .command("diff")
      .description("what the next commit of a stage's environment to the environments branch would change")
      .requiredOption("--stage <stage>", "the stage whose environment is compared"),
  )
    .addHelpText(
      "after",
      `
Renders the stage's environment from the registry, as the merge and release flows and
\`mlops rollback\` would commit it, and prints the git diff against the tip of the environments
branch (deploy.branch and deploy.path in .mlops/config.yaml, in deploy.repository or origin).
Nothing is pushed. With --json: {changed, files: [{path, status}], patch, base, ...}.`,
    )
    .action(async (flags: RemoteFlags & { stage: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { repoLayout } = await import("../../repo/index.js");
      const { stageDiff } = await import("../../deploy/index.js");
      const tagRemote = await tagRemoteFor(ctx, flags);
      const diff = await stageDiff(repoLayout(ctx.root), flags.stage, tagRemote ? { tagRemote } : {});
      ctx.output(diff, () =>
        diff.changed
          ? diff.patch
          : `${diff.directory} on ${diff.branch} already holds what ${diff.stage} would commit: no change`,
      );
    });
}
