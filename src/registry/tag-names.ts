import { MlopsError } from "../errors/index.js";

/**
 * GTO's tag grammar, and the only place in the code base that knows it (see FACTS.md and GTO's
 * `constants.py`, which we read to learn the shapes):
 *
 *   <model>@vX.Y.Z            register a version            <model>@vX.Y.Z!       deregister it
 *   <model>#<stage>#<N>       assign a stage (N-th change)  <model>#<stage>!#<N>  unassign it
 *   <model>@deprecated#<N>    deprecate the model
 *
 * GTO allows the counter on every form and an optional `dir:` prefix written `dir=` in a tag; we
 * parse both so a repository that GTO wrote reads correctly, and write only the forms above.
 */
export type RegistryAction = "register" | "deregister" | "assign" | "unassign" | "deprecate";

export interface RegistryTagName {
  tag: string;
  model: string;
  action: RegistryAction;
  version?: string;
  stage?: string;
  counter?: number;
}

/** A model or stage name as GTO accepts it: letters, digits, '-', '_', '/', not at either end. */
const namePattern = "[a-zA-Z0-9](?:[a-zA-Z0-9_/-]*[a-zA-Z0-9])?";
const semverPattern =
  "(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)" +
  "(?:-(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?" +
  "(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?";
const tagPattern = new RegExp(
  `^(?<model>(?:[a-zA-Z0-9_./-]+=)?${namePattern})` +
    `(?:(?:#(?<stage>${namePattern})|@(?<version>v${semverPattern}))(?<cancel>!?)|@(?<deprecated>deprecated|created))` +
    "(?:#(?<counter>[0-9]+))?$",
);
const nameOnly = new RegExp(`^${namePattern}$`);

/** The parsed name of a registry tag, or undefined for any other tag (release tags, `v1.2.3`, …). */
export function parseRegistryTag(tag: string): RegistryTagName | undefined {
  const m = tagPattern.exec(tag);
  if (!m?.groups) return undefined;
  const g = m.groups;
  const model = (g.model as string).replace("=", ":");
  const counter = g.counter === undefined ? undefined : Number(g.counter);
  const base = { tag, model, ...(counter === undefined ? {} : { counter }) };
  if (g.version) return { ...base, action: g.cancel ? "deregister" : "register", version: g.version };
  if (g.stage) return { ...base, action: g.cancel ? "unassign" : "assign", stage: g.stage };
  if (g.deprecated === "deprecated") return { ...base, action: "deprecate" };
  return undefined; // `@created` carries no state GTO or we act on
}

export function isRegistryName(name: string): boolean {
  return nameOnly.test(name);
}

export function assertRegistryName(name: string, what: "model" | "stage"): void {
  if (!isRegistryName(name)) {
    throw new MlopsError("usage", `'${name}' is not a valid ${what} name for a registry tag`, {
      expected: "letters, digits, '-', '_' or '/', starting and ending with a letter or digit",
    });
  }
}

export function versionTagName(model: string, version: string): string {
  return `${model}@${version}`;
}

export function stageTagName(model: string, stage: string, counter: number): string {
  return `${model}#${stage}#${counter}`;
}

/** The ref globs that hold every tag of one model (one `git for-each-ref` answers them all). */
export function modelRefPatterns(model: string): string[] {
  return [`refs/tags/${model}@*`, `refs/tags/${model}#*`];
}

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
}

const semverOnly = new RegExp(`^v${semverPattern}$`);

export function parseSemver(version: string): SemVer | undefined {
  if (!semverOnly.test(version)) return undefined;
  const [core = "", pre] = version.slice(1).split("+")[0]?.split(/-(.*)/s) ?? [];
  const [major, minor, patch] = core.split(".").map(Number);
  return {
    major: major as number,
    minor: minor as number,
    patch: patch as number,
    prerelease: pre ? pre.split(".") : [],
  };
}

/** Semantic-version precedence (semver.org §11): negative when a < b. Build metadata is ignored. */
export function compareSemver(a: string, b: string): number {
  const x = parseSemver(a);
  const y = parseSemver(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  const core = x.major - y.major || x.minor - y.minor || x.patch - y.patch;
  if (core) return core;
  if (!x.prerelease.length || !y.prerelease.length) return y.prerelease.length - x.prerelease.length;
  for (let i = 0; i < Math.max(x.prerelease.length, y.prerelease.length); i++) {
    const p = x.prerelease[i];
    const q = y.prerelease[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) {
      const d = Number(p) - Number(q);
      if (d) return d;
    } else if (pn !== qn) return pn ? -1 : 1;
    else if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

export type BumpLevel = "major" | "minor" | "patch";

export function bumpVersion(version: string, level: BumpLevel): string {
  const v = parseSemver(version);
  if (!v) throw new MlopsError("internal", `not a version: ${version}`);
  if (level === "major") return `v${v.major + 1}.0.0`;
  if (level === "minor") return `v${v.major}.${v.minor + 1}.0`;
  return `v${v.major}.${v.minor}.${v.patch + 1}`;
}
