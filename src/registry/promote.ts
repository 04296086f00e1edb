import { MlopsError } from "../errors/index.js";
import type { Logger } from "../log/index.js";
import type { StageAssignment } from "../manifest/stage-assignment.js";
import { stringifyYaml } from "../manifest/yaml-file.js";
import type { RepoLayout } from "../repo/index.js";
import { checkGates, type GateResult } from "./gates.js";
import { loadModelCard, parseStageAnnotation } from "./model-files.js";
import { modelState, versionManifest } from "./model-state.js";
import { createAnnotatedTag, deleteLocalTag, pushTag, type Tagger, type TagRemote } from "./publish.js";
import { isoSeconds, readAnnotations } from "./refs.js";
import { lastStageCounter, latestTagTime, type ModelState } from "./state.js";
import { stageTagName } from "./tag-names.js";

export interface AssignOptions {
  tagRemote?: TagRemote;
  tagger?: Tagger;
  actor?: string;
  run?: { id: string | number; url: string };
  environment?: string;
  imageDigest?: string;
  /** Where that image was pushed (recorded with the digest, so a rollback can name the image). */
  imageRepository?: string;
  reason?: string;
  allowSignatureChange?: boolean;
  /**
   * A rollback refuses, before tagging, a version whose earlier assignment recorded no image digest,
   * or no image repository when `imageRepository` gives none either.
   */
  requireImageDigest?: boolean;
  /** Evaluations already made for the gates, by artifact hash (a caller that checked them first). */
  evaluations?: Map<string, Record<string, number>>;
  now?: number;
  logger?: Logger;
}

export interface PromoteResult {
  model: string;
  stage: string;
  version: string;
  previous: string | null;
  tag: string;
  counter: number;
  /** False when the stage already held the version and nothing was written. */
  created: boolean;
  pushed: boolean;
  attempts: number;
  gates: GateResult[];
}

async function freshState(
  layout: RepoLayout,
  name: string,
  remote: TagRemote | undefined,
): Promise<ModelState> {
  const state = await modelState(layout, name, remote);
  if (!state?.versions.length) {
    throw new MlopsError("not-found", `model '${name}' has no registered versions`, {
      hint: `register one with \`mlops register ${name}\``,
    });
  }
  return state;
}

/**
 * Assigns a registered version to a stage: checks stage order and gates, then creates
 * `<name>#<stage>#<N>` and pushes it. When another promotion took `N` first, fetches, re-checks
 * the gates against the new state and tries `N + 1`. Refuses with every failed gate's numbers.
 */
export async function promoteModel(
  layout: RepoLayout,
  name: string,
  version: string,
  stage: string,
  options: AssignOptions = {},
): Promise<PromoteResult> {
  const card = await loadModelCard(layout, name);
  const order = card.stages;
  const index = order.indexOf(stage);
  if (index < 0) {
    throw new MlopsError("usage", `'${stage}' is not a stage of ${name}`, {
      expected: `one of: ${order.join(", ")}`,
      file: `models/${name}/model.yaml`,
      field: "stages",
    });
  }
  const evaluations = options.evaluations ?? new Map<string, Record<string, number>>();
  return assignWithRetry(layout, name, stage, options, async (state) => {
    const candidate = await versionManifest(layout, state, version);
    const before = order[index - 1];
    if (
      before &&
      !(state.stages.get(before) ?? []).some((e) => e.action === "assign" && e.version === version)
    ) {
      throw new MlopsError(
        "conflict",
        `${name}@${version} has never been in ${before}; stages go ${order.join(" → ")}`,
        {
          hint: `promote it to ${before} first: mlops promote ${name} ${version} --to ${before}`,
        },
      );
    }
    const held = state.current.get(stage);
    const current = held && held !== version ? await versionManifest(layout, state, held) : undefined;
    const gates = await checkGates(stage, {
      layout,
      card,
      candidate,
      current,
      evaluations,
      ...(options.allowSignatureChange ? { allowSignatureChange: true } : {}),
    });
    const failed = gates.filter((g) => !g.passed);
    if (failed.length) {
      throw new MlopsError(
        "refused",
        `${name}@${version} may not enter ${stage}: ${failed.map((g) => `${g.gate} (${g.detail})`).join("; ")}`,
      );
    }
    return { version, gates, versionRef: state.versions.find((v) => v.version === version)?.ref };
  });
}

