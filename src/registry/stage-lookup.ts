import { git } from "../git/index.js";
import { readTagObjects, type TagObject } from "./refs.js";
import { parseRegistryTag } from "./tag-names.js";

export interface StageLookup {
  /** Stage → the version it holds. */
  current: Map<string, string>;
  /** The tag that assigned `stage`'s holder. */
  assignment: { tag: string; object: string; header: TagObject };
  versionTag: { tag: string; object: string; header: TagObject };
}

/**
 * What every stage of a model holds, and the tags behind the asked stage, without listing peeled
 * commits or opening more than one tag per stage: names and tag objects come from one
 * `git for-each-ref` (no object is read), each stage's last assignment by counter is opened, and
 * the version it names (mlops writes it in the annotation) is confirmed by its tag pointing at the
 * same commit. Returns undefined whenever that shortcut does not apply (a deregistration, a
 * counter-less or unassigning last tag, an annotation not written by mlops), and the caller falls
 * back to folding every tag.
 */
export async function lookupStage(
  cwd: string,
  model: string,
  stage: string,
): Promise<StageLookup | undefined> {
  const out = await git(
    [
      "for-each-ref",
      "--format=%(refname:lstrip=2) %(objectname) %(objecttype)",
      `refs/tags/${model}@*`,
      `refs/tags/${model}#*`,
    ],
    { cwd },
  );
  const versions = new Map<string, string>();
  const last = new Map<string, { counter: number; tag: string; object: string; assign: boolean }>();
  for (const line of out.split("\n")) {
    if (!line) continue;
    const [tag = "", object = "", type] = line.split(" ");
    const parsed = parseRegistryTag(tag);
    if (!parsed || parsed.model !== model) continue;
    if (type !== "tag" || parsed.action === "deregister" || parsed.action === "deprecate") return undefined;
    if (parsed.action === "register") versions.set(parsed.version as string, object);
    else {
      if (parsed.counter === undefined) return undefined;
      const s = parsed.stage as string;
      const seen = last.get(s);
      if (!seen || parsed.counter > seen.counter) {
        last.set(s, { counter: parsed.counter, tag, object, assign: parsed.action === "assign" });
      }
    }
  }
  const mine = last.get(stage);
  if (!mine) return undefined;
  if ([...last.values()].some((e) => !e.assign)) return undefined;
  const stageTags = await readTagObjects(
    cwd,
    [...last.values()].map((e) => e.object),
  );
  const current = new Map<string, string>();
  const named = new Map<string, { version: string; commit: string }>();
  for (const [s, e] of last) {
    const header = stageTags.get(e.object);
    const version = header ? /^version: (v\S+)$/m.exec(header.message)?.[1] : undefined;
    if (!header || !version || !versions.has(version)) return undefined;
    current.set(s, version);
    named.set(s, { version, commit: header.target });
  }
  const held = named.get(stage) as { version: string; commit: string };
  const versionObject = versions.get(held.version) as string;
  const versionTags = await readTagObjects(cwd, [
    ...new Set([...named.values()].map((n) => versions.get(n.version) as string)),
  ]);
  // GTO names a stage's version by the commit its tag points at: the annotation must agree.
  for (const n of named.values()) {
    if (versionTags.get(versions.get(n.version) as string)?.target !== n.commit) return undefined;
  }
  return {
    current,
    assignment: { tag: mine.tag, object: mine.object, header: stageTags.get(mine.object) as TagObject },
    versionTag: {
      tag: `${model}@${held.version}`,
      object: versionObject,
      header: versionTags.get(versionObject) as TagObject,
    },
  };
}
