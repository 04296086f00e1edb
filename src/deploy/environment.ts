import { MlopsError } from "../errors/index.js";
import type { ModelCard, RepoDeploySettings } from "../manifest/index.js";
import { repoDeploySettings } from "../manifest/index.js";
import { defaultStageEnvironments } from "../manifest/repo-config.js";
import { loadModelCard, loadModelCards, modelState, type TagRemote } from "../registry/index.js";
import { parseStageAnnotation } from "../registry/model-files.js";
import { readAnnotations } from "../registry/refs.js";
import type { RepoLayout } from "../repo/index.js";
import { effectiveConfig } from "../tracking/config.js";
import {
  defaultDeploySettings,
  type ModelDeployment,
  type RenderedFile,
  renderEnvironmentKustomization,
  renderModel,
} from "./render.js";

/** What the repo config says about deployment, with every default filled in. */
export interface DeployConfig {
  /** False when .mlops/config.yaml has no `deploy:`: the flows then commit no manifests. */
  enabled: boolean;
  settings: RepoDeploySettings;
  imageRepository: string | undefined;
}

/**
 * `imageRepository` is where the flow that calls this pushed the images when the config names no
 * repository (on GitHub, the container registry under the repository's own name).
 */
export async function deployConfig(layout: RepoLayout, imageRepository?: string): Promise<DeployConfig> {
  const config = await effectiveConfig(layout);
  return {
    enabled: config.deploy !== undefined,
    settings: repoDeploySettings.parse(config.deploy ?? {}),
    imageRepository: config.images?.repository ?? (imageRepository || undefined),
  };
}

/**
 * The environment a stage deploys to, as a directory name: the GitHub environment the config maps
 * the stage to (`stages.<stage>.environment`), else `staging` / `production`, else the stage.
 */
export async function environmentOf(layout: RepoLayout, stage: string): Promise<string> {
  const config = await effectiveConfig(layout);
  const environment = config.stages?.[stage]?.environment ?? defaultStageEnvironments[stage] ?? stage;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(environment)) {
    throw new MlopsError(
      "usage",
      `environment '${environment}' of stage ${stage} cannot name a directory of manifests`,
      {
        file: ".mlops/config.yaml",
        field: `stages.${stage}.environment`,
        expected: "letters, digits, '.', '_' and '-'",
      },
    );
  }
  return environment;
}

/** What a stage holds for one model, as the registry records it. */
export interface StageHolding {
  model: string;
  version: string;
  tag: string;
  imageDigest: string | undefined;
  /** Where the tag says that image was pushed; tags written before it was recorded have none. */
  imageRepository: string | undefined;
}

async function stageHolding(
  layout: RepoLayout,
  model: string,
  stage: string,
  tagRemote: TagRemote | undefined,
): Promise<StageHolding | undefined> {
  const state = await modelState(layout, model, tagRemote);
  const version = state?.current.get(stage);
  const last = state?.stages.get(stage)?.at(-1);
  if (!version || last?.action !== "assign") return undefined;
  const text = (await readAnnotations(layout.root, [last.ref.object])).get(last.ref.object);
  if (text === undefined) throw new MlopsError("not-found", `tag object of ${last.ref.tag} is missing`);
  const assignment = await parseStageAnnotation(last.ref, text);
  return {
    model,
    version,
    tag: last.ref.tag,
    imageDigest: assignment.image_digest,
    imageRepository: assignment.image_repository,
  };
}

function deploymentOf(
  card: ModelCard,
  holding: StageHolding,
  stage: string,
  environment: string,
  config: DeployConfig,
): ModelDeployment {
  if (!holding.imageDigest) {
    throw new MlopsError(
      "refused",
      `${card.name} ${stage} holds ${holding.version} (tag ${holding.tag}), which records no image digest: its manifests cannot pin an image; nothing was rendered or committed`,
      {
        hint: "set images.repository in .mlops/config.yaml so the merge flow builds and pushes the image, or assign with `mlops promote … --image-digest sha256:…`",
      },
    );
  }
  // The tag's own record wins: a digest only exists in the repository it was pushed to.
  const repository = holding.imageRepository ?? config.imageRepository;
  if (!repository) {
    throw new MlopsError("usage", "the manifests name the serving image, and no image repository is set", {
      file: ".mlops/config.yaml",
      field: "images.repository",
      expected: "host/path like ghcr.io/owner/repo",
    });
  }
  return {
    model: card.name,
    version: holding.version,
    stage,
    environment,
    image: `${repository}/${card.name}@${holding.imageDigest}`,
    kind: card.deploy?.kind ?? config.settings.kind,
    settings: card.deploy ?? defaultDeploySettings(),
  };
}

export interface RenderOptions {
  /** Where the images were pushed when the config names no repository (see deployConfig). */
  imageRepository?: string;
  /** Only these models (default: every model whose card lists the stage and which holds a version). */
  models?: string[];
  tagRemote?: TagRemote;
}

export interface RenderedEnvironment {
  stage: string;
  environment: string;
  /** What each model in the environment runs. */
  models: (StageHolding & { image: string })[];
  /** Paths relative to the environment's directory. */
  files: RenderedFile[];
}

/**
 * An environment's desired state, from the registry alone: for every model whose stage holds a
 * version, its manifests pinned to the image digest the stage tag records, and a kustomization
 * listing every model. A model named in `models` that holds nothing, or any holding without an
 * image digest, refuses the whole rendering.
 */
export async function renderEnvironment(
  layout: RepoLayout,
  stage: string,
  options: RenderOptions = {},
): Promise<RenderedEnvironment> {
  const config = await deployConfig(layout, options.imageRepository);
  const environment = await environmentOf(layout, stage);
  const cards = options.models
    ? await Promise.all(options.models.map((name) => loadModelCard(layout, name)))
    : (await loadModelCards(layout)).filter((card) => card.stages.includes(stage));
  const models: RenderedEnvironment["models"] = [];
  const files: RenderedFile[] = [];
  for (const card of [...cards].sort((a, b) => a.name.localeCompare(b.name))) {
    if (!card.stages.includes(stage)) {
      throw new MlopsError("usage", `'${stage}' is not a stage of ${card.name}`, {
        file: `models/${card.name}/model.yaml`,
        field: "stages",
        expected: `one of: ${card.stages.join(", ")}`,
      });
    }
    const holding = await stageHolding(layout, card.name, stage, options.tagRemote);
    if (!holding) {
      if (options.models) {
        throw new MlopsError(
          "not-found",
          `${card.name} holds nothing in ${stage}; there is nothing to render`,
          {
            hint: `promote a version first: mlops promote ${card.name} vX.Y.Z --to ${stage}`,
          },
        );
      }
      continue;
    }
    const deployment = deploymentOf(card, holding, stage, environment, config);
    models.push({ ...holding, image: deployment.image });
    files.push(...renderModel(deployment));
  }
  files.push(
    renderEnvironmentKustomization(
      environment,
      models.map((m) => m.model),
      config.settings.namespace,
    ),
  );
  return { stage, environment, models, files };
}
