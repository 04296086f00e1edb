import { MlopsError } from "../errors/index.js";
import { git, gitRaw } from "../git/index.js";
import type { ModelVersion } from "../manifest/index.js";
import { flatten } from "../metrics/flatten.js";
import type { RepoLayout } from "../repo/index.js";
import { declaredModels, parseVersionForDisplay, readVersionManifests } from "./model-files.js";
import { isoSeconds, type RegistryRef, readRegistryRefs, readTagObjects } from "./refs.js";
import { signatureChanges } from "./signature.js";
import { lookupStage } from "./stage-lookup.js";
import { buildState, type ModelState, type RegistryState, sortEvents, stagesHeldBy } from "./state.js";
import { parseRegistryTag } from "./tag-names.js";

/** `name`, `name@vX.Y.Z` or `name#stage`, as GTO's shortcuts. */
export interface Selector {
  name: string;
  version?: string;
  stage?: string;
}

export function parseSelector(text: string): Selector {
  const at = text.indexOf("@");
  if (at > 0) return { name: text.slice(0, at), version: text.slice(at + 1) };
  const hash = text.indexOf("#");
  if (hash > 0) return { name: text.slice(0, hash), stage: text.slice(hash + 1) };
  return { name: text };
}

/**
 * A cut-off in history: a registry tag (the state right after it), an ISO time, or any git
 * revision (the state when that commit was made).
 */
export async function resolveAsOf(
  layout: RepoLayout,
  refs: readonly RegistryRef[],
  at: string | undefined,
): Promise<((ref: RegistryRef) => boolean) | undefined> {
  if (!at) return undefined;
  const tagged = refs.find((r) => r.tag === at);
  if (tagged) {
    const ordered = sortEvents(refs);
    const index = ordered.indexOf(tagged);
    const allowed = new Set(ordered.slice(0, index + 1));
    return (r) => allowed.has(r);
  }
  let time: number;
  if (/^\d{4}-\d{2}-\d{2}/.test(at) && !Number.isNaN(Date.parse(at)))
    time = Math.floor(Date.parse(at) / 1000);
  else {
    const result = await gitRaw(["log", "-1", "--format=%ct", at, "--"], {
      cwd: layout.root,
      okCodes: [128],
    });
    if (result.code !== 0) {
      throw new MlopsError("usage", `'${at}' is neither a registry tag, a date nor a git revision`, {
        expected: "a tag like name#prod#3, a time like 2026-11-01T12:00:00Z, or a revision like main~3",
      });
    }
    time = Number(result.stdout.toString("utf8").trim());
  }
  return (r) => r.time <= time;
}

async function loadState(
  layout: RepoLayout,
  name: string | undefined,
  at: string | undefined,
  focused = false,
) {
  if (name && focused && !at) {
    // What a stage or a version holds needs no tag opened: a stage's assignments are ordered by
    // their counter (which mlops and GTO both keep increasing per model), and the versions' commits
    // come from the ref store. Only tags without a counter, or deregistrations, need their times.
    const refs = await readRegistryRefs(layout.root, { model: name, timesFor: [] });
    if (
      refs.some(
        (r) =>
          r.action === "deregister" ||
          ((r.action === "assign" || r.action === "unassign") && r.counter === undefined),
      )
    ) {
      const timed = await readRegistryRefs(layout.root, {
        model: name,
        timesFor: [`refs/tags/${name}#*`, `refs/tags/${name}@*!*`],
      });
      return { refs: timed, state: buildState(timed) };
    }
    return { refs, state: buildState(refs) };
  }
  const refs = await readRegistryRefs(layout.root, name ? { model: name } : {});
  const until = await resolveAsOf(layout, refs, at);
  return { refs, state: buildState(refs, until) };
}

function requireModel(state: RegistryState, name: string): ModelState {
  const m = state.models.get(name);
  if (!m) {
    throw new MlopsError("not-found", `the registry has no model '${name}'`, {
      hint: "see `mlops registry ls`; tags may need fetching (`git fetch --tags`)",
    });
  }
  return m;
}

export interface ModelSummary {
  name: string;
  latest: string | null;
  versions: number;
  stages: Record<string, string>;
  deprecated: boolean;
  /** Declared by models/<name>/model.yaml (a model may also exist only as tags). */
  declared: boolean;
}

