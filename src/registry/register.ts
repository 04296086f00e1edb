import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, posix, relative } from "node:path";
import { MlopsError } from "../errors/index.js";
import { git, gitRaw } from "../git/index.js";
import type { Logger } from "../log/index.js";
import type { ModelCard } from "../manifest/model-card.js";
import type { ModelVersion } from "../manifest/model-version.js";
import type { PipelineLock } from "../manifest/pipeline-lock.js";
import { parseYaml, stringifyYaml } from "../manifest/yaml-file.js";
import { flatten } from "../metrics/flatten.js";
import { stableJson } from "../pipeline/stable-json.js";
import { type RepoLayout, toRepoPath } from "../repo/index.js";
import { loadModelCard, readVersionManifests } from "./model-files.js";
import {
  createAnnotatedTag,
  deleteLocalTag,
  fetchModelTags,
  pushTag,
  type Tagger,
  type TagRemote,
} from "./publish.js";
import { isoSeconds, readRegistryRefs } from "./refs.js";
import { type Signature, signatureChanges } from "./signature.js";
import { buildState, latestTagTime } from "./state.js";
import { type BumpLevel, bumpVersion, compareSemver, parseSemver, versionTagName } from "./tag-names.js";

export interface Provenance {
  actor?: string;
  runId?: string | number;
  runUrl?: string;
  workflow?: string;
}

export interface RegisterOptions {
  /** An explicit version; refused when it breaks the model's version policy. */
  version?: string;
  /** Push the tag here (and fetch from it first); undefined keeps the registry local. */
  tagRemote?: TagRemote;
  /** The data remote to copy the model object to (default: the configured one, if any). */
  dataRemote?: string;
  provenance?: Provenance;
  tagger?: Tagger;
  /** Seconds since the epoch (tests fix it; default now). */
  now?: number;
  logger?: Logger;
}

export interface RegisterResult {
  model: string;
  version: string;
  tag: string;
  /** False when the same artifact was registered before and that version is returned. */
  created: boolean;
  pushed: boolean;
  bump: BumpLevel | "initial" | "explicit" | "existing";
  reasons: string[];
  manifest: ModelVersion;
}

const levelRank: Record<BumpLevel, number> = { patch: 0, minor: 1, major: 2 };

/** What a new version's number must at least bump, and why, compared with the latest version. */
export function requiredBump(
  card: ModelCard,
  latest: ModelVersion,
  candidate: ModelVersion,
): { level: BumpLevel; reasons: string[] } {
  const policy = card.version_policy;
  const reasons: string[] = [];
  let level: BumpLevel = policy.bump;
  const raise = (to: BumpLevel, why: string) => {
    reasons.push(why);
    if (levelRank[to] > levelRank[level]) level = to;
  };
  const changes = signatureChanges(latest.signature, candidate.signature);
  if (changes.length) raise(policy.signature, `signature changed: ${changes.join("; ")}`);
  const dataKey = (v: ModelVersion) =>
    v.data
      .map((d) => `${d.name}=${d.data_sha256 ?? d.sha256}`)
      .sort()
      .join(",");
  if (dataKey(latest) !== dataKey(candidate)) raise(policy.data, "training data changed");
  if (stableJson(latest.params) !== stableJson(candidate.params)) raise(policy.params, "params changed");
  if (!reasons.length) reasons.push("artifact changed");
  return { level, reasons };
}

function bumpLevelBetween(from: string, to: string): BumpLevel {
  const a = parseSemver(from);
  const b = parseSemver(to);
  if (!a || !b || b.major !== a.major) return "major";
  return b.minor !== a.minor ? "minor" : "patch";
}

interface BuiltVersion {
  manifest: ModelVersion;
  /** Absolute path of the model file in the workspace. */
  modelFile: string;
}

/**
 * The version manifest for what the pipeline's committed lock says it built: the stage writing the
 * model and every stage upstream of it give the params and data; the files give metrics, validation
 * and the ONNX signature; git gives the commit.
 */
