import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { commitEnvironment, deployConfig } from "../deploy/index.js";
import { MlopsError } from "../errors/index.js";
import { writeFileAtomic } from "../files/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import type { ModelCard, ModelVersion } from "../manifest/index.js";
import {
  loadModelCards,
  type ModelState,
  modelObjectPath,
  promoteModel,
  type TagRemote,
} from "../registry/index.js";
import { readAnnotations } from "../registry/refs.js";
import type { Provenance } from "../registry/register.js";
import type { RepoLayout } from "../repo/index.js";
import { type ManifestsCommit, manifestsOf } from "./promote-merged.js";
import { assignOptions } from "./provenance.js";
import { commitOf, currentAssignment, isAncestor, modelState, versionManifest } from "./registry-view.js";
import { type ShadowSummaryFile, shadowGateProblem } from "./shadow-gate.js";
import { stageTarget } from "./targets.js";

export interface ReleaseOptions {
  /** The release tag, `vX.Y.Z`. */
  tag: string;
  /** The main branch as this clone knows it (default `origin/main`, else `main`). */
  mainRef?: string;
  from?: string;
  to?: string;
  models?: string[];
  tagRemote?: TagRemote;
  provenance?: Provenance;
  now?: number;
  /** For an HTTPS environments repository (default: the tag remote's token). */
  gitToken?: string;
  /** Where the merge flow pushed the images when the config names no repository (the manifests name it). */
  imageRepository?: string;
  /** `mlops report --shadow --json` summaries, for the cards that ask for a shadow period (`shadow`). */
  shadowSummaries?: ShadowSummaryFile[];
  /** Where they were read from, named when a card's shadow period finds none (describeShadowSources). */
  shadowSources?: string;
  logger?: Logger;
}

export interface ReleasePromotion {
  model: string;
  version: string;
  stage: string;
  environment: string;
  environmentUrl?: string;
  status: "promoted" | "unchanged";
  previous: string | null;
  tag: string;
  imageDigest?: string;
  card: ModelCard;
  manifest: ModelVersion;
  manifests?: ManifestsCommit;
  /** Files to attach to the GitHub release: the ONNX model and its version manifest. */
  assets: { name: string; path: string; contentType: string }[];
  message: string;
}

const releaseTagPattern = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/;

/**
 * What a release tag does: for every model, the version `from` (staging) holds goes to `to` (prod)
 * with the image digest staging recorded, so prod runs the bytes staging ran (no retraining, no
 * rebuild). Every check is made for every model before anything is written: a tag off `main`, a stage
 * holding nothing, or a version built after the tagged commit refuses the whole release.
 */
