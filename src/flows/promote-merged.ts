import { commitEnvironment, requireDeployable } from "../deploy/index.js";
import { MlopsError } from "../errors/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import {
  checkGates,
  type GateResult,
  loadModelCard,
  loadModelCards,
  promoteModel,
  registerModel,
  type TagRemote,
} from "../registry/index.js";
import type { Provenance } from "../registry/register.js";
import type { RepoLayout } from "../repo/index.js";
import { assignOptions } from "./provenance.js";
import { currentAssignment, modelState, versionManifest } from "./registry-view.js";
import { type ImagePublisher, imageReference } from "./serving-images.js";
import { stageTarget } from "./targets.js";

export interface MergeFlowOptions {
  /** Models to consider (default: every models/<name>/model.yaml). */
  models?: string[];
  /** The stage merges go to (default `staging`). */
  stage?: string;
  tagRemote?: TagRemote;
  provenance?: Provenance;
  /** Builds each version about to enter the stage; none means no image (the stage tag has no digest). */
  images?: ImagePublisher;
  now?: number;
  /** For an HTTPS environments repository (default: the tag remote's token). */
  gitToken?: string;
  logger?: Logger;
}

/** The environments-branch commit that holds a stage's manifests after a flow. */
export interface ManifestsCommit {
  branch: string;
  /** `<path>/<environment>` in that branch. */
  directory: string;
  commit: string | undefined;
  /** False when the branch already held these manifests (a rerun). */
  created: boolean;
}

export function manifestsOf(
  commit: Awaited<ReturnType<typeof commitEnvironment>>,
): { manifests: ManifestsCommit } | Record<string, never> {
  return commit
    ? {
        manifests: {
          branch: commit.branch,
          directory: commit.directory,
          commit: commit.commit,
          created: commit.created,
        },
      }
    : {};
}

export type PromotionStatus = "promoted" | "unchanged" | "refused";

export interface ModelPromotion {
  model: string;
  version: string;
  stage: string;
  environment: string;
  environmentUrl?: string;
  status: PromotionStatus;
  /** The commit the version was built from. */
  commit: string;
  /** True when this run registered the version (false: the artifact was registered before). */
  registered: boolean;
  previous: string | null;
  /** The stage tag that holds the version (this run's, or the earlier one when unchanged). */
  tag?: string;
  imageDigest?: string;
  imageReference?: string;
  gates: GateResult[];
  /** The stage's manifests on the environments branch, when the repo keeps them (config `deploy:`). */
  manifests?: ManifestsCommit;
  /** One sentence for the job summary. */
  message: string;
}

/**
 * What a push to `main` does for every model: register what the pipeline built (an artifact
 * registered before gives its existing version), and when the stage does not already hold that
 * version, check the stage's gates, pass through the stages before it (`dev`) when the version has
 * never been there, build the image and assign the stage with the image's digest.
 *
 * It acts on the state of the tree, not on one commit's diff: a run at the tip handles everything
 * merged since the last promotion, so a queued run that GitHub's concurrency cancels loses nothing,
 * and running again for the same commit registers and assigns nothing new.
 */