export async function listModels(layout: RepoLayout, at?: string): Promise<ModelSummary[]> {
  const { state } = await loadState(layout, undefined, at);
  const declared = declaredModels(layout);
  const names = [...new Set([...state.models.keys(), ...declared])].sort();
  return names.map((name) => {
    const m = state.models.get(name);
    const live = m?.versions.filter((v) => !v.deregistered) ?? [];
    return {
      name,
      latest: live.at(-1)?.version ?? null,
      versions: live.length,
      stages: Object.fromEntries([...(m?.current ?? [])].sort(([a], [b]) => (a < b ? -1 : 1))),
      deprecated: m?.deprecated ?? false,
      declared: declared.includes(name),
    };
  });
}

export interface VersionView {
  name: string;
  version: string;
  stages: string[];
  commit: string;
  registered: string;
  deregistered: boolean;
}

export type ShowResult =
  | { name: string; latest: string | null; stages: Record<string, string>; versions: VersionView[] }
  | (VersionView & {
      stage?: string;
      manifest: ModelVersion;
      assignment?: { tag: string; time: string; by: string };
    });

export async function showRegistry(layout: RepoLayout, selector: string, at?: string): Promise<ShowResult> {
  const sel = parseSelector(selector);
  if (sel.stage && !at) {
    // The common question, "what does prod run?", answered from a handful of tags.
    const fast = await lookupStage(layout.root, sel.name, sel.stage);
    if (fast) {
      const version = fast.current.get(sel.stage) as string;
      const manifest = parseVersionForDisplay(
        { tag: fast.versionTag.tag } as RegistryRef,
        fast.versionTag.header.message,
      );
      return {
        name: sel.name,
        version,
        stages: [...fast.current]
          .filter(([, v]) => v === version)
          .map(([s]) => s)
          .sort(),
        commit: fast.versionTag.header.target,
        registered: manifest.created,
        deregistered: false,
        stage: sel.stage,
        manifest,
        assignment: {
          tag: fast.assignment.tag,
          time: isoSeconds(fast.assignment.header.time),
          by: fast.assignment.header.tagger,
        },
      };
    }
  }
  const focused = sel.stage !== undefined || sel.version !== undefined;
  const { state } = await loadState(layout, sel.name, at, focused);
  const model = requireModel(state, sel.name);
  const view = (v: ModelState["versions"][number]): VersionView => ({
    name: model.name,
    version: v.version,
    stages: stagesHeldBy(model, v.version),
    commit: v.ref.commit,
    registered: isoSeconds(v.ref.time),
    deregistered: v.deregistered,
  });
  if (!sel.version && !sel.stage) {
    return {
      name: model.name,
      latest: model.versions.filter((v) => !v.deregistered).at(-1)?.version ?? null,
      stages: Object.fromEntries([...model.current].sort(([a], [b]) => (a < b ? -1 : 1))),
      versions: [...model.versions].reverse().map(view),
    };
  }
  let version = sel.version;
  let assignment: { tag: string; time: string; by: string } | undefined;
  let stageRef: RegistryRef | undefined;
  if (sel.stage) {
    version = model.current.get(sel.stage);
    if (!version) {
      throw new MlopsError("not-found", `${model.name} holds no version in stage '${sel.stage}'`, {
        hint: `stages held now: ${[...model.current.keys()].join(", ") || "none"}`,
      });
    }
    const event = [...(model.stages.get(sel.stage) ?? [])].reverse().find((e) => e.action === "assign");
    if (event) stageRef = event.ref;
  }
  const record = model.versions.find((v) => v.version === version);
  if (!record) throw new MlopsError("not-found", `${model.name}@${version} is not registered`);
  // The version's manifest and the assigning tag's header, in one git process.
  const objects = await readTagObjects(layout.root, [
    record.ref.object,
    ...(stageRef ? [stageRef.object] : []),
  ]);
  const manifest = parseVersionForDisplay(record.ref, objects.get(record.ref.object)?.message ?? "");
  if (stageRef) {
    const tag = objects.get(stageRef.object);
    assignment = {
      tag: stageRef.tag,
      time: isoSeconds(tag?.time ?? stageRef.time),
      by: tag?.tagger ?? stageRef.tagger,
    };
  }
  return {
    ...view(record),
    registered: manifest.created,
    ...(sel.stage ? { stage: sel.stage } : {}),
    manifest,
    ...(assignment ? { assignment } : {}),
  };
}

export interface HistoryEvent {
  time: string;
  tag: string;
  event: "registration" | "deregistration" | "assignment" | "unassignment" | "deprecation";
  model: string;
  version?: string;
  stage?: string;
  counter?: number;
  previous?: string | null;
  commit: string;
  by: string;
}

