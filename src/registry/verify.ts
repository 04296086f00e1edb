import { stat } from "node:fs/promises";
import { isMlopsError, userMessage } from "../errors/index.js";
import type { ModelVersion, StageAssignment } from "../manifest/index.js";
import type { RepoLayout } from "../repo/index.js";
import { parseStageAnnotation, parseVersionAnnotation } from "./model-files.js";
import { remoteModelTags, type TagRemote } from "./publish.js";
import { type RegistryRef, readAnnotations, readRegistryRefs } from "./refs.js";
import { buildState } from "./state.js";

export interface VerifyProblem {
  tag: string;
  problem: string;
}

export interface RegistryVerifyReport {
  ok: boolean;
  models: string[];
  checked: { versions: number; assignments: number; objects: number; remote_tags: number };
  problems: VerifyProblem[];
  warnings: VerifyProblem[];
}

/**
 * Checks that the registry is what was written: every annotation parses and agrees with its tag
 * name and commit; every tag a later tag refers to (a version's parent, an assignment's version and
 * previous assignment) still has the object id it had then, so a tag deleted and re-created shows;
 * the remote holds the same tag objects; and every stored model still hashes to its recorded sha256.
 */
export async function verifyRegistry(
  layout: RepoLayout,
  options: { model?: string; tagRemote?: TagRemote } = {},
): Promise<RegistryVerifyReport> {
  const refs = (await readRegistryRefs(layout.root, options.model ? { model: options.model } : {})).filter(
    (r) => r.annotated,
  );
  const state = buildState(refs);
  const problems: VerifyProblem[] = [];
  const warnings: VerifyProblem[] = [];
  const byTag = new Map(refs.map((r) => [r.tag, r]));
  const texts = await readAnnotations(
    layout.root,
    refs.map((r) => r.object),
  );
  const checkReference = (
    from: RegistryRef,
    what: string,
    ref: { tag: string; object: string } | undefined,
  ) => {
    if (!ref) return;
    const now = byTag.get(ref.tag);
    if (!now) problems.push({ tag: from.tag, problem: `its ${what} ${ref.tag} no longer exists` });
    else if (now.object !== ref.object) {
      problems.push({
        tag: ref.tag,
        problem: `was re-created: ${from.tag} recorded tag object ${ref.object.slice(0, 12)}, it is now ${now.object.slice(0, 12)}`,
      });
    }
  };
  const manifests: ModelVersion[] = [];
  let assignments = 0;
  for (const ref of refs) {
    const text = texts.get(ref.object) ?? "";
    try {
      if (ref.action === "register") {
        const m = await parseVersionAnnotation(ref, text);
        manifests.push(m);
        if (m.model !== ref.model || m.version !== ref.version) {
          problems.push({ tag: ref.tag, problem: `its annotation describes ${m.model}@${m.version}` });
        }
        if (m.commit !== ref.commit) {
          problems.push({
            tag: ref.tag,
            problem: `points at ${ref.commit.slice(0, 12)} but its annotation says commit ${m.commit.slice(0, 12)}`,
          });
        }
        checkReference(ref, "parent", m.parent);
      } else if (ref.action === "assign") {
        assignments++;
        const a: StageAssignment = await parseStageAnnotation(ref, text);
        const event = state.models
          .get(ref.model)
          ?.stages.get(ref.stage as string)
          ?.find((e) => e.ref === ref);
        if (a.model !== ref.model || a.stage !== ref.stage) {
          problems.push({ tag: ref.tag, problem: `its annotation describes ${a.model}#${a.stage}` });
        }
        if (event && event.version !== a.version) {
          problems.push({
            tag: ref.tag,
            problem: `its commit holds ${event.version} but its annotation assigns ${a.version}`,
          });
        }
        checkReference(ref, "version tag", a.version_tag);
        checkReference(ref, "previous assignment", a.previous_tag);
      }
    } catch (err) {
      // Tags written by GTO or by hand carry free text; that is GTO's format, not an error.
      if (
        isMlopsError(err, "invalid-file") &&
        !text.trim().startsWith("version:") &&
        !text.trim().startsWith("model:")
      ) {
        warnings.push({
          tag: ref.tag,
          problem: "annotation is not an mlops manifest (written by another tool?)",
        });
      } else problems.push({ tag: ref.tag, problem: userMessage(err) });
    }
  }

  let remoteTags = 0;
  if (options.tagRemote) {
    for (const model of state.models.keys()) {
      const remote = await remoteModelTags(layout.root, options.tagRemote, model);
      remoteTags += remote.size;
      for (const ref of refs.filter((r) => r.model === model)) {
        const there = remote.get(ref.tag);
        if (there === undefined)
          warnings.push({ tag: ref.tag, problem: `not pushed to ${options.tagRemote.remote}` });
        else if (there !== ref.object) {
          problems.push({
            tag: ref.tag,
            problem: `differs from ${options.tagRemote.remote}: local object ${ref.object.slice(0, 12)}, remote ${there.slice(0, 12)} (deleted and re-created on one side)`,
          });
        }
      }
      for (const tag of remote.keys())
        if (!byTag.has(tag)) warnings.push({ tag, problem: "on the remote only; fetch it" });
    }
  }

  const { Cache } = await import("../store/index.js");
  const { resolveRemote } = await import("../tracking/index.js");
  const cache = new Cache(layout.cacheDir);
  const dataRemote = await resolveRemote(layout).catch(() => undefined);
  let objects = 0;
  for (const m of manifests) {
    const tag = `${m.model}@${m.version}`;
    const oid = m.artifact.sha256;
    if (cache.has(oid)) {
      objects++;
      const check = await cache.verify(oid);
      if (!check.ok) {
        problems.push({
          tag,
          problem: `model object ${oid.slice(0, 12)}… in the local store hashes to ${(check.actual ?? "nothing").slice(0, 12)}…`,
        });
      } else if ((await stat(cache.pathOf(oid))).size !== m.artifact.size) {
        problems.push({
          tag,
          problem: `model object size differs from the recorded ${m.artifact.size} bytes`,
        });
      }
    } else if (dataRemote) {
      const has = await dataRemote.remote.has([oid]);
      if (!has.has(oid))
        problems.push({ tag, problem: `model object ${oid.slice(0, 12)}… is missing from the data remote` });
    } else warnings.push({ tag, problem: "model object not in the local store and no data remote to check" });
  }
  return {
    ok: problems.length === 0,
    models: [...state.models.keys()].sort(),
    checked: { versions: manifests.length, assignments, objects, remote_tags: remoteTags },
    problems,
    warnings,
  };
}
