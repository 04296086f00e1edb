import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYamlText } from "yaml";
import { MlopsError } from "../errors/index.js";
// The schemas (and zod with them) load on first use: `registry show` answers without them.
import type { ModelCard } from "../manifest/model-card.js";
import type { ModelVersion } from "../manifest/model-version.js";
import type { StageAssignment } from "../manifest/stage-assignment.js";
import { parseYaml, readYamlFile } from "../manifest/yaml-file.js";
import type { RepoLayout } from "../repo/index.js";
import { type RegistryRef, readAnnotations } from "./refs.js";

export function modelCardPath(layout: RepoLayout, name: string): string {
  return join(layout.modelsDir, name, "model.yaml");
}

/** The models declared in the repository: folders under models/ holding a model.yaml, sorted. */
export function declaredModels(layout: RepoLayout): string[] {
  if (!existsSync(layout.modelsDir)) return [];
  return readdirSync(layout.modelsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(layout.modelsDir, e.name, "model.yaml")))
    .map((e) => e.name)
    .sort();
}

/** Every declared model's card, each read and checked once. */
export async function loadModelCards(layout: RepoLayout): Promise<ModelCard[]> {
  return Promise.all(declaredModels(layout).map((name) => loadModelCard(layout, name)));
}

export async function loadModelCard(layout: RepoLayout, name: string): Promise<ModelCard> {
  const file = modelCardPath(layout, name);
  if (!existsSync(file)) {
    throw new MlopsError("not-found", `no model named '${name}'`, {
      file: `models/${name}/model.yaml`,
      hint: "a model is declared by models/<name>/model.yaml (see `mlops registry ls`)",
    });
  }
  const { modelCard } = await import("../manifest/model-card.js");
  const card = await readYamlFile(file, modelCard, `models/${name}/model.yaml`);
  if (card.name !== name) {
    throw new MlopsError("invalid-file", `expected name '${name}' (the folder's name), got '${card.name}'`, {
      file: `models/${name}/model.yaml`,
      field: "name",
    });
  }
  return card;
}

/** Parses a version tag's annotation; a tag that is not ours (written by hand or by GTO) says so. */
export async function parseVersionAnnotation(ref: RegistryRef, text: string): Promise<ModelVersion> {
  const { modelVersion } = await import("../manifest/model-version.js");
  return parseYaml(text, modelVersion, `tag ${ref.tag}`);
}

export async function parseStageAnnotation(ref: RegistryRef, text: string): Promise<StageAssignment> {
  const { stageAssignment } = await import("../manifest/stage-assignment.js");
  return parseYaml(text, stageAssignment, `tag ${ref.tag}`);
}

/**
 * For display only: the annotation as YAML with the fields `show` prints checked by hand, so
 * reading one version does not load every schema. Anything that acts on a manifest (promote,
 * gates, diff, verify) parses it through the schema.
 */
export function parseVersionForDisplay(ref: RegistryRef, text: string): ModelVersion {
  let value: unknown;
  try {
    value = parseYamlText(text);
  } catch (err) {
    throw new MlopsError("invalid-file", `the annotation is not YAML: ${(err as Error).message}`, {
      file: `tag ${ref.tag}`,
    });
  }
  const v = value as Partial<ModelVersion> | null;
  const shaped =
    v !== null &&
    typeof v === "object" &&
    typeof v.version === "string" &&
    typeof v.commit === "string" &&
    typeof v.artifact?.sha256 === "string" &&
    typeof v.metrics === "object" &&
    Array.isArray(v.signature?.inputs) &&
    Array.isArray(v.data);
  if (!shaped) {
    throw new MlopsError("invalid-file", "the annotation is not an mlops version manifest", {
      file: `tag ${ref.tag}`,
      hint: "`mlops registry verify` names what is wrong with it",
    });
  }
  return v as ModelVersion;
}

/** The manifests of several version tags, in one git process. */
export async function readVersionManifests(
  cwd: string,
  refs: readonly RegistryRef[],
  options: { forDisplay?: boolean } = {},
): Promise<Map<string, ModelVersion>> {
  const texts = await readAnnotations(
    cwd,
    refs.map((r) => r.object),
  );
  const result = new Map<string, ModelVersion>();
  for (const ref of refs) {
    const text = texts.get(ref.object);
    if (text === undefined) throw new MlopsError("not-found", `tag object of ${ref.tag} is missing`);
    result.set(
      ref.tag,
      options.forDisplay ? parseVersionForDisplay(ref, text) : await parseVersionAnnotation(ref, text),
    );
  }
  return result;
}
