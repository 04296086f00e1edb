import { MlopsError } from "../errors/index.js";
import { git, gitRaw } from "../git/index.js";
import type { ParamValue } from "../manifest/params.js";

/** Experiments live under this namespace, one ref per experiment: `refs/exps/<base commit>/<name>`. */
export const expRefPrefix = "refs/exps/";
/** The line of the commit message that carries an experiment's record. */
const recordTrailer = "mlops-experiment: ";

/** What an experiment commit's message records besides its tree. */
export interface ExperimentRecord {
  name: string;
  pipelines: string[];
  /** `[pipeline:]key` → the value this point set. */
  params: Record<string, ParamValue>;
  /** Repository paths of the metrics files in the commit's tree. */
  metrics_files: string[];
  created: string;
}

export interface Experiment extends ExperimentRecord {
  /** The commit the experiment started from (its parent). */
  base: string;
  /** The experiment's own commit. */
  commit: string;
  ref: string;
}

/** A name a ref can carry: letters, digits, `.`, `_`, `-`, not starting with `.` or `-`. */
const namePattern = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$/;

export function checkExperimentName(name: string, option = "--name"): void {
  if (!namePattern.test(name) || name.includes("..") || name.endsWith(".lock") || name.endsWith("."))
    throw new MlopsError("usage", `${JSON.stringify(name)} cannot name an experiment`, {
      field: option,
      expected: "letters, digits, '.', '_' and '-' (at most 100), not starting with '.' or '-'",
      got: name,
    });
}

export function experimentRef(base: string, name: string): string {
  return `${expRefPrefix}${base}/${name}`;
}

export function commitMessage(record: ExperimentRecord, summary: string): string {
  return `exp ${record.name}: ${summary}\n\n${recordTrailer}${JSON.stringify(record)}\n`;
}

function parseRecord(message: string): ExperimentRecord | undefined {
  const line = message.split("\n").find((l) => l.startsWith(recordTrailer));
  if (!line) return undefined;
  try {
    const value = JSON.parse(line.slice(recordTrailer.length)) as ExperimentRecord;
    if (typeof value.name !== "string" || !Array.isArray(value.pipelines)) return undefined;
    return {
      name: value.name,
      pipelines: value.pipelines,
      params: value.params ?? {},
      metrics_files: value.metrics_files ?? [],
      created: String(value.created ?? ""),
    };
  } catch {
    return undefined;
  }
}

/**
 * Every experiment under refs/exps/ (or those of one base commit), oldest first then by name.
 * A ref whose commit carries no record (made by hand) is left out rather than failing the listing.
 */
export async function listExperiments(cwd: string, base?: string): Promise<Experiment[]> {
  const prefix = base ? `${expRefPrefix}${base}/` : expRefPrefix;
  const refs = (await git(["for-each-ref", "--format=%(refname) %(objectname)", prefix], { cwd }))
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [ref = "", commit = ""] = line.split(" ");
      return { ref, commit };
    });
  if (refs.length === 0) return [];
  const log = await git(
    ["log", "--no-walk=unsorted", "--format=%H%x00%P%x00%B%x1e", ...new Set(refs.map((r) => r.commit))],
    {
      cwd,
    },
  );
  const commits = new Map<string, { parent: string; message: string }>();
  for (const chunk of log.split("\x1e")) {
    const [hash, parents, message] = chunk.replace(/^\n/, "").split("\x00");
    if (!hash || message === undefined) continue;
    commits.set(hash, { parent: (parents ?? "").split(" ")[0] ?? "", message });
  }
  const out: Experiment[] = [];
  for (const { ref, commit } of refs) {
    const info = commits.get(commit);
    const record = info ? parseRecord(info.message) : undefined;
    const rest = ref.slice(expRefPrefix.length);
    const slash = rest.indexOf("/");
    if (!info || !record || slash < 0) continue;
    out.push({ ...record, base: rest.slice(0, slash), name: rest.slice(slash + 1), commit, ref });
  }
  return out.sort((a, b) =>
    a.created < b.created ? -1 : a.created > b.created ? 1 : a.name < b.name ? -1 : 1,
  );
}

/** Finds one experiment by name (on the given base first), refusing an ambiguous or unknown name. */
export async function findExperiment(cwd: string, name: string, base?: string): Promise<Experiment> {
  const all = await listExperiments(cwd);
  const onBase = base ? all.filter((e) => e.base === base && e.name === name) : [];
  const matches = onBase.length > 0 ? onBase : all.filter((e) => e.name === name || e.ref === name);
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1)
    throw new MlopsError("conflict", `experiment name '${name}' is on ${matches.length} base commits`, {
      expected: `one of: ${matches.map((e) => e.ref).join(", ")}`,
      hint: "name it by its full ref",
    });
  throw new MlopsError("not-found", `no experiment named '${name}'`, {
    hint: "`mlops exp show --all` lists them",
  });
}

/** Points the ref at the commit in one step (update-ref writes through a lock file and renames). */
export async function writeExperimentRef(cwd: string, ref: string, commit: string): Promise<void> {
  await gitRaw(["update-ref", "-m", "mlops exp run", ref, commit], { cwd });
}

export async function deleteExperimentRefs(cwd: string, refs: readonly string[]): Promise<void> {
  if (refs.length === 0) return;
  // One transaction: every ref goes, or (on a failure) none does.
  const input = refs.map((r) => `delete ${r}\n`).join("");
  await gitRaw(["update-ref", "--stdin"], { cwd, input });
}

/** The commit experiments start from and are filed under; a repository with none yet is refused. */
export async function headCommit(cwd: string): Promise<string> {
  const result = await gitRaw(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], {
    cwd,
    okCodes: [1, 128],
  });
  const commit = result.stdout.toString("utf8").trim();
  if (result.code !== 0 || commit === "")
    throw new MlopsError("not-found", "experiments start from a commit, and HEAD names none", {
      hint: "commit the pipelines first (git add pipelines && git commit)",
    });
  return commit;
}

/** Paths under the pipelines that differ from HEAD: a sweep runs HEAD's files, not these. */
export async function uncommittedPipelineChanges(
  cwd: string,
  pipelineDirs: readonly string[],
): Promise<string[]> {
  const out = await git(["status", "--porcelain", "--untracked-files=no", "--", ...pipelineDirs], { cwd });
  return out
    .split("\n")
    .filter(Boolean)
    .map((l) => l.slice(3));
}
