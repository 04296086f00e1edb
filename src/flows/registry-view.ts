import { MlopsError } from "../errors/index.js";
import { git, gitRaw } from "../git/index.js";
import type { StageAssignment } from "../manifest/index.js";
import type { ModelState } from "../registry/index.js";
import { parseStageAnnotation } from "../registry/model-files.js";
import { readAnnotations } from "../registry/refs.js";
import type { RepoLayout } from "../repo/index.js";

/** The annotation of the tag that put the stage's current version there. */
export async function currentAssignment(
  layout: RepoLayout,
  state: ModelState,
  stage: string,
): Promise<{ tag: string; assignment: StageAssignment } | undefined> {
  const last = state.stages.get(stage)?.at(-1);
  if (last?.action !== "assign") return undefined;
  const text = (await readAnnotations(layout.root, [last.ref.object])).get(last.ref.object);
  if (text === undefined) throw new MlopsError("not-found", `tag object of ${last.ref.tag} is missing`);
  return { tag: last.ref.tag, assignment: await parseStageAnnotation(last.ref, text) };
}

/** Whether `ancestor` is `descendant` or one of its ancestors. */
export async function isAncestor(cwd: string, ancestor: string, descendant: string): Promise<boolean> {
  const result = await gitRaw(["merge-base", "--is-ancestor", ancestor, descendant], { cwd, okCodes: [1] });
  return result.code === 0;
}

/** The commit a revision names, or a clear error naming the revision. */
export async function commitOf(cwd: string, revision: string): Promise<string> {
  try {
    return (await git(["rev-parse", "--verify", "--quiet", `${revision}^{commit}`], { cwd })).trim();
  } catch {
    throw new MlopsError("not-found", `'${revision}' does not name a commit in this repository`, {
      hint: "fetch it first (actions/checkout with fetch-depth: 0 fetches every branch and tag)",
    });
  }
}

export { modelState, versionManifest } from "../registry/model-state.js";