export async function registryHistory(
  layout: RepoLayout,
  name: string,
  options: { stage?: string; at?: string } = {},
): Promise<HistoryEvent[]> {
  const { state } = await loadState(layout, name, options.at);
  const model = requireModel(state, name);
  const events: { ref: RegistryRef; e: HistoryEvent }[] = [];
  const base = (ref: RegistryRef) => ({
    time: isoSeconds(ref.time),
    tag: ref.tag,
    model: name,
    commit: ref.commit,
    by: ref.tagger,
  });
  for (const v of model.versions) {
    events.push({ ref: v.ref, e: { ...base(v.ref), event: "registration", version: v.version } });
  }
  for (const [stage, list] of model.stages) {
    for (const s of list) {
      events.push({
        ref: s.ref,
        e: {
          ...base(s.ref),
          event: s.action === "assign" ? "assignment" : "unassignment",
          version: s.version,
          stage,
          ...(s.counter !== undefined ? { counter: s.counter } : {}),
          previous: s.previous,
        },
      });
    }
  }
  // The fold already put the model's tags in the order they happened.
  const rank = new Map(model.refs.map((r, i) => [r, i]));
  return events
    .sort((a, b) => (rank.get(a.ref) ?? 0) - (rank.get(b.ref) ?? 0))
    .map((x) => x.e)
    .filter((e) => !options.stage || e.stage === options.stage);
}

export interface VersionDiff {
  name: string;
  from: string;
  to: string;
  commits: { from: string; to: string };
  params: { key: string; from: unknown; to: unknown }[];
  metrics: { name: string; from: number | null; to: number | null; delta: number | null }[];
  data: { name: string; from: string | null; to: string | null }[];
  signature: string[];
  artifact: { from: string; to: string; size_from: number; size_to: number };
}

export async function diffVersions(
  layout: RepoLayout,
  name: string,
  from: string,
  to: string,
): Promise<VersionDiff> {
  const { state } = await loadState(layout, name, undefined);
  const model = requireModel(state, name);
  const pick = (v: string) => {
    const r = model.versions.find((x) => x.version === v);
    if (!r) throw new MlopsError("not-found", `${name}@${v} is not registered`);
    return r.ref;
  };
  const [a, b] = [pick(from), pick(to)];
  const manifests = await readVersionManifests(layout.root, [a, b]);
  const x = manifests.get(a.tag) as ModelVersion;
  const y = manifests.get(b.tag) as ModelVersion;
  const px = flatten(x.params, "", {}, true);
  const py = flatten(y.params, "", {}, true);
  const params = [...new Set([...Object.keys(px), ...Object.keys(py)])]
    .sort()
    .filter((k) => JSON.stringify(px[k]) !== JSON.stringify(py[k]))
    .map((key) => ({ key, from: px[key] ?? null, to: py[key] ?? null }));
  const metrics = [...new Set([...Object.keys(x.metrics), ...Object.keys(y.metrics)])].sort().map((m) => {
    const f = x.metrics[m] ?? null;
    const t = y.metrics[m] ?? null;
    return { name: m, from: f, to: t, delta: f !== null && t !== null ? t - f : null };
  });
  const dx = new Map(x.data.map((d) => [d.name, d.data_sha256 ?? d.sha256]));
  const dy = new Map(y.data.map((d) => [d.name, d.data_sha256 ?? d.sha256]));
  const data = [...new Set([...dx.keys(), ...dy.keys()])]
    .sort()
    .filter((d) => dx.get(d) !== dy.get(d))
    .map((d) => ({ name: d, from: dx.get(d) ?? null, to: dy.get(d) ?? null }));
  return {
    name,
    from,
    to,
    commits: { from: x.commit, to: y.commit },
    params,
    metrics,
    data,
    signature: signatureChanges(x.signature, y.signature),
    artifact: {
      from: x.artifact.sha256,
      to: y.artifact.sha256,
      size_from: x.artifact.size,
      size_to: y.artifact.size,
    },
  };
}

/** For `registry ls` and friends: every model name with tags, without reading annotations. */
export async function registryModelNames(layout: RepoLayout): Promise<string[]> {
  const out = await git(["for-each-ref", "--format=%(refname:lstrip=2)", "refs/tags/"], { cwd: layout.root });
  const names = new Set<string>();
  for (const tag of out.split("\n")) {
    const parsed = tag ? parseRegistryTag(tag) : undefined;
    if (parsed) names.add(parsed.model);
  }
  return [...names].sort();
}