/** Assigns the stage's previous version again, as a new tag; history is never rewritten. */
export async function rollbackModel(
  layout: RepoLayout,
  name: string,
  stage: string,
  options: AssignOptions = {},
): Promise<PromoteResult> {
  await loadModelCard(layout, name);
  return assignWithRetry(
    layout,
    name,
    stage,
    { ...options, reason: options.reason ?? "rollback" },
    async (state) => {
      const events = state.stages.get(stage) ?? [];
      const held = state.current.get(stage);
      if (!held)
        throw new MlopsError("conflict", `${name} holds nothing in ${stage}; there is nothing to roll back`);
      const last = [...events].reverse().find((e) => e.action === "assign" && e.version === held);
      const target = last?.previous;
      if (!target) {
        throw new MlopsError(
          "conflict",
          `${stage} has held only ${held}; there is no earlier version to go back to`,
        );
      }
      await versionManifest(layout, state, target); // refuses a deregistered version
      // The stage goes back to the bytes it ran: the image its last assignment of that version recorded.
      const earlier = [...events].reverse().find((e) => e.action === "assign" && e.version === target);
      const text = earlier
        ? (await readAnnotations(layout.root, [earlier.ref.object])).get(earlier.ref.object)
        : undefined;
      const earlierAssignment =
        earlier && text !== undefined ? await parseStageAnnotation(earlier.ref, text) : undefined;
      const imageDigest = options.imageDigest ?? earlierAssignment?.image_digest;
      // Tags from before repositories were recorded fall back to the one the caller knows (config).
      const imageRepository = options.imageDigest
        ? options.imageRepository
        : (earlierAssignment?.image_repository ?? options.imageRepository);
      if (options.requireImageDigest && !imageDigest) {
        throw new MlopsError(
          "refused",
          `${name} ${stage} would go back to ${target}, whose assignment${earlier ? ` (${earlier.ref.tag})` : ""} records no image digest, so its manifests could not pin an image; nothing was rolled back`,
          {
            hint: `assign it with an image: mlops promote ${name} ${target} --to ${stage} --image-digest sha256:…`,
          },
        );
      }
      if (options.requireImageDigest && !imageRepository) {
        throw new MlopsError(
          "refused",
          `${name} ${stage} would go back to ${target}, whose assignment${earlier ? ` (${earlier.ref.tag})` : ""} records no image repository and none is configured, so its manifests could not name the image; nothing was rolled back`,
          {
            file: ".mlops/config.yaml",
            field: "images.repository",
            expected: "host/path like ghcr.io/owner/repo",
          },
        );
      }
      return {
        version: target,
        gates: [],
        versionRef: state.versions.find((v) => v.version === target)?.ref,
        ...(imageDigest ? { imageDigest } : {}),
        ...(imageDigest && imageRepository ? { imageRepository } : {}),
      };
    },
  );
}

type Decide = (state: ModelState) => Promise<{
  version: string;
  gates: GateResult[];
  versionRef: { tag: string; object: string; commit: string } | undefined;
  /** The image this assignment records, when the decision found one (a rollback's earlier image). */
  imageDigest?: string;
  imageRepository?: string;
}>;

async function assignWithRetry(
  layout: RepoLayout,
  name: string,
  stage: string,
  options: AssignOptions,
  decide: Decide,
): Promise<PromoteResult> {
  const maxAttempts = 50;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const state = await freshState(layout, name, options.tagRemote);
    const decided = await decide(state);
    const { version, gates, versionRef } = decided;
    const imageDigest = options.imageDigest ?? decided.imageDigest;
    const imageRepository = options.imageDigest ? options.imageRepository : decided.imageRepository;
    if (!versionRef) throw new MlopsError("internal", `no tag for ${name}@${version}`);
    const previous = state.current.get(stage) ?? null;
    const events = state.stages.get(stage) ?? [];
    const last = events.at(-1);
    if (previous === version) {
      return {
        model: name,
        stage,
        version,
        previous,
        tag: last?.ref.tag ?? "",
        counter: last?.counter ?? 0,
        created: false,
        pushed: false,
        attempts: attempt,
        gates,
      };
    }
    const counter = lastStageCounter(state, stage) + 1;
    const tag = stageTagName(name, stage, counter);
    // GTO orders events by tagger time in whole seconds; keeping it strictly increasing across the
    // model's tags makes GTO's order and ours the same.
    const time = Math.max(options.now ?? Math.floor(Date.now() / 1000), latestTagTime(state) + 1);
    const annotation: StageAssignment = {
      model: name,
      stage,
      version,
      previous,
      actor: options.actor ?? "mlops",
      time: isoSeconds(time),
      ...(options.run ? { run: options.run } : {}),
      version_tag: { tag: versionRef.tag, object: versionRef.object },
      ...(last ? { previous_tag: { tag: last.ref.tag, object: last.ref.object } } : {}),
      ...(options.reason ? { reason: options.reason } : {}),
      ...(options.environment ? { environment: options.environment } : {}),
      ...(imageDigest ? { image_digest: imageDigest } : {}),
      ...(imageDigest && imageRepository ? { image_repository: imageRepository } : {}),
    };
    const { stageAssignment } = await import("../manifest/stage-assignment.js");
    const message = stringifyYaml(annotation, stageAssignment, `tag ${tag}`);
    await createAnnotatedTag(layout.root, {
      tag,
      commit: versionRef.commit,
      message,
      time,
      tagger: options.tagger,
    });
    if (!options.tagRemote) {
      return {
        model: name,
        stage,
        version,
        previous,
        tag,
        counter,
        created: true,
        pushed: false,
        attempts: attempt,
        gates,
      };
    }
    if ((await pushTag(layout.root, options.tagRemote, tag)) === "pushed") {
      return {
        model: name,
        stage,
        version,
        previous,
        tag,
        counter,
        created: true,
        pushed: true,
        attempts: attempt,
        gates,
      };
    }
    options.logger?.info(`${tag} was taken by another promotion; fetching and retrying`);
    await deleteLocalTag(layout.root, tag);
  }
  throw new MlopsError(
    "conflict",
    `could not assign ${stage} of ${name}: ${maxAttempts} attempts lost the race`,
  );
}