export async function buildVersionManifest(
  layout: RepoLayout,
  card: ModelCard,
  version: string,
  now: number,
  provenance: Provenance | undefined,
): Promise<BuiltVersion> {
  const pipelineDir = join(layout.pipelinesDir, card.pipeline);
  const lockFile = join(pipelineDir, "pipeline.lock");
  const lockDisplay = toRepoPath(layout, lockFile);
  if (!existsSync(lockFile)) {
    throw new MlopsError("not-found", `pipeline '${card.pipeline}' has no lock: it has not run`, {
      file: lockDisplay,
      hint: `run \`mlops run ${card.pipeline}\` and commit ${lockDisplay}`,
    });
  }
  const { hashBytes, objectRelPath } = await import("../store/index.js");
  const { datasetsCovering } = await import("../tracking/index.js");
  const { pipelineLock } = await import("../manifest/pipeline-lock.js");
  const { modelVersion } = await import("../manifest/model-version.js");
  const lockBytes = await readFile(lockFile);
  const lock = parseYaml(lockBytes.toString("utf8"), pipelineLock, lockDisplay);
  // A version names a commit; the lock at that commit must be the one that built the model.
  const committed = await gitRaw(["show", `HEAD:${lockDisplay}`], { cwd: layout.root, okCodes: [128] });
  if (committed.code !== 0 || !committed.stdout.equals(lockBytes)) {
    throw new MlopsError("conflict", `${lockDisplay} has changes that are not committed`, {
      file: lockDisplay,
      hint: "commit the lock first: a registered version must be reproducible from its commit",
    });
  }
  const commit = (await git(["rev-parse", "HEAD"], { cwd: layout.root })).trim();

  const producing = producingStages(lock, card.output, lockDisplay);
  const outEntry = producing.entry;
  const modelFile = join(pipelineDir, card.output);
  if (!existsSync(modelFile)) {
    throw new MlopsError(
      "not-found",
      `the model file ${toRepoPath(layout, modelFile)} is not in the workspace`,
      {
        hint: `run \`mlops run ${card.pipeline}\` to restore it from the run cache`,
      },
    );
  }
  const bytes = await readFile(modelFile);
  const artifact = hashBytes(bytes);
  if (artifact !== outEntry.sha256) {
    throw new MlopsError("conflict", `${toRepoPath(layout, modelFile)} is not the file the lock records`, {
      expected: `sha256 ${outEntry.sha256.slice(0, 12)}…`,
      got: `sha256 ${artifact.slice(0, 12)}…`,
      hint: `run \`mlops run ${card.pipeline}\` so workspace and lock agree`,
    });
  }

  const params: Record<string, unknown> = {};
  const depPaths = new Set<string>();
  for (const name of producing.stages) {
    const stage = lock.stages[name];
    if (!stage) continue;
    for (const [file, values] of Object.entries(stage.params)) {
      for (const [key, value] of Object.entries(values))
        params[file === "params.yaml" ? key : `${file}:${key}`] = value;
    }
    for (const dep of stage.deps) depPaths.add(toRepoPath(layout, join(pipelineDir, dep.path)));
  }
  const datasets = await datasetsCovering(layout, [...depPaths]);
  const data = await Promise.all(
    datasets
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map(async (d) => ({
        name: d.name,
        sha256: hashBytes(await readFile(join(layout.root, d.file))),
        path: d.file,
        ...(d.manifest.outs[0] ? { data_sha256: d.manifest.outs[0].sha256 } : {}),
      })),
  );

  const metrics = card.metrics ? await readMetrics(layout, pipelineDir, card.metrics) : {};
  const validation = card.validation ? await readValidation(layout, pipelineDir, card.validation) : undefined;
  const signature = await readSignature(modelFile, toRepoPath(layout, modelFile));

  const manifest = modelVersion.parse({
    version,
    model: card.name,
    created: isoSeconds(now),
    commit,
    pipeline: { name: card.pipeline, lock_sha256: hashBytes(lockBytes) },
    data,
    params,
    metrics,
    ...(validation ? { validation } : {}),
    signature,
    artifact: { sha256: artifact, size: bytes.length, uri: `mlops:${objectRelPath(artifact)}` },
    ...(provenance && Object.keys(provenance).length
      ? {
          provenance: {
            ...(provenance.runId !== undefined ? { run_id: provenance.runId } : {}),
            ...(provenance.runUrl ? { run_url: provenance.runUrl } : {}),
            ...(provenance.actor ? { actor: provenance.actor } : {}),
            ...(provenance.workflow ? { workflow: provenance.workflow } : {}),
          },
        }
      : {}),
  });
  return { manifest, modelFile };
}

/** The lock stage writing `output`, and every stage upstream of it in the same lock. */
function producingStages(
  lock: PipelineLock,
  output: string,
  lockDisplay: string,
): { entry: { sha256: string; size: number }; stages: string[] } {
  const want = posix.normalize(output);
  const writer = new Map<string, string>();
  for (const [name, stage] of Object.entries(lock.stages))
    for (const o of stage.outs) writer.set(posix.normalize(o.path), name);
  const first = writer.get(want);
  if (!first) {
    throw new MlopsError("not-found", `no stage in the lock writes '${output}'`, {
      file: lockDisplay,
      hint: "check `output` in model.yaml against the pipeline's outs, then run the pipeline",
    });
  }
  const entry = lock.stages[first]?.outs.find((o) => posix.normalize(o.path) === want);
  const seen = new Set<string>();
  const queue = [first];
  while (queue.length) {
    const name = queue.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const dep of lock.stages[name]?.deps ?? []) {
      const upstream = writer.get(posix.normalize(dep.path));
      if (upstream) queue.push(upstream);
    }
  }
  return { entry: entry as { sha256: string; size: number }, stages: [...seen].sort() };
}

