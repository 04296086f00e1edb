import { type Command, InvalidArgumentError } from "commander";
import { repoLayout } from "../../repo/index.js";
import { commandContext } from "../context.js";

function parseJobs(value: string): number {
  const n = Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new InvalidArgumentError(`--jobs expects a number from 1 to 64, got '${value}'`);
  return n;
}

function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export function register(program: Command): void {
  const data = program
    .command("data")
    .description("track datasets by content hash: add, import, push, pull, verify");

  data
    .command("add")
    .description("hash a file or directory into the cache and write its <name>.dvc manifest next to it")
    .argument("<path>", "file or directory inside the repository")
    .option("-n, --name <name>", "dataset name (default: the file name without extension)")
    .action(async (path: string, opts: { name?: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { addData } = await import("../../tracking/index.js");
      const added = await addData(repoLayout(ctx.root), path, { ...opts, logger: ctx.logger });
      ctx.output(
        { ok: true, ...added },
        () =>
          `${added.manifest}: ${added.path} ${added.sha256.slice(0, 12)} ${formatBytes(added.size)}${added.nfiles === undefined ? "" : ` in ${added.nfiles} files`} (${added.hashed} hashed)`,
      );
    });

  data
    .command("import")
    .description("copy a dataset from an npm package, a URL or S3 and track it with its source recorded")
    .argument(
      "<source>",
      "PACKAGE[@VERSION]/PATH (e.g. vega-datasets@3.2.1/data/cars.json), an https:// URL, or s3://BUCKET/KEY (an object) or s3://BUCKET/PREFIX/ (a directory)",
    )
    .argument("[path]", "where the workspace copy goes (default: data/<file name>)")
    .option("-n, --name <name>", "dataset name (default: the file name without extension)")
    .option("-f, --force", "replace an existing workspace copy")
    .option("--endpoint <url>", "s3:// only: an S3-compatible endpoint (recorded in the manifest)")
    .option("--region <region>", "s3:// only: the bucket's region (recorded in the manifest)")
    .option("--path-style", "s3:// only: address the bucket as ENDPOINT/BUCKET (recorded in the manifest)")
    .action(
      async (
        source: string,
        path: string | undefined,
        opts: { name?: string; force?: boolean; endpoint?: string; region?: string; pathStyle?: boolean },
        cmd: Command,
      ) => {
        const ctx = commandContext(cmd);
        const { importData } = await import("../../tracking/index.js");
        const { endpoint, region, pathStyle, ...rest } = opts;
        const s3 =
          endpoint || region || pathStyle
            ? {
                ...(endpoint ? { endpoint } : {}),
                ...(region ? { region } : {}),
                ...(pathStyle ? { pathStyle: true } : {}),
              }
            : undefined;
        const added = await importData(repoLayout(ctx.root), source, path, {
          ...rest,
          ...(s3 ? { s3 } : {}),
          logger: ctx.logger,
        });
        ctx.output(
          { ok: true, ...added },
          () =>
            `${added.manifest}: imported ${added.path} ${added.sha256.slice(0, 12)} ${formatBytes(added.size)}`,
        );
      },
    );

  data
    .command("status")
    .description("compare workspace copies with their manifests (exit 1 when anything differs)")
    .argument("[targets...]", "datasets (name, manifest or path); default: all")
    .option(
      "-r, --remote [name]",
      "also check that the remote holds each dataset (default remote if no name)",
    )
    .action(async (targets: string[], opts: { remote?: string | boolean }, cmd: Command) => {
      const ctx = commandContext(cmd);
      // The scan's worker threads start first, so they boot while the heavy modules below load and
      // the manifests are read. scan-tree is imported on its own (not through store/index.js, which
      // would load zod and the rest before the workers could start): its chunk is a few kB.
      const layout = repoLayout(ctx.root);
      (await import("../../store/scan-tree.js")).startScanWorkers(layout.stateDir);
      const { datasetStatus, resolveRemote, selectDatasets } = await import("../../tracking/index.js");
      const datasets = await selectDatasets(layout, targets);
      const remote = opts.remote
        ? await resolveRemote(layout, typeof opts.remote === "string" ? opts.remote : undefined)
        : undefined;
      const report = await datasetStatus(layout, datasets, {
        logger: ctx.logger,
        ...(remote ? { remote: remote.remote } : {}),
      });
      ctx.output({ ok: report.clean, ...report }, () => {
        if (report.datasets.length === 0) return "no datasets tracked (track one with `mlops data add PATH`)";
        const lines = report.datasets.map((d) => {
          const notes = [
            d.workspace === "ok" ? "" : `workspace ${d.workspace}`,
            d.inCache ? "" : "not in cache",
            d.onRemote === false ? "not on remote" : "",
          ]
            .filter(Boolean)
            .join(", ");
          return `${notes ? "✗" : "✓"} ${d.name}\t${d.manifest}${notes ? `\t${notes}` : ""}`;
        });
        return lines.join("\n");
      });
      if (!report.clean) process.exitCode = 1;
    });

  data
    .command("push")
    .description("upload the objects of tracked datasets that the remote lacks")
    .argument("[targets...]", "datasets (name, manifest or path); default: all")
    .option("-r, --remote <name>", "remote to push to (default: the default remote)")
    .option("-j, --jobs <n>", "concurrent uploads", parseJobs)
    .action(async (targets: string[], opts: { remote?: string; jobs?: number }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { MlopsError } = await import("../../errors/index.js");
      const { resolveRemote, selectDatasets } = await import("../../tracking/index.js");
      const { pushDatasetsAndRuns } = await import("../../pipeline/index.js");
      const layout = repoLayout(ctx.root);
      const resolved = await resolveRemote(layout, opts.remote);
      if (!resolved)
        throw new MlopsError("usage", "no remote configured", {
          hint: "add one with `mlops remote add NAME PATH --default`",
        });
      const datasets = await selectDatasets(layout, targets);
      const jobs = opts.jobs ?? resolved.jobs;
      const { runs, ...result } = await pushDatasetsAndRuns(layout, datasets, resolved.remote, {
        logger: ctx.logger,
        ...(jobs ? { jobs } : {}),
      });
      ctx.output(
        { ok: true, remote: resolved.remote.name, ...result, runs },
        () =>
          `pushed ${result.transferred} objects (${formatBytes(result.bytes)}) to ${resolved.remote.name}; ${result.skipped} already there` +
          (runs.entries > 0
            ? `\npushed ${runs.entries} pipeline run(s) with ${runs.transferred} new output objects (${formatBytes(runs.bytes)})`
            : ""),
      );
    });

  data
    .command("pull")
    .description(
      "fetch missing objects (from the remote, else from the recorded source) and check the workspace copies out",
    )
    .argument("[targets...]", "datasets (name, manifest or path); default: all")
    .option("-r, --remote <name>", "remote to pull from (default: the default remote)")
    .option("-j, --jobs <n>", "concurrent downloads", parseJobs)
    .option("-f, --force", "overwrite workspace copies that differ from their manifest")
    .action(
      async (targets: string[], opts: { remote?: string; jobs?: number; force?: boolean }, cmd: Command) => {
        const ctx = commandContext(cmd);
        const { pullDatasets, resolveRemote, selectDatasets } = await import("../../tracking/index.js");
        const layout = repoLayout(ctx.root);
        const resolved = await resolveRemote(layout, opts.remote);
        const datasets = await selectDatasets(layout, targets);
        const jobs = opts.jobs ?? resolved?.jobs;
        const report = await pullDatasets(layout, datasets, resolved?.remote, {
          logger: ctx.logger,
          force: opts.force === true,
          ...(jobs ? { jobs } : {}),
        });
        ctx.output({ ok: true, ...report }, () => {
          const written = report.checkout.datasets.filter((d) => d.action === "written").length;
          const parts = [
            `pulled ${report.fromRemote.transferred} objects (${formatBytes(report.fromRemote.bytes)})${report.fromRemote.remote ? ` from ${report.fromRemote.remote}` : ""}`,
          ];
          if (report.fromSource.length > 0)
            parts.push(`materialised ${report.fromSource.join(", ")} from recorded sources`);
          parts.push(`checked out ${written} of ${report.checkout.datasets.length} datasets`);
          return parts.join("; ");
        });
      },
    );

  data
    .command("checkout")
    .description("restore workspace copies from the cache, verifying every byte")
    .argument("[targets...]", "datasets (name, manifest or path); default: all")
    .option("-f, --force", "overwrite workspace copies that differ from their manifest")
    .action(async (targets: string[], opts: { force?: boolean }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { checkoutDatasets, selectDatasets } = await import("../../tracking/index.js");
      const layout = repoLayout(ctx.root);
      const report = await checkoutDatasets(layout, await selectDatasets(layout, targets), {
        logger: ctx.logger,
        force: opts.force === true,
      });
      ctx.output(
        { ok: true, ...report },
        () =>
          report.datasets
            .map((d) => `${d.action === "written" ? "restored" : "unchanged"}\t${d.name}`)
            .join("\n") || "no datasets tracked",
      );
    });

  data
    .command("verify")
    .description(
      "re-hash every object the manifests reference, in the cache and optionally on a remote (exit 1 on corruption)",
    )
    .argument("[targets...]", "datasets (name, manifest or path); default: all")
    .option("-r, --remote [name]", "also verify the remote's copies (default remote if no name)")
    .option("--repair", "delete corrupt objects from the cache so `data pull` fetches good ones")
    .action(
      async (targets: string[], opts: { remote?: string | boolean; repair?: boolean }, cmd: Command) => {
        const ctx = commandContext(cmd);
        const { resolveRemote, selectDatasets, verifyDatasets } = await import("../../tracking/index.js");
        const layout = repoLayout(ctx.root);
        const datasets = await selectDatasets(layout, targets);
        const remote = opts.remote
          ? await resolveRemote(layout, typeof opts.remote === "string" ? opts.remote : undefined)
          : undefined;
        const report = await verifyDatasets(layout, datasets, {
          logger: ctx.logger,
          repair: opts.repair === true,
          ...(remote ? { remote: remote.remote } : {}),
        });
        ctx.output(report, () => {
          const lines = report.problems.map(
            (p) =>
              `${p.problem === "corrupt" ? "corrupt" : "missing"}\t${p.oid}\tin ${p.where}\treferenced by ${p.manifest}${p.actual ? `\t(content hashes to ${p.actual})` : ""}${p.repaired ? "\t(removed)" : ""}`,
          );
          lines.push(
            `${report.ok ? "ok" : "FAILED"}: ${report.checked} objects checked, ${report.problems.filter((p) => p.problem === "corrupt").length} corrupt, ${report.problems.filter((p) => p.problem === "missing").length} missing`,
          );
          return lines.join("\n");
        });
        if (!report.ok) process.exitCode = 1;
      },
    );
}
