import { existsSync } from "node:fs";
import { join } from "node:path";
import { MlopsError } from "../errors/index.js";
import {
  type ModelCard,
  type ModelVersion,
  modelCard,
  modelVersion,
  parseYaml,
  readYamlFile,
  type StageAssignment,
  stageAssignment,
} from "../manifest/index.js";
import type { RepoLayout } from "../repo/index.js";
import { type RegistryRef, readAnnotations } from "./refs.js";

export function modelCardPath(layout: RepoLayout, name: string): string {
  return join(layout.modelsDir, name, "model.yaml");
}

export async function loadModelCard(layout: RepoLayout, name: string): Promise<ModelCard> {
  const file = modelCardPath(layout, name);
  if (!existsSync(file)) {
    throw new MlopsError("not-found", `no model named '${name}'`, {
      file: `models/${name}/model.yaml`,
      hint: "a model is declared by models/<name>/model.yaml (see `mlops registry ls`)",
    });
  }
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
export function parseVersionAnnotation(ref: RegistryRef, text: string): ModelVersion {
  return parseYaml(text, modelVersion, `tag ${ref.tag}`);
}

export function parseStageAnnotation(ref: RegistryRef, text: string): StageAssignment {
  return parseYaml(text, stageAssignment, `tag ${ref.tag}`);
}

/** The manifests of several version tags, in one git process. */
export async function readVersionManifests(
  cwd: string,
  refs: readonly RegistryRef[],
): Promise<Map<string, ModelVersion>> {
  const texts = await readAnnotations(
    cwd,
    refs.map((r) => r.object),
  );
  const result = new Map<string, ModelVersion>();
  for (const ref of refs) {
    const text = texts.get(ref.object);
    if (text === undefined) throw new MlopsError("not-found", `tag object of ${ref.tag} is missing`);
    result.set(ref.tag, parseVersionAnnotation(ref, text));
  }
  return result;
}
