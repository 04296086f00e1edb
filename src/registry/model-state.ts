import { MlopsError } from "../errors/index.js";
import type { ModelVersion } from "../manifest/model-version.js";
import type { RepoLayout } from "../repo/index.js";
import { readVersionManifests } from "./model-files.js";
import { fetchModelTags, type TagRemote } from "./publish.js";
import { readRegistryRefs } from "./refs.js";
import { buildState, type ModelState } from "./state.js";

/** A model's registry state, fetched from the tag remote first when there is one; undefined without tags. */
export async function modelState(
  layout: RepoLayout,
  model: string,
  tagRemote: TagRemote | undefined,
): Promise<ModelState | undefined> {
  if (tagRemote) await fetchModelTags(layout.root, tagRemote, model);
  const refs = await readRegistryRefs(layout.root, { model });
  return buildState(refs).models.get(model);
}

/** The manifest of a registered, not deregistered, version of the model. */
export async function versionManifest(
  layout: RepoLayout,
  state: ModelState,
  version: string,
): Promise<ModelVersion> {
  const record = state.versions.find((v) => v.version === version);
  if (!record) {
    const known = state.versions.map((v) => v.version).slice(-5);
    throw new MlopsError("not-found", `${state.name}@${version} is not registered`, {
      hint: known.length ? `latest versions: ${known.join(", ")}` : undefined,
    });
  }
  if (record.deregistered) throw new MlopsError("conflict", `${state.name}@${version} was deregistered`);
  return (await readVersionManifests(layout.root, [record.ref])).get(record.ref.tag) as ModelVersion;
}
