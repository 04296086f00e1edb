import type { RegistryRef } from "./refs.js";
import { sortBySemver } from "./tag-names.js";

export interface VersionRecord {
  model: string;
  version: string;
  ref: RegistryRef;
  deregistered: boolean;
}

export interface StageEvent {
  model: string;
  stage: string;
  action: "assign" | "unassign";
  /** The version assigned: the one registered at the tag's commit (as GTO resolves it), else the commit. */
  version: string;
  /** What the stage held just before this event; null if nothing. */
  previous: string | null;
  counter: number | undefined;
  ref: RegistryRef;
}

export interface ModelState {
  name: string;
  /** Every tag of the model that was folded in, in order. */
  refs: RegistryRef[];
  /** Registered versions, oldest semver first. */
  versions: VersionRecord[];
  /** Per stage, every assignment and unassignment in order. */
  stages: Map<string, StageEvent[]>;
  /** Per stage, the version it holds now (absent when it holds nothing). */
  current: Map<string, string>;
  deprecated: boolean;
}

export interface RegistryState {
  models: Map<string, ModelState>;
}

/** Whether `a` happened before `b`: tagger time, then registrations first, then the counter. */
function eventOrder(a: RegistryRef, b: RegistryRef): number {
  const rank = (r: RegistryRef) => (r.action === "register" ? 0 : r.action === "deregister" ? 2 : 1);
  return (
    a.time - b.time || rank(a) - rank(b) || (a.counter ?? 0) - (b.counter ?? 0) || (a.tag < b.tag ? -1 : 1)
  );
}

export function sortEvents(refs: readonly RegistryRef[]): RegistryRef[] {
  return refs.filter((r) => r.annotated).sort(eventOrder);
}

/**
 * Folds the tags, in the order they happened, into the registry's state. `until` cuts history after
 * the given event (inclusive), which is how the state as of any moment is asked.
 */
export function buildState(
  refs: readonly RegistryRef[],
  until?: (ref: RegistryRef) => boolean,
): RegistryState {
  const ordered = sortEvents(refs);
  const models = new Map<string, ModelState>();
  const model = (name: string): ModelState => {
    let m = models.get(name);
    if (!m) {
      m = { name, refs: [], versions: [], stages: new Map(), current: new Map(), deprecated: false };
      models.set(name, m);
    }
    return m;
  };
  // GTO names a stage tag's version by the version registered at the same commit; so do we, using
  // every registration (an assignment never precedes its version in our history, but GTO's may).
  const versionAt = new Map<string, string>();
  for (const r of ordered)
    if (r.action === "register") versionAt.set(`${r.model}\0${r.commit}`, r.version as string);

  for (const ref of ordered) {
    if (until && !until(ref)) break;
    const m = model(ref.model);
    m.refs.push(ref);
    switch (ref.action) {
      case "register":
        m.versions.push({ model: ref.model, version: ref.version as string, ref, deregistered: false });
        break;
      case "deregister": {
        const v = m.versions.find((x) => x.version === ref.version);
        if (v) v.deregistered = true;
        for (const [stage, held] of m.current) if (held === ref.version) m.current.delete(stage);
        break;
      }
      case "assign":
      case "unassign": {
        const stage = ref.stage as string;
        const version = versionAt.get(`${ref.model}\0${ref.commit}`) ?? ref.commit;
        const previous = m.current.get(stage) ?? null;
        const events = m.stages.get(stage) ?? [];
        events.push({
          model: ref.model,
          stage,
          action: ref.action,
          version,
          previous,
          counter: ref.counter,
          ref,
        });
        m.stages.set(stage, events);
        if (ref.action === "assign") m.current.set(stage, version);
        else if (previous === version) m.current.delete(stage);
        break;
      }
      case "deprecate":
        m.deprecated = true;
        break;
    }
  }
  for (const m of models.values()) m.versions = sortBySemver(m.versions, (v) => v.version);
  return { models };
}

/** The stages a version holds now. */
export function stagesHeldBy(model: ModelState, version: string): string[] {
  return [...model.current]
    .filter(([, v]) => v === version)
    .map(([stage]) => stage)
    .sort();
}

/** The highest counter used by any tag of a stage: the next assignment takes the one after it. */
export function lastStageCounter(model: ModelState | undefined, stage: string): number {
  let last = 0;
  for (const e of model?.stages.get(stage) ?? []) last = Math.max(last, e.counter ?? 0);
  return last;
}

/** The newest tagger time among the model's tags (0 when it has none). */
export function latestTagTime(model: ModelState | undefined): number {
  let t = 0;
  for (const r of model?.refs ?? []) t = Math.max(t, r.time);
  return t;
}
