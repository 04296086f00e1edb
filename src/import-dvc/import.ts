import { existsSync, readdirSync, statSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { MlopsError } from "../errors/index.js";
import { writeFileAtomic } from "../files/index.js";
import { commitStages, loadPipeline, stableJson } from "../pipeline/index.js";
import { type RepoLayout, toRepoPath } from "../repo/index.js";
import { addData } from "../tracking/index.js";
import { convertDvcYaml, type NotCarried } from "./convert.js";
import { defaultRemote, dvcFile, dvcLock, parseDvcConfig, readDvcYaml } from "./dvc-files.js";
import { DvcObjects, type EntryStatus } from "./objects.js";

export interface ImportDvcOptions {
  /** The DVC project's directory (holding `.dvc/`), absolute. */
  project: string;
  /** The pipeline dvc.yaml becomes: pipelines/<pipeline>/ (default `dvc`). */
  pipeline?: string;
  dryRun?: boolean;
}

export interface ImportDvcResult {
  dryRun: boolean;
  /** Files written (or that would be), repo-relative. */
  written: string[];
  /** Workspace files or directories whose bytes came from the DVC cache or remote. */
  restored: string[];
  /** Stages whose lock entry was carried over: `mlops run` skips them. */
  locked: string[];
  /** Stages mlops will run, with why. */
  rerun: { stage: string; reason: string }[];
  notCarried: NotCarried[];
  /** Where the bytes came from. */
  sources: string[];
}

const skipped = new Set([".git", ".dvc", ".mlops", "node_modules"]);

function dvcFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...dvcFilesUnder(path));
    else if (entry.isFile() && entry.name.endsWith(".dvc")) out.push(path);
  }
  return out.sort();
}

/** Lowercased file name without its extension: the dataset name `mlops data add` would pick. */
function datasetName(abs: string): string {
  const base = basename(abs);
  const ext = extname(base);
  return (ext && ext !== base ? base.slice(0, -ext.length) : base).toLowerCase();
}

const isLocalUrl = (url: string) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || url.startsWith("file://");

/**
 * `mlops import dvc`: a DVC project's tracked data, pipeline and lock as this repository's manifests,
 * pipeline and lock. Every byte is taken from DVC's cache or its local remote through an md5 check,
 * then hashed to sha256 into this repository's cache; what has no equivalent here is listed.
 */
