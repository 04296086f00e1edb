import { existsSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { MlopsError } from "../errors/index.js";
import { type Logger, silentLogger } from "../log/index.js";
import { type RepoLayout, toRepoPath } from "../repo/index.js";
import {
  assertWriteInside,
  Cache,
  HashIndex,
  isDirId,
  pull as pullObjects,
  push as pushObjects,
  type Remote,
  type TransferItem,
  type TransferResult,
} from "../store/index.js";
import { ensureStateIgnored, type TrackedDataset } from "./manifests.js";
import { describeSource, fetchFromSource } from "./source.js";
import { datasetStatus } from "./status.js";

function itemsOf(datasets: readonly TrackedDataset[]): TransferItem[] {
  return datasets.map((d) => ({ oid: d.manifest.outs[0]?.sha256 ?? "", referencedBy: d.file }));
}

export async function pushDatasets(
  layout: RepoLayout,
  datasets: readonly TrackedDataset[],
  remote: Remote,
  options: { jobs?: number; logger?: Logger } = {},
): Promise<TransferResult> {
  const cache = new Cache(layout.cacheDir);
  for (const dataset of datasets) {
    const oid = dataset.manifest.outs[0]?.sha256 ?? "";
    if (!cache.has(oid)) {
      throw new MlopsError(
        "not-found",
        `${dataset.name} (${oid}) is not in the cache, so it cannot be pushed`,
        {
          file: dataset.file,
          hint: "run `mlops data add` on its workspace copy, or `mlops data pull` it first",
        },
      );
    }
  }
  return pushObjects(cache, remote, itemsOf(datasets), options);
}

export interface CheckoutReport {
  datasets: { name: string; manifest: string; action: "unchanged" | "written"; files?: number }[];
}

/**
 * Restores workspace copies from the cache, verifying every byte. A workspace copy that differs
 * from its manifest is someone's unsaved work: it is replaced only with `force`.
 */
export async function checkoutDatasets(
  layout: RepoLayout,
  datasets: readonly TrackedDataset[],
  options: { force?: boolean; logger?: Logger } = {},
): Promise<CheckoutReport> {
  const logger = options.logger ?? silentLogger;
  const status = await datasetStatus(layout, datasets, { logger });
  const modified = status.datasets.filter((d) => d.workspace === "modified");
  if (modified.length > 0 && !options.force) {
    throw new MlopsError(
      "conflict",
      `refusing to overwrite changed workspace copies: ${modified.map((d) => d.path).join(", ")}`,
      {
        file: modified[0]?.manifest,
        hint: "`mlops data add` them to keep the changes, or pass --force to discard them",
      },
    );
  }
  const cache = new Cache(layout.cacheDir);
  const index = await HashIndex.open(layout.stateDir);
  const report: CheckoutReport = { datasets: [] };
  try {
    for (const [i, dataset] of datasets.entries()) {
      const state = status.datasets[i];
      const oid = dataset.manifest.outs[0]?.sha256 ?? "";
      if (state?.workspace === "ok") {
        report.datasets.push({ name: dataset.name, manifest: dataset.file, action: "unchanged" });
        continue;
      }
      try {
        // Before anything is removed or created: the workspace copy must really be in the repository.
        assertWriteInside(layout.root, dataset.outPath, toRepoPath(layout, dataset.outPath));
        if (isDirId(oid)) {
          if (existsSync(dataset.outPath) && !statSync(dataset.outPath).isDirectory())
            await rm(dataset.outPath);
          const result = await cache.checkoutDirectory(oid, dataset.outPath, index, logger, layout.root);
          report.datasets.push({
            name: dataset.name,
            manifest: dataset.file,
            action: "written",
            files: result.written,
          });
        } else {
          if (existsSync(dataset.outPath) && statSync(dataset.outPath).isDirectory()) {
            await rm(dataset.outPath, { recursive: true });
          }
          await cache.checkoutFile(oid, dataset.outPath, index, layout.root);
          report.datasets.push({ name: dataset.name, manifest: dataset.file, action: "written", files: 1 });
        }
      } catch (err) {
        throw nameManifest(err, dataset);
      }
    }
  } finally {
    await index.save();
  }
  return report;
}

function nameManifest(err: unknown, dataset: TrackedDataset): unknown {
  if (err instanceof MlopsError && !err.file) {
    return new MlopsError(err.code, `${err.message} (referenced by ${dataset.file})`, {
      file: dataset.file,
      field: err.field,
      expected: err.expected,
      got: err.got,
      hint: err.hint,
      cause: err.cause,
    });
  }
  return err;
}

/**
 * Fetches an imported dataset again from its recorded source and stores it, refusing bytes whose
 * hash is not the manifest's: the source may have changed since it was recorded.
 */
export async function materialiseFromSource(
  layout: RepoLayout,
  dataset: TrackedDataset,
  logger: Logger = silentLogger,
): Promise<void> {
  const source = dataset.manifest.source;
  const expected = dataset.manifest.outs[0]?.sha256 ?? "";
  if (!source) {
    throw new MlopsError(
      "not-found",
      `${dataset.name} (${expected}) is in neither the cache nor a remote, and has no recorded source`,
      {
        file: dataset.file,
        hint: "configure the remote it was pushed to with `mlops remote add`, then pull again",
      },
    );
  }
  const described = describeSource(source);
  logger.info(`materialising ${dataset.name} from ${described}`);
  await mkdir(layout.tmpDir, { recursive: true });
  const scratch = await mkdtemp(join(layout.tmpDir, "source-"));
  try {
    const landing = join(scratch, "data");
    await fetchFromSource(layout, source, landing);
    const cache = new Cache(layout.cacheDir);
    // A throwaway index: these scratch paths must not linger in the real one.
    const index = await HashIndex.open(join(scratch, "state"));
    const actual = statSync(landing).isDirectory()
      ? (await cache.addDirectory(landing, index)).oid
      : (await cache.addFile(landing)).sha256;
    if (actual !== expected) {
      throw new MlopsError(
        "hash-mismatch",
        `the recorded source of ${dataset.name} no longer matches its manifest`,
        {
          file: dataset.file,
          field: "outs[0].sha256",
          expected,
          got: actual,
          hint: `the bytes at ${described} changed; import the new version deliberately with \`mlops data import --force\``,
        },
      );
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

export interface PullReport {
  fromRemote: TransferResult & { remote?: string };
  fromSource: string[];
  checkout: CheckoutReport;
}

/**
 * Brings every selected dataset into the cache (from the remote, else from its recorded source),
 * then checks the workspace copies out.
 */
export async function pullDatasets(
  layout: RepoLayout,
  datasets: readonly TrackedDataset[],
  remote: Remote | undefined,
  options: { jobs?: number; logger?: Logger; force?: boolean } = {},
): Promise<PullReport> {
  const logger = options.logger ?? silentLogger;
  await ensureStateIgnored(layout);
  const cache = new Cache(layout.cacheDir);
  const missing = datasets.filter((d) => !cache.has(d.manifest.outs[0]?.sha256 ?? ""));
  let fromRemote: PullReport["fromRemote"] = {
    transferred: 0,
    skipped: datasets.length - missing.length,
    bytes: 0,
  };
  let remaining = missing;
  if (remote && missing.length > 0) {
    const present = await remote.has(missing.map((d) => d.manifest.outs[0]?.sha256 ?? ""));
    const onRemote = missing.filter((d) => present.has(d.manifest.outs[0]?.sha256 ?? ""));
    const result = await pullObjects(cache, remote, itemsOf(onRemote), options);
    fromRemote = { ...result, skipped: result.skipped + fromRemote.skipped, remote: remote.name };
    remaining = missing.filter((d) => !present.has(d.manifest.outs[0]?.sha256 ?? ""));
  }
  const fromSource: string[] = [];
  for (const dataset of remaining) {
    await materialiseFromSource(layout, dataset, logger);
    fromSource.push(dataset.name);
  }
  const checkout = await checkoutDatasets(layout, datasets, options);
  return { fromRemote, fromSource, checkout };
}
