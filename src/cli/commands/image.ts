import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { packageRoot } from "../../files/index.js";
import type { PushImageResult } from "../../image/index.js";
import { commandContext } from "../context.js";

interface BuildFlags {
  base: string;
  layout?: string;
  tag?: string;
  sourceUrl?: string;
  push?: string;
  insecure?: boolean;
}

interface PushFlags {
  to: string;
  insecure?: boolean;
}

/** Registry credentials from the environment only: never from argv, where `ps` and shell history see them. */
export function registryAuth(): { username: string; password: string } | { token: string } | undefined {
  const env = process.env;
  if (env.MLOPS_REGISTRY_TOKEN) return { token: env.MLOPS_REGISTRY_TOKEN };
  if (env.MLOPS_REGISTRY_PASSWORD)
    return { username: env.MLOPS_REGISTRY_USERNAME ?? "mlops", password: env.MLOPS_REGISTRY_PASSWORD };
  return undefined;
}

/** The server bundle and onnxruntime this installation of mlops ships: what goes into the image. */
export function packagedInputs(): { serverBundleDir: string; nodeModulesDir: string } {
  const require = createRequire(import.meta.url);
  return {
    serverBundleDir: join(packageRoot, "actions/build-image/server"),
    nodeModulesDir: dirname(dirname(require.resolve("onnxruntime-node/package.json"))),
  };
}

/** A push as `--json` prints it, the same for `image build --push` and `image push`. */
function pushJson(pushed: PushImageResult) {
  return {
    reference: pushed.reference,
    digest: pushed.digest,
    uploaded: pushed.uploaded,
    skipped: pushed.skipped,
    mounted: pushed.mounted,
    bytes_uploaded: pushed.bytesUploaded,
  };
}

const credentialsHelp = `
Registry credentials come from the environment: MLOPS_REGISTRY_TOKEN (a bearer token), or
MLOPS_REGISTRY_USERNAME and MLOPS_REGISTRY_PASSWORD (on GitHub: the actor and GITHUB_TOKEN for
ghcr.io). Loopback registries are spoken to over plain HTTP; --insecure does so for any host.`;

