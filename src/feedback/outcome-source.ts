import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { MlopsError } from "../errors/index.js";
import { type DataSource, dataManifest } from "../manifest/data-manifest.js";
import { readYamlFile } from "../manifest/yaml-file.js";
import type { RepoLayout } from "../repo/index.js";
import { describeSource, fetchFromSource, parseImportSpec } from "../tracking/source.js";
import { type OutcomeFormat, outcomeFormatOf } from "./outcomes.js";

/** Outcomes as read, whatever they came from. */
export interface OutcomeText {
  text: string;
  /** How messages name them: the file, the URL, or the manifest and the source it records. */
  display: string;
  /** Told by the file, URL or manifest's extension when the caller gave none. */
  format?: OutcomeFormat;
}

const remoteSpec = /^(https?:\/\/|data:|s3:\/\/)/;

/**
 * Reads outcomes from where a team keeps them: a local file; an http(s), data: or s3:// URL,
 * fetched as `mlops data import` fetches (credentials from the environment, never recorded); or a
 * data manifest (`*.dvc`) whose recorded source is fetched afresh, the way a scheduled job reads
 * the labels that landed since its last run. Standard input (`-`) stays with the command line.
 */
export async function readOutcomeSource(
  layout: RepoLayout,
  spec: string,
  options: { cwd?: string; format?: OutcomeFormat } = {},
): Promise<OutcomeText> {
  const cwd = options.cwd ?? process.cwd();
  if (remoteSpec.test(spec)) {
    const source = parseImportSpec(spec) as DataSource;
    const text = await fetchText(layout, source);
    return { text, display: spec, ...formatOf(options.format, spec) };
  }
  const file = resolve(cwd, spec);
  if (spec.endsWith(".dvc") && existsSync(file)) {
    const manifest = await readYamlFile(file, dataManifest, spec);
    if (!manifest.source) {
      throw new MlopsError("invalid-file", "the manifest records no source to read outcomes from", {
        file: spec,
        field: "source",
        expected: "a source (url, s3 or package) that `mlops data import` recorded",
        hint: "pass the outcomes file itself, or import it with `mlops data import URL`",
      });
    }
    const text = await fetchText(layout, manifest.source);
    const display = `${spec} (${describeSource(manifest.source)})`;
    return { text, display, ...formatOf(options.format, manifest.outs[0]?.path ?? "") };
  }
  try {
    return { text: await readFile(file, "utf8"), display: spec, ...formatOf(options.format, spec) };
  } catch (err) {
    throw new MlopsError("not-found", `cannot read the outcomes: ${(err as Error).message}`, { file: spec });
  }
}

function formatOf(given: OutcomeFormat | undefined, name: string): { format?: OutcomeFormat } {
  const format = given ?? outcomeFormatOf(name.replace(/[?#].*$/, ""));
  return format ? { format } : {};
}

async function fetchText(layout: RepoLayout, source: DataSource): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "mlops-outcomes-"));
  try {
    const dest = join(dir, "outcomes");
    await fetchFromSource(layout, source, dest);
    return await readFile(dest, "utf8");
  } catch (err) {
    if (err instanceof MlopsError) throw err;
    throw new MlopsError("remote", `cannot read the outcomes from ${describeSource(source)}`, {
      cause: err,
      hint: "an S3 prefix holds many files: name one object",
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
