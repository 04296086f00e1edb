import { MlopsError } from "../errors/index.js";
import { gitCapture, gitStderrTail, readBlobs } from "../git/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import { pipelineLock } from "../manifest/pipeline-lock.js";
import { parseYaml } from "../manifest/yaml-file.js";
import { pushRunCache } from "../pipeline/index.js";
import { fetchRunCache, readRunCache } from "../pipeline/run-cache.js";
import type { RepoLayout } from "../repo/index.js";
import { Cache, pull, type RemoteEnv, remoteWritesBlockedBy } from "../store/index.js";
import { resolveRemote } from "../tracking/index.js";
import { type Experiment, expRefPrefix, findExperiment, headCommit, listExperiments } from "./exp-refs.js";

export interface ShareOptions {
  /** The git remote the refs travel through (default origin). */
  gitRemote?: string;
  /** The data remote for the outputs' objects (default: the default remote). */
  dataRemote?: string;
  logger?: Logger;
  /**
   * Where the event name and the read-only switch are read from (as for the data remotes): the
   * process environment unless a test passes its own.
   */
  env?: RemoteEnv;
}

/** The run keys an experiment's locks name: what a teammate needs to restore its outputs. */
async function runKeysOf(root: string, exps: readonly Experiment[]): Promise<Set<string>> {
  const names = exps.flatMap((e) => e.pipelines.map((p) => `${e.commit}:pipelines/${p}/pipeline.lock`));
  const blobs = await readBlobs(root, names);
  const keys = new Set<string>();
  for (const [name, bytes] of blobs) {
    const lock = parseYaml(bytes.toString("utf8"), pipelineLock, name);
    for (const stage of Object.values(lock.stages)) if (stage.run_key) keys.add(stage.run_key);
  }
  return keys;
}

async function gitOrFail(args: string[], root: string, what: string): Promise<string> {
  const result = await gitCapture(args, { cwd: root });
  if (result.code !== 0)
    throw new MlopsError("remote", `${what} failed: ${gitStderrTail(result.stderr, 3)}`, {
      hint: "check the git remote's name or URL and that you may push to it",
    });
  return result.stdout;
}

/**
 * Shares experiments: the outputs their locks name (every remembered run, as `mlops data push`
 * sends them) go to the data remote first, then the refs go to the git remote, so whoever sees a
 * ref can restore its outputs. A re-run experiment replaces the remote's ref of the same name.
 */
export async function pushExperiments(
  layout: RepoLayout,
  names: readonly string[],
  options: ShareOptions = {},
): Promise<{
  refs: string[];
  remote: string;
  data: { remote: string; entries: number; transferred: number } | null;
}> {
  const gitRemote = options.gitRemote ?? "origin";
  // Refused before anything moves: a pull-request run (a fork's included) runs code nobody trusted
  // yet, so it shares nothing, neither refs through git nor objects through the data remote.
  const blocked = remoteWritesBlockedBy(options.env ?? process.env);
  if (blocked !== undefined)
    throw new MlopsError("refused", `exp push is refused: remotes are read-only ${blocked}`, {
      hint: "experiments of a pull-request run stay in its job; run and push them from a trusted clone",
    });
  const head = await headCommit(layout.root);
  const exps =
    names.length > 0
      ? await Promise.all(names.map((n) => findExperiment(layout.root, n, head)))
      : await listExperiments(layout.root);
  if (exps.length === 0) return { refs: [], remote: gitRemote, data: null };
  const resolved = await resolveRemote(layout, options.dataRemote);
  let data: { remote: string; entries: number; transferred: number } | null = null;
  if (resolved) {
    const result = await pushRunCache(layout.cacheDir, new Cache(layout.cacheDir), resolved.remote, {
      ...(options.logger ? { logger: options.logger } : {}),
    });
    data = { remote: resolved.remote.name, entries: result.entries, transferred: result.transferred };
  } else
    options.logger?.warn("no data remote configured: only the refs are pushed, outputs stay in this cache");
  const refs = exps.map((e) => e.ref);
  await gitOrFail(
    ["push", "--quiet", gitRemote, ...refs.map((r) => `+${r}:${r}`)],
    layout.root,
    `git push to ${gitRemote}`,
  );
  return { refs, remote: gitRemote, data };
}

/**
 * Fetches every experiment ref from the git remote, then the run-cache records and objects their
 * locks name from the data remote (when one is configured), so `exp apply` restores offline.
 */
export async function pullExperiments(
  layout: RepoLayout,
  options: ShareOptions = {},
): Promise<{
  refs: string[];
  remote: string;
  data: { remote: string; records: number; transferred: number } | null;
}> {
  const logger = options.logger ?? silentLogger;
  const gitRemote = options.gitRemote ?? "origin";
  await gitOrFail(
    ["fetch", "--quiet", gitRemote, `+${expRefPrefix}*:${expRefPrefix}*`],
    layout.root,
    `git fetch from ${gitRemote}`,
  );
  const exps = await listExperiments(layout.root);
  const resolved = await resolveRemote(layout, options.dataRemote);
  let data: { remote: string; records: number; transferred: number } | null = null;
  if (resolved) {
    const cache = new Cache(layout.cacheDir);
    let records = 0;
    let transferred = 0;
    for (const key of await runKeysOf(layout.root, exps)) {
      const entry =
        (await readRunCache(layout.cacheDir, key)) ??
        (await fetchRunCache(layout.cacheDir, resolved.remote, key));
      if (!entry) continue;
      records++;
      const missing = entry.outs.filter((o) => !cache.has(o.sha256));
      if (missing.length === 0) continue;
      const present = await resolved.remote.has(missing.map((o) => o.sha256));
      const items = missing
        .filter((o) => present.has(o.sha256))
        .map((o) => ({ oid: o.sha256, referencedBy: o.path }));
      const result = await pull(cache, resolved.remote, items, { logger });
      transferred += result.transferred;
    }
    data = { remote: resolved.remote.name, records, transferred };
  }
  return { refs: exps.map((e) => e.ref), remote: gitRemote, data };
}