/** `mlops image build|push`: the serving image of a registered version, without a Docker daemon. */
export function register(program: Command): void {
  const image = program
    .command("image")
    .description("build and push the serving image of a registered model version (no Docker daemon)");

  image
    .command("build")
    .description("build the OCI image of name@vX.Y.Z or name#stage into an OCI layout, optionally pushing it")
    .argument("<model>", "name (latest version), name@vX.Y.Z or name#stage")
    .requiredOption("--base <image>", "base image with node, pinned by digest: registry/repo@sha256:…")
    .option("--layout <dir>", "where to write the OCI layout (default .mlops/images/<model>/<version>)")
    .option("--tag <tag>", "tag recorded in the layout's index")
    .option("--source-url <url>", "the repository's URL, for the org.opencontainers.image.source label")
    .option("--push <reference>", "then push to host[:port]/repository:tag")
    .option("--insecure", "speak plain HTTP to the registries")
    .addHelpText(
      "after",
      `
Layers: onnxruntime-node (linux/x64 only), the inference server bundle, then the model with its
version manifest and serving schema, so a new version is one new layer. Timestamps are the version
commit's time, entries are sorted and owned by root, so the same version gives the same digest.
The container runs as uid 10001 and serves on port 8080 (Open Inference Protocol, /predict, /metrics).
${credentialsHelp}

With --json: {model, version, commit, digest, layout, layers, size, push?: {reference, digest, uploaded, skipped, mounted}}.`,
    )
    .action(async (selector: string, flags: BuildFlags, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { repoLayout } = await import("../../repo/index.js");
      const { publishModelImage } = await import("../../image/index.js");
      const auth = registryAuth();
      const registry = {
        ...(auth ? { auth } : {}),
        ...(flags.insecure ? { insecure: true } : {}),
        logger: ctx.logger,
      };
      const { image: built, pushed } = await publishModelImage(repoLayout(ctx.root), {
        selector,
        base: flags.base,
        ...packagedInputs(),
        ...(flags.layout ? { layoutDir: resolve(flags.layout) } : {}),
        ...(flags.tag ? { tag: flags.tag } : {}),
        ...(flags.sourceUrl ? { sourceUrl: flags.sourceUrl } : {}),
        ...(flags.push ? { pushTo: flags.push } : {}),
        registry,
        logger: ctx.logger,
      });
      const result = {
        model: built.model,
        version: built.version,
        commit: built.commit,
        digest: built.build.manifestDigest,
        layout: built.build.layoutDir,
        size: built.build.size,
        layers: built.build.layers.map((l) => ({ digest: l.digest, size: l.size, origin: l.origin })),
        ...(pushed ? { push: pushJson(pushed) } : {}),
      };
      ctx.output(result, () =>
        [
          `${result.model} ${result.version}: ${result.digest} (${result.layers.length} layers, ${(result.size / 1e6).toFixed(1)} MB) in ${result.layout}`,
          ...(pushed
            ? [
                `pushed ${pushed.reference}: ${pushed.uploaded.length} blobs uploaded (${(pushed.bytesUploaded / 1e6).toFixed(1)} MB), ${pushed.skipped.length} already there, ${pushed.mounted.length} mounted`,
              ]
            : []),
        ].join("\n"),
      );
    });

  image
    .command("push")
    .description("push an OCI layout written by `mlops image build` to a registry")
    .argument("<layout>", "the OCI layout directory")
    .requiredOption("--to <reference>", "host[:port]/repository:tag")
    .option("--insecure", "speak plain HTTP to the registries")
    .addHelpText(
      "after",
      `${credentialsHelp}\n\nWith --json: {reference, digest, uploaded, skipped, mounted, bytes_uploaded}.`,
    )
    .action(async (layoutDir: string, flags: PushFlags, cmd: Command) => {
      const ctx = commandContext(cmd, { needsRepo: false });
      const { pushImage } = await import("../../image/index.js");
      const auth = registryAuth();
      const pushed = await pushImage({
        layoutDir: resolve(layoutDir),
        reference: flags.to,
        ...(auth ? { auth } : {}),
        ...(flags.insecure ? { insecure: true } : {}),
        logger: ctx.logger,
      });
      const result = pushJson(pushed);
      ctx.output(
        result,
        () =>
          `pushed ${pushed.reference}: ${pushed.uploaded.length} blobs uploaded, ${pushed.skipped.length} already there, ${pushed.mounted.length} mounted`,
      );
    });

  image
    .command("base-update")
    .description("check whether the tag of images.base points at a newer digest; --write pins it")
    .option("--write", "rewrite images.base in .mlops/config.yaml when its tag has a newer digest")
    .option("--insecure", "speak plain HTTP to the base image's registry")
    .addHelpText(
      "after",
      `
images.base must name its tag beside the digest (docker.io/library/node:24-bookworm-slim@sha256:…):
the tag is followed, the digest is what images are built on. The base is public, so no credentials
are sent. What the scheduled base-image workflow runs before proposing the change as a pull request.
The exit code is 0 whether or not a newer digest exists.
With --json: {base, tag, pinned, latest, outdated, proposed, written}.`,
    )
    .action(async (flags: { write?: boolean; insecure?: boolean }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { repoLayout } = await import("../../repo/index.js");
      const { followBaseImage } = await import("../../image/base-update.js");
      const result = await followBaseImage(repoLayout(ctx.root).configFile, {
        write: flags.write === true,
        registry: { ...(flags.insecure ? { insecure: true } : {}), logger: ctx.logger },
      });
      ctx.output(result, () =>
        result.outdated
          ? `${result.tag}: ${result.pinned} → ${result.latest}${result.written ? " (pinned in .mlops/config.yaml)" : ""}`
          : `${result.tag}: ${result.pinned} is the newest`,
      );
    });
}