export async function promoteMerged(
  layout: RepoLayout,
  options: MergeFlowOptions = {},
): Promise<ModelPromotion[]> {
  const logger = options.logger ?? silentLogger;
  const stage = options.stage ?? "staging";
  const names = options.models ?? (await loadModelCards(layout)).map((card) => card.name);
  const target = await stageTarget(layout, stage);
  // Before anything is registered: manifests need image digests, which only an image build gives.
  await requireDeployable(layout, {
    stage,
    imagesConfigured: options.images !== undefined,
    ...(options.images ? { imageRepository: options.images.repository } : {}),
  });
  const results: ModelPromotion[] = [];
  for (const name of names) {
    const card = await loadModelCard(layout, name);
    const order = card.stages;
    if (!order.includes(stage)) {
      throw new MlopsError("usage", `'${stage}' is not a stage of ${name}`, {
        file: `models/${name}/model.yaml`,
        field: "stages",
        expected: `one of: ${order.join(", ")}`,
      });
    }
    const registered = await registerModel(layout, name, {
      ...(options.tagRemote ? { tagRemote: options.tagRemote } : {}),
      ...(options.provenance ? { provenance: options.provenance } : {}),
      ...(options.now !== undefined ? { now: options.now } : {}),
      logger,
    });
    const version = registered.version;
    const state = await modelState(layout, name, undefined);
    if (!state) throw new MlopsError("internal", `${name} has no registry state after registering`);
    const held = state.current.get(stage) ?? null;
    // An image the stage already holds is named as a fresh push would name it, so a rerun reports
    // (and deploys) exactly what the first run did.
    const withImage = (digest: string | undefined) =>
      digest
        ? {
            imageDigest: digest,
            ...(options.images
              ? { imageReference: imageReference(options.images.repository, name, version, digest) }
              : {}),
          }
        : {};
    const base = {
      model: name,
      version,
      stage,
      environment: target.environment,
      ...(target.url ? { environmentUrl: target.url } : {}),
      commit: registered.manifest.commit,
      registered: registered.created,
      previous: held,
    };
    if (held === version) {
      const current = await currentAssignment(layout, state, stage);
      results.push({
        ...base,
        status: "unchanged",
        ...(current ? { tag: current.tag } : {}),
        ...withImage(current?.assignment.image_digest),
        gates: [],
        message: `${name} ${stage} already holds ${version}`,
      });
      continue;
    }
    // Gates first: a refused version costs no image build and leaves every stage as it was.
    const candidate = registered.manifest;
    const current = held ? await versionManifest(layout, state, held) : undefined;
    // promoteModel checks them again under its lock-free retry; the evaluations are not repeated.
    const evaluations = new Map<string, Record<string, number>>();
    const gates = await checkGates(stage, { layout, card, candidate, current, evaluations });
    const failed = gates.filter((g) => !g.passed);
    if (failed.length) {
      results.push({
        ...base,
        status: "refused",
        gates,
        message: `${name}@${version} may not enter ${stage}: ${failed.map((g) => `${g.gate} (${g.detail})`).join("; ")}; ${stage} still holds ${held ?? "nothing"}`,
      });
      continue;
    }
    const assign = assignOptions({ ...options, logger });
    for (const earlier of order.slice(0, order.indexOf(stage))) {
      const been = (state.stages.get(earlier) ?? []).some(
        (e) => e.action === "assign" && e.version === version,
      );
      if (!been)
        await promoteModel(layout, name, version, earlier, { ...assign, reason: `on its way to ${stage}` });
    }
    const digest = options.images ? await options.images.publish(name, version) : undefined;
    const promoted = await promoteModel(layout, name, version, stage, {
      ...assign,
      evaluations,
      environment: target.environment,
      ...(digest && options.images
        ? { imageDigest: digest, imageRepository: options.images.repository }
        : {}),
      reason: "merged to main",
    });
    results.push({
      ...base,
      status: promoted.created ? "promoted" : "unchanged",
      tag: promoted.tag,
      ...withImage(digest),
      gates: promoted.gates,
      message: promoted.created
        ? `${name} ${stage}: ${held ?? "nothing"} → ${version}`
        : `${name} ${stage} already holds ${version}`,
    });
  }
  // The environment follows the registry: one commit for the whole stage, none when it is unchanged.
  if (results.some((r) => r.status !== "refused")) {
    const manifests = manifestsOf(
      await commitEnvironment(layout, stage, {
        ...(options.tagRemote ? { tagRemote: options.tagRemote } : {}),
        ...(options.gitToken ? { token: options.gitToken } : {}),
        reason: "merged to main",
        ...(options.images ? { imageRepository: options.images.repository } : {}),
        logger,
      }),
    );
    return results.map((r) => (r.status === "refused" ? r : { ...r, ...manifests }));
  }
  return results;
}