export async function releaseToProd(
  layout: RepoLayout,
  options: ReleaseOptions,
): Promise<ReleasePromotion[]> {
  const logger = options.logger ?? silentLogger;
  const from = options.from ?? "staging";
  const to = options.to ?? "prod";
  if (!releaseTagPattern.test(options.tag)) {
    throw new MlopsError("usage", `release tag '${options.tag}' is not a version`, {
      expected: "vMAJOR.MINOR.PATCH, like v1.0.0",
    });
  }
  const tagCommit = await commitOf(layout.root, options.tag);
  const mainRef = options.mainRef ?? (await defaultMainRef(layout.root));
  const mainCommit = await commitOf(layout.root, mainRef);
  if (!(await isAncestor(layout.root, tagCommit, mainCommit))) {
    throw new MlopsError(
      "refused",
      `release tag ${options.tag} points at ${tagCommit.slice(0, 12)}, which is not on ${mainRef}; nothing was promoted`,
      { hint: "tag a commit of main (git tag vX.Y.Z origin/main) and push that tag" },
    );
  }
  const cards = (await loadModelCards(layout)).filter(
    (c) => !options.models || options.models.includes(c.name),
  );
  const target = await stageTarget(layout, to);
  const plans = [];
  const problems: string[] = [];
  let shadowRefused = 0;
  const deploying = (await deployConfig(layout)).enabled;
  for (const card of cards) {
    const state = await modelState(layout, card.name, options.tagRemote);
    const version = state?.current.get(from);
    if (!state || !version) {
      problems.push(`${card.name}: ${from} holds nothing`);
      continue;
    }
    const manifest = await versionManifest(layout, state, version);
    if (!(await isAncestor(layout.root, manifest.commit, tagCommit))) {
      problems.push(
        `${card.name}: ${from} holds ${version}, built from ${manifest.commit.slice(0, 12)}, which is not ${options.tag} or an ancestor of it`,
      );
      continue;
    }
    const shadowProblem = shadowGateProblem(
      card,
      version,
      options.shadowSummaries ?? [],
      options.shadowSources,
    );
    if (shadowProblem) {
      problems.push(shadowProblem);
      shadowRefused += 1;
      continue;
    }
    const assignment = await currentAssignment(layout, state, from);
    if (deploying && !assignment?.assignment.image_digest) {
      problems.push(
        `${card.name}: ${from} holds ${version}${assignment ? ` (${assignment.tag})` : ""} with no image digest, so its ${to} manifests could not pin an image`,
      );
      continue;
    }
    plans.push({
      card,
      state,
      version,
      manifest,
      digest: assignment?.assignment.image_digest,
      repository: assignment?.assignment.image_repository ?? options.imageRepository,
    });
  }
  if (problems.length) {
    throw new MlopsError(
      "refused",
      `release ${options.tag} refused, nothing was promoted: ${problems.join("; ")}`,
      {
        hint:
          shadowRefused === problems.length
            ? `run the ${from} version in ${to}'s shadow (mlops serve NAME#${to} --shadow NAME@VERSION) until its card's shadow period is met, give the release \`mlops report --shadow LOG --json\` of that log, then run the release again`
            : `merge to main so promote.yml fills ${from}, then tag again`,
      },
    );
  }
  const results: ReleasePromotion[] = [];
  for (const plan of plans) {
    const { card, state, version, manifest } = plan;
    const held = state.current.get(to) ?? null;
    const promoted = await promoteModel(layout, card.name, version, to, {
      ...assignOptions({ ...options, logger }),
      environment: target.environment,
      ...(plan.digest ? { imageDigest: plan.digest } : {}),
      ...(plan.digest && plan.repository ? { imageRepository: plan.repository } : {}),
      reason: `release ${options.tag}`,
    });
    const manifestFile = await writeVersionManifest(layout, state, version);
    results.push({
      model: card.name,
      version,
      stage: to,
      environment: target.environment,
      ...(target.url ? { environmentUrl: target.url } : {}),
      status: promoted.created ? "promoted" : "unchanged",
      previous: held,
      tag: promoted.tag,
      ...(plan.digest ? { imageDigest: plan.digest } : {}),
      card,
      manifest,
      assets: [
        {
          name: `${card.name}-${version}.onnx`,
          path: await modelObjectPath(layout, manifest),
          contentType: "application/octet-stream",
        },
        { name: `${card.name}-${version}.yaml`, path: manifestFile, contentType: "application/yaml" },
      ],
      message: promoted.created
        ? `${card.name} ${to}: ${held ?? "nothing"} → ${version}`
        : `${card.name} ${to} already holds ${version}`,
    });
  }
  const manifests = manifestsOf(
    await commitEnvironment(layout, to, {
      ...(options.tagRemote ? { tagRemote: options.tagRemote } : {}),
      ...(options.gitToken ? { token: options.gitToken } : {}),
      // Prod's manifests name the images where the merge flow pushed them, as staging's do.
      ...(options.imageRepository ? { imageRepository: options.imageRepository } : {}),
      reason: `release ${options.tag}`,
      logger,
    }),
  );
  return results.map((r) => ({ ...r, ...manifests }));
}

/** The version's manifest as its tag holds it, as a file a release can attach. */
async function writeVersionManifest(layout: RepoLayout, state: ModelState, version: string): Promise<string> {
  const record = state.versions.find((v) => v.version === version);
  const text = record
    ? (await readAnnotations(layout.root, [record.ref.object])).get(record.ref.object)
    : undefined;
  if (text === undefined)
    throw new MlopsError("not-found", `the annotation of ${state.name}@${version} is missing`);
  const file = join(layout.mlopsDir, "tmp", "release", `${state.name}-${version}.yaml`);
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, text);
  return file;
}

async function defaultMainRef(cwd: string): Promise<string> {
  try {
    await commitOf(cwd, "origin/main");
    return "origin/main";
  } catch {
    return "main";
  }
}
