import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { MlopsError } from "../errors/index.js";
import { readBlobs } from "../git/index.js";
import type { ModelVersion } from "../manifest/index.js";
import type { RepoLayout } from "../repo/index.js";
import type { ColumnInfo, ServableModel } from "./model.js";

/** A registered version ready to serve, with the manifest it was resolved from. */
export interface ResolvedModel {
  model: ServableModel;
  manifest: ModelVersion;
  /** The model card's serving schema as read at the version's commit, when it has one. */
  schemaFile?: string;
}

/**
 * `name`, `name@vX.Y.Z` or `name#stage` to a servable model: the version's manifest from the
 * registry, its ONNX file from the local store (fetched from the data remote when missing), and the
 * feature columns of the model card's serving schema as they were at the version's commit, so a
 * later edit of the schema cannot loosen the checks of an older version.
 */
export async function resolveServableModel(layout: RepoLayout, selector: string): Promise<ResolvedModel> {
  const { showRegistry, modelObjectPath } = await import("../registry/index.js");
  let shown = await showRegistry(layout, selector);
  if (!("manifest" in shown)) {
    if (!shown.latest) {
      throw new MlopsError("not-found", `${shown.name} has no registered version to serve`, {
        hint: "register one with `mlops register`, or name a version (name@vX.Y.Z) or stage (name#staging)",
      });
    }
    shown = await showRegistry(layout, `${shown.name}@${shown.latest}`);
    if (!("manifest" in shown)) throw new MlopsError("internal", `no manifest for ${selector}`);
  }
  const manifest = shown.manifest;
  const onnxPath = await modelObjectPath(layout, manifest);
  const serving = await servingColumns(layout, manifest);
  return {
    model: {
      name: manifest.model,
      version: manifest.version,
      onnxPath,
      sha256: manifest.artifact.sha256,
      ...(serving ? { columns: serving.columns } : {}),
    },
    manifest,
    ...(serving ? { schemaFile: serving.file } : {}),
  };
}

async function servingColumns(
  layout: RepoLayout,
  manifest: ModelVersion,
): Promise<{ file: string; columns: Record<string, ColumnInfo> } | undefined> {
  const { modelCard, datasetSchema, parseYaml } = await import("../manifest/index.js");
  const cardPath = `models/${manifest.model}/model.yaml`;
  const atCommit = (path: string) => `${manifest.commit}:${path}`;
  const blobs = await readBlobs(layout.root, [atCommit(cardPath)]);
  // A version registered before its card existed in history (or a shallow clone) falls back to the
  // working tree's card.
  const cardText =
    blobs.get(atCommit(cardPath))?.toString("utf8") ??
    (await readFile(join(layout.root, cardPath), "utf8").catch(() => undefined));
  if (cardText === undefined) return undefined;
  const card = parseYaml(cardText, modelCard, cardPath);
  if (!card.serving) return undefined;
  const schemaPath = `pipelines/${card.pipeline}/${card.serving.schema}`;
  const schemaBlob = (await readBlobs(layout.root, [atCommit(schemaPath)])).get(atCommit(schemaPath));
  const schemaText =
    schemaBlob?.toString("utf8") ??
    (await readFile(join(layout.root, schemaPath), "utf8").catch(() => undefined));
  if (schemaText === undefined) {
    throw new MlopsError("not-found", `the serving schema of ${manifest.model} is missing`, {
      file: schemaPath,
      field: "serving.schema",
      hint: `named by ${cardPath}; it must exist at the version's commit ${manifest.commit.slice(0, 10)}`,
    });
  }
  const schema = parseYaml(schemaText, datasetSchema, schemaPath);
  const columns: Record<string, ColumnInfo> = {};
  for (const [name, spec] of Object.entries(schema.columns ?? {})) {
    columns[name] = {
      type: spec.type,
      ...(spec.nullable !== undefined ? { nullable: spec.nullable } : {}),
      ...(spec.allowed ? { allowed: [...spec.allowed] } : {}),
    };
  }
  return { file: schemaPath, columns };
}