async function readJsonFile(layout: RepoLayout, file: string): Promise<unknown> {
  const display = toRepoPath(layout, file);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new MlopsError("not-found", "file not found", { file: display, hint: "run the pipeline first" });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new MlopsError("invalid-file", `not valid JSON: ${(err as Error).message}`, { file: display });
  }
}

/** Numeric metrics, nested objects flattened to `a.b` (arrays, like confusion matrices, are left out). */
export async function readMetrics(
  layout: RepoLayout,
  dir: string,
  path: string,
): Promise<Record<string, number>> {
  const value = await readJsonFile(layout, join(dir, path));
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(flatten(value)))
    if (typeof v === "number" && Number.isFinite(v)) out[k] = v;
  return out;
}

export async function readValidation(
  layout: RepoLayout,
  dir: string,
  path: string,
): Promise<{ ok: boolean; summary: string }> {
  const file = join(dir, path);
  const value = (await readJsonFile(layout, file)) as { ok?: unknown; findings?: { severity?: string }[] };
  if (typeof value?.ok !== "boolean") {
    throw new MlopsError("invalid-file", "expected a validation result with a boolean 'ok'", {
      file: toRepoPath(layout, file),
      field: "ok",
      hint: "write it with `mlops validate DATASET --json > FILE`",
    });
  }
  const findings = Array.isArray(value.findings) ? value.findings : [];
  const count = (s: string) => findings.filter((f) => f?.severity === s).length;
  const summary = value.ok
    ? `passed (${count("warn")} warnings)`
    : `failed (${count("error")} errors, ${count("warn")} warnings)`;
  return { ok: value.ok, summary };
}

/** Inputs and outputs as onnxruntime reads them from the file itself (ONNX is the contract). */
export async function readSignature(modelFile: string, label: string): Promise<Signature> {
  const { openModel } = await import("../evaluate/index.js");
  const model = await openModel(modelFile, label);
  try {
    const spec = (v: {
      name: string;
      type: string;
      shape: (number | string)[];
    }): Signature["inputs"][number] => ({
      name: v.name,
      dtype: v.type,
      shape: v.shape.map((d) =>
        typeof d === "number" && d >= 0 ? d : typeof d === "string" && d ? d : null,
      ),
    });
    return { inputs: model.signature.inputs.map(spec), outputs: model.signature.outputs.map(spec) };
  } finally {
    await model.session.release();
  }
}

/**
 * Registers what the pipeline built as a new version of the model: an annotated tag `<name>@vX.Y.Z`
 * whose annotation is the version manifest, the model object in the store (and the data remote),
 * and the tag pushed when a git remote is given. The number follows the version policy; the same
 * artifact registered again returns its existing version.
 */