export async function importDvc(layout: RepoLayout, options: ImportDvcOptions): Promise<ImportDvcResult> {
  const project = resolve(options.project);
  const shown = (abs: string) => toRepoPath(layout, abs) || ".";
  const dvcDir = join(project, ".dvc");
  if (!existsSync(dvcDir) || !statSync(dvcDir).isDirectory()) {
    throw new MlopsError("not-found", `${shown(project)} is not a DVC project: it has no .dvc/ directory`, {
      hint: "pass the directory holding .dvc/ (where `dvc init` ran)",
    });
  }
  if (toRepoPath(layout, project).startsWith("..")) {
    throw new MlopsError("usage", `the DVC project ${project} is outside this repository ${layout.root}`);
  }
  const dryRun = options.dryRun === true;
  const pipelineName = options.pipeline ?? "dvc";
  const notCarried: NotCarried[] = [];
  const written: string[] = [];
  const restored: string[] = [];

  // Where the bytes are: the cache (config `cache.dir`, else .dvc/cache), then the default remote.
  const configFile = join(dvcDir, "config");
  const config = existsSync(configFile) ? parseDvcConfig(await readFile(configFile, "utf8")) : {};
  const cacheDir = config.cache?.dir ? resolve(dvcDir, config.cache.dir) : join(dvcDir, "cache");
  const roots = [{ dir: cacheDir, shown: shown(cacheDir) }];
  const remote = defaultRemote(config);
  if (remote) {
    if (isLocalUrl(remote.url)) {
      const dir = resolve(dvcDir, remote.url.replace(/^file:\/\//, ""));
      roots.push({ dir, shown: isAbsolute(remote.url) ? dir : shown(dir) });
    } else {
      notCarried.push({
        file: shown(configFile),
        field: `remote "${remote.name}".url`,
        what: `the default remote ${remote.url} is not a local directory: objects only there were not imported (\`dvc pull\` them first, then import again)`,
      });
    }
  }
  const objects = new DvcObjects(roots, dryRun);

  // `dvc add`ed data: one dataset manifest of ours per output.
  const datasets: { abs: string; name: string; replaces: string | undefined }[] = [];
  for (const file of dvcFilesUnder(project)) {
    const fileShown = shown(file);
    const text = await readFile(file, "utf8");
    if (/^\s*hash:\s*sha256\s*$/m.test(text)) continue; // one of this repository's own manifests
    const parsed = await readDvcYaml(file, dvcFile, fileShown);
    if (parsed.frozen)
      notCarried.push({ file: fileShown, field: "frozen", what: "frozen: mlops datasets have no such flag" });
    if (parsed.deps && parsed.deps.length > 0)
      notCarried.push({
        file: fileShown,
        field: "deps",
        what: "where `dvc import` took the data from: the bytes are imported, the source is not (record one with `mlops data import`)",
      });
    for (const [i, out] of parsed.outs.entries()) {
      const abs = resolve(dirname(file), out.path);
      const field = `outs[${i}].md5`;
      if (!out.md5) {
        notCarried.push({
          file: fileShown,
          field,
          what: `${out.path} has no md5 (${out.hash ?? "another hash"}): not imported`,
        });
        continue;
      }
      const status = await objects.importEntry(out.md5, abs, { file: fileShown, field });
      if (status === "written") restored.push(shown(abs));
      if (status === "missing" || status === "differs") {
        notCarried.push({ file: fileShown, field, what: describe(status, shown(abs)) });
        continue;
      }
      const name = datasetName(abs);
      const manifest = join(dirname(abs), `${name}.dvc`);
      // `dvc add data/images` writes data/images.dvc, the very name of ours: the migration replaces it.
      const replaces = manifest === file && parsed.outs.length === 1;
      if (replaces) {
        notCarried.push({
          file: fileShown,
          field: "outs",
          what: `replaced by mlops's manifest of the same data under the same name: DVC no longer tracks ${shown(abs)}`,
        });
      } else if (existsSync(manifest)) {
        notCarried.push({
          file: fileShown,
          field: `outs[${i}]`,
          what: `${shown(manifest)} exists already, so ${shown(abs)} is not tracked by mlops yet: \`mlops data add ${shown(abs)} --name OTHER\``,
        });
        continue;
      }
      datasets.push({ abs, name, replaces: replaces ? text : undefined });
      written.push(shown(manifest));
    }
  }

  // dvc.yaml → pipelines/<name>/pipeline.yaml; dvc.lock → its lock, stage by stage.
  const dvcYaml = join(project, "dvc.yaml");
  const dvcLockFile = join(project, "dvc.lock");
  const pipelineDir = join(layout.pipelinesDir, pipelineName);
  const pipelineFile = join(pipelineDir, "pipeline.yaml");
  let pipelineText: string | undefined;
  const lockReady = new Map<string, string | undefined>();
  const rerun: ImportDvcResult["rerun"] = [];
  if (existsSync(dvcYaml)) {
    if (existsSync(pipelineFile)) {
      throw new MlopsError("conflict", `refusing to overwrite ${shown(pipelineFile)}`, {
        file: shown(pipelineFile),
        hint: "pass --pipeline OTHER, or move the existing pipeline away; nothing was written",
      });
    }
    const converted = convertDvcYaml(await readFile(dvcYaml, "utf8"), {
      shown: shown(dvcYaml),
      toProject: relative(pipelineDir, project).split(sep).join("/") || ".",
      paramsYamlExists: existsSync(join(project, "params.yaml")),
    });
    pipelineText = converted.text;
    notCarried.push(...converted.notCarried);
    written.push(shown(pipelineFile));
    if (existsSync(dvcLockFile)) {
      const lockShown = shown(dvcLockFile);
      const lock = await readDvcYaml(dvcLockFile, dvcLock, lockShown);
      for (const [stage, entry] of Object.entries(lock.stages)) {
        let reason: string | undefined;
        for (const kind of ["deps", "outs"] as const) {
          for (const [i, e] of entry[kind].entries()) {
            const field = `stages.${stage}.${kind}[${i}].md5`;
            if (!e.md5) {
              reason ??= `${e.path} has no md5 in ${lockShown}`;
              continue;
            }
            const abs = resolve(project, e.path);
            const status = await objects.importEntry(e.md5, abs, { file: lockShown, field });
            if (status === "written") restored.push(shown(abs));
            if (status === "missing" || status === "differs") reason ??= describe(status, shown(abs));
          }
        }
        lockReady.set(stage, reason);
      }
      written.push(shown(join(pipelineDir, "pipeline.lock")));
    }
  }

  const locked: string[] = [];
  if (!dryRun) {
    for (const d of datasets) {
      const manifest = join(dirname(d.abs), `${d.name}.dvc`);
      // addData reads an existing manifest as ours: DVC's goes first, and comes back if adding fails.
      if (d.replaces !== undefined) await rm(manifest);
      try {
        await addData(layout, d.abs, { name: d.name, cwd: layout.root });
      } catch (err) {
        if (d.replaces !== undefined) await writeFileAtomic(manifest, d.replaces);
        throw err;
      }
    }
    if (pipelineText !== undefined) {
      await writeFileAtomic(pipelineFile, pipelineText);
      const spec = await loadPipeline(layout, pipelineName);
      const lock = existsSync(dvcLockFile)
        ? await readDvcYaml(dvcLockFile, dvcLock, shown(dvcLockFile))
        : undefined;
      const ready: string[] = [];
      for (const stage of spec.stages) {
        const entry = lock?.stages[stage.name];
        let reason = lockReady.get(stage.name);
        if (!entry) reason = "dvc.lock has no entry for it (DVC never ran it)";
        else if (reason === undefined) {
          const cmd = stage.cmds.length === 1 ? stage.cmds[0] : stage.cmds;
          if (stableJson(cmd) !== stableJson(entry.cmd))
            reason = "its command differs from the one dvc.lock records";
          const lockedParams: Record<string, Record<string, unknown>> = entry.params;
          for (const p of stage.params)
            if (stableJson(lockedParams[p.file]?.[p.key]) !== stableJson(p.value))
              reason ??= `param ${p.key} is not the value dvc.lock records`;
          const paths = (list: { path: string }[]) => list.map((e) => e.path).sort();
          if (stableJson(paths(stage.deps)) !== stableJson(paths(entry.deps)))
            reason ??= "its deps differ from those dvc.lock records";
          if (stableJson(paths(stage.outs)) !== stableJson(paths(entry.outs)))
            reason ??= "its outputs differ from those dvc.lock records";
        }
        if (reason === undefined) ready.push(stage.name);
        else rerun.push({ stage: stage.name, reason });
      }
      for (const c of await commitStages(layout, pipelineName, ready)) {
        if (c.missing.length === 0) locked.push(c.stage);
        else rerun.push({ stage: c.stage, reason: `missing: ${c.missing.join(", ")}` });
      }
    }
  } else {
    for (const [stage, reason] of lockReady) {
      if (reason === undefined) locked.push(stage);
      else rerun.push({ stage, reason });
    }
  }
  if (existsSync(join(project, "dvc.yaml")) || datasets.length > 0) {
    notCarried.push({
      file: shown(project),
      field: "*.dvc, dvc.yaml, dvc.lock, .dvc/",
      what: "DVC's own files are left in place, and mlops leaves md5 .dvc files to DVC: remove them (git rm) once you have switched",
    });
  }
  return {
    dryRun,
    written,
    restored: [...new Set(restored)],
    locked,
    rerun,
    notCarried,
    sources: roots.map((r) => r.shown),
  };
}

function describe(status: EntryStatus, path: string): string {
  return status === "missing"
    ? `${path} is in neither the workspace, the DVC cache nor a local remote: not imported (\`dvc pull\` it first)`
    : `${path} in the workspace differs from what DVC recorded (\`dvc status\` shows it modified): not imported`;
}
