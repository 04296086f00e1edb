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

const fullName = new RegExp(`^(?:[a-zA-Z0-9_./-]+=)?${namePattern}$`);
const versionOnly = new RegExp(`^v${semverPattern}$`);

/**
 * The parsed name of a registry tag, or undefined for any other tag (release tags, `v1.2.3`, …).
 * Split by hand at the first '@' or '#' (neither can occur in a name) and each part checked with
 * a small pattern: thousands of tags parse in a few milliseconds. `tagPattern` is the whole grammar
 * in one expression and decides the rare shapes.
 */
export function parseRegistryTag(tag: string): RegistryTagName | undefined {
  const at = tag.indexOf("@");
  const hash = tag.indexOf("#");
  const split = at < 0 ? hash : hash < 0 ? at : Math.min(at, hash);
  if (split <= 0) return undefined;
  const name = tag.slice(0, split);
  if (!fullName.test(name)) return undefined;
  const model = name.includes("=") ? name.replace("=", ":") : name;
  let rest = tag.slice(split + 1);
  let counter: number | undefined;
  const counterAt = rest.lastIndexOf("#");
  if (counterAt >= 0) {
    const digits = rest.slice(counterAt + 1);
    if (!/^[0-9]+$/.test(digits)) return undefined;
    counter = Number(digits);
    rest = rest.slice(0, counterAt);
  }
  const cancel = rest.endsWith("!");
  if (cancel) rest = rest.slice(0, -1);
  let parsed: RegistryTagName;
  if (tag[split] === "#") {
    if (!nameOnly.test(rest)) return undefined;
    parsed = { tag, model, action: cancel ? "unassign" : "assign", stage: rest };
  } else if (!cancel && rest === "deprecated") parsed = { tag, model, action: "deprecate" };
  else if (!cancel && rest === "created")
    return undefined; // `@created` carries no state GTO or we act on
  else if (plainVersion.test(rest) || versionOnly.test(rest)) {
    parsed = { tag, model, action: cancel ? "deregister" : "register", version: rest };
  } else return undefined;
  if (counter !== undefined) parsed.counter = counter;
  return parsed;
}

/** The grammar as one expression, for tests that compare it with the fast parser. */
export function matchesTagGrammar(tag: string): boolean {
  return tagPattern.test(tag);
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

const plainVersion = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const noPrerelease: string[] = [];

export function parseSemver(version: string): SemVer | undefined {
  // Nearly every version is plain vX.Y.Z: one match, no splitting (thousands are sorted per read).
  const plain = plainVersion.exec(version);
  if (plain) {
    return {
      major: Number(plain[1]),
      minor: Number(plain[2]),
      patch: Number(plain[3]),
      prerelease: noPrerelease,
    };
  }
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
  return compareParsed(x, y);
}

/** Sorts by semantic version, parsing each version once (thousands of versions sort in a blink). */
export function sortBySemver<T>(items: readonly T[], version: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, v: parseSemver(version(item)) }));
  keyed.sort((a, b) => {
    if (a.v && b.v) return compareParsed(a.v, b.v);
    return a.v ? 1 : b.v ? -1 : 0;
  });
  return keyed.map((k) => k.item);
}

function compareParsed(x: SemVer, y: SemVer): number {
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