export async function registerModel(
  layout: RepoLayout,
  name: string,
  options: RegisterOptions = {},
): Promise<RegisterResult> {
  const card = await loadModelCard(layout, name);
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (options.tagRemote) await fetchModelTags(layout.root, options.tagRemote, name);

  // What was built does not change between attempts: read the lock, files and signature once.
  const built = await buildVersionManifest(layout, card, "v0.0.0", now, options.provenance);
  let storedUri: string | undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    const refs = await readRegistryRefs(layout.root, { model: name });
    const state = buildState(refs).models.get(name);
    const versionRefs = (state?.versions ?? []).map((v) => v.ref);
    const manifests = await readVersionManifests(layout.root, versionRefs);
    // Strictly after every earlier tag of the model: GTO orders events by this time (whole seconds).
    const time = Math.max(now, latestTagTime(state) + 1);

    const same = [...manifests.values()].find((m) => m.artifact.sha256 === built.manifest.artifact.sha256);
    if (same) {
      if (options.version && options.version !== same.version) {
        throw new MlopsError("conflict", `this artifact is already registered as ${name}@${same.version}`, {
          hint: "a version names one artifact; retrain or change something to register a new one",
        });
      }
      await storeModel(layout, built.modelFile, same.artifact.sha256, options);
      return {
        model: name,
        version: same.version,
        tag: versionTagName(name, same.version),
        created: false,
        pushed: false,
        bump: "existing",
        reasons: ["the same artifact is already registered"],
        manifest: same,
      };
    }
    const atCommit = [...manifests.values()].find((m) => m.commit === built.manifest.commit);
    if (atCommit) {
      throw new MlopsError(
        "conflict",
        `${name}@${atCommit.version} is registered at commit ${built.manifest.commit.slice(0, 12)} with a different artifact`,
        {
          hint: "GTO resolves a stage to the version at its commit, so one commit holds one version; commit the new lock first",
        },
      );
    }

    const latestRef = state?.versions.at(-1);
    const latest = latestRef ? manifests.get(latestRef.ref.tag) : undefined;
    let version: string;
    let bump: RegisterResult["bump"];
    let reasons: string[];
    if (!latest || !latestRef) {
      version = options.version ?? card.version_policy.initial;
      bump = options.version ? "explicit" : "initial";
      reasons = ["first version"];
    } else {
      const required = requiredBump(card, latest, built.manifest);
      reasons = required.reasons;
      if (options.version) {
        const given = options.version;
        if (!parseSemver(given)) {
          throw new MlopsError("usage", `'${given}' is not a version`, {
            expected: "vMAJOR.MINOR.PATCH, like v1.4.0",
          });
        }
        if (compareSemver(given, latest.version) <= 0) {
          throw new MlopsError("conflict", `${given} is not after the latest version ${latest.version}`, {
            hint: `the next version by the policy is ${bumpVersion(latest.version, required.level)}`,
          });
        }
        const level = bumpLevelBetween(latest.version, given);
        if (levelRank[level] < levelRank[required.level]) {
          throw new MlopsError(
            "conflict",
            `${given} is a ${level} bump from ${latest.version}, but the version policy requires a ${required.level} bump: ${required.reasons.join("; ")}`,
            { hint: `use ${bumpVersion(latest.version, required.level)} or leave --version out` },
          );
        }
        version = given;
        bump = "explicit";
      } else {
        version = bumpVersion(latest.version, required.level);
        bump = required.level;
      }
    }
    if (state?.versions.some((v) => v.version === version)) {
      throw new MlopsError("conflict", `${name}@${version} already exists for a different artifact`);
    }
    const parentRef = [...(state?.versions ?? [])].sort((a, b) => a.ref.time - b.ref.time).at(-1)?.ref;
    const manifest: ModelVersion = {
      ...built.manifest,
      artifact: { ...built.manifest.artifact },
      created: isoSeconds(time),
      version,
      ...(parentRef ? { parent: { tag: parentRef.tag, object: parentRef.object } } : {}),
    };
    storedUri ??= await storeModel(layout, built.modelFile, manifest.artifact.sha256, options);
    manifest.artifact.uri = storedUri;
    const tag = versionTagName(name, version);
    const { modelVersion } = await import("../manifest/model-version.js");
    const message = stringifyYaml(manifest, modelVersion, `tag ${tag}`);
    await createAnnotatedTag(layout.root, {
      tag,
      commit: manifest.commit,
      message,
      time,
      tagger: options.tagger,
    });
    if (!options.tagRemote) {
      return { model: name, version, tag, created: true, pushed: false, bump, reasons, manifest };
    }
    const pushed = await pushTag(layout.root, options.tagRemote, tag);
    if (pushed === "pushed")
      return { model: name, version, tag, created: true, pushed: true, bump, reasons, manifest };
    // Someone registered the same number first: take their tags and decide again.
    options.logger?.info(`${tag} was registered elsewhere meanwhile; fetching and retrying`);
    await deleteLocalTag(layout.root, tag);
    await fetchModelTags(layout.root, options.tagRemote, name);
  }
  throw new MlopsError("conflict", `could not register ${name}: the remote kept changing (20 attempts)`);
}

/** Puts the model into the local store and, when one is configured, the data remote; returns its URI. */
async function storeModel(
  layout: RepoLayout,
  modelFile: string,
  sha256: string,
  options: RegisterOptions,
): Promise<string> {
  // The store and the remotes load only when a version is written: reading the registry stays light.
  const { Cache, objectRelPath, push: pushObjects } = await import("../store/index.js");
  const { resolveRemote } = await import("../tracking/index.js");
  const cache = new Cache(layout.cacheDir);
  if (!cache.has(sha256)) await cache.addFile(modelFile);
  const resolved = await resolveRemote(layout, options.dataRemote);
  if (!resolved) return `mlops:${objectRelPath(sha256)}`;
  await pushObjects(
    cache,
    resolved.remote,
    [{ oid: sha256, referencedBy: relative(layout.root, modelFile) }],
    {
      ...(resolved.jobs ? { jobs: resolved.jobs } : {}),
    },
  );
  const url = resolved.remote.url.replace(/\/+$/, "");
  // A URL with a scheme (s3://, git-branch:…) names the object as it is; a bare path becomes file://.
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[a-z]:[\\/]/i.test(url);
  return `${hasScheme ? url : `file://${url}`}/${objectRelPath(sha256)}`;
}
