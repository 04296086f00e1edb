import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse as parseYamlText } from "yaml";
import { MlopsError } from "../errors/index.js";
import { readBlobs } from "../git/index.js";
import { loadPipelines, type PipelineSpec } from "../pipeline/index.js";
import type { RepoLayout } from "../repo/index.js";
import { flatten } from "./flatten.js";

export interface MetricsFile {
  pipeline: string;
  /** Repo-relative path. */
  path: string;
  values: Record<string, number | string | boolean | null>;
}

/** Every metrics file the pipelines declare, with the values in the working tree (missing files are skipped). */
export async function workspaceMetrics(
  layout: RepoLayout,
  pipelines?: readonly string[],
  loaded?: readonly PipelineSpec[],
): Promise<MetricsFile[]> {
  const specs = loaded ?? (await loadPipelines(layout, pipelines));
  const files: MetricsFile[] = [];
  for (const p of specs) {
    for (const stage of p.stages) {
      for (const out of stage.outs.filter((o) => o.kind === "metrics")) {
        if (!existsSync(out.abs)) continue;
        files.push({
          pipeline: p.name,
          path: out.repoPath,
          values: await parseMetrics(out.repoPath, await readFile(out.abs, "utf8")),
        });
      }
    }
  }
  return files;
}

async function parseMetrics(path: string, text: string) {
  try {
    return flatten(path.endsWith(".json") ? JSON.parse(text) : parseYamlText(text));
  } catch (err) {
    throw new MlopsError("invalid-file", `cannot read metrics: ${(err as Error).message}`, {
      file: path,
      expected: "JSON (or YAML) metrics",
    });
  }
}

export interface MetricChange {
  path: string;
  key: string;
  base: number | string | boolean | null | undefined;
  current: number | string | boolean | null | undefined;
  /** current − base, when both are numbers. */
  change?: number;
}

async function filesAt(
  layout: RepoLayout,
  rev: string,
  paths: readonly string[],
): Promise<Map<string, string>> {
  const blobs = await readBlobs(
    layout.root,
    paths.map((p) => `${rev}:${p}`),
  );
  const out = new Map<string, string>();
  for (const p of paths) {
    const blob = blobs.get(`${rev}:${p}`);
    if (blob) out.set(p, blob.toString("utf8"));
  }
  return out;
}

function compare(
  path: string,
  base: Record<string, unknown>,
  current: Record<string, unknown>,
  all: boolean,
): MetricChange[] {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(current)])].sort();
  const changes: MetricChange[] = [];
  for (const key of keys) {
    const b = base[key] as MetricChange["base"];
    const c = current[key] as MetricChange["current"];
    if (!all && b === c) continue;
    changes.push({
      path,
      key,
      base: b,
      current: c,
      ...(typeof b === "number" && typeof c === "number" ? { change: c - b } : {}),
    });
  }
  return changes;
}

/** Metrics in the working tree against the same files at `rev` (default HEAD). */
export async function diffMetrics(
  layout: RepoLayout,
  options: { base?: string; all?: boolean; pipelines?: readonly string[] } = {},
): Promise<MetricChange[]> {
  const rev = options.base ?? "HEAD";
  const specs = await loadPipelines(layout, options.pipelines);
  const current = await workspaceMetrics(layout, options.pipelines, specs);
  const declared = specs.flatMap((p) =>
    p.stages.flatMap((s) => s.outs.filter((o) => o.kind === "metrics").map((o) => o.repoPath)),
  );
  const before = await filesAt(layout, rev, declared);
  const changes: MetricChange[] = [];
  for (const path of declared) {
    const now = current.find((f) => f.path === path)?.values ?? {};
    const text = before.get(path);
    const then = text === undefined ? {} : await parseMetrics(`${rev}:${path}`, text);
    changes.push(...compare(path, then, now, options.all === true));
  }
  return changes;
}

/** Params of every pipeline in the working tree against `rev`. */
export async function diffParams(
  layout: RepoLayout,
  options: { base?: string; all?: boolean; pipelines?: readonly string[] } = {},
): Promise<MetricChange[]> {
  const rev = options.base ?? "HEAD";
  const specs = await loadPipelines(layout, options.pipelines);
  const files = [
    ...new Set(specs.flatMap((p) => p.stages.flatMap((s) => s.params.map((q) => join(s.wdirPath, q.file))))),
  ].sort();
  const before = await filesAt(layout, rev, files);
  const changes: MetricChange[] = [];
  for (const file of files) {
    const abs = join(layout.root, file);
    const now = existsSync(abs) ? paramValues(parseYamlText(await readFile(abs, "utf8"))) : {};
    const text = before.get(file);
    const then = text === undefined ? {} : paramValues(parseYamlText(text));
    changes.push(...compare(file, then, now, options.all === true));
  }
  return changes;
}

/** Params flattened with their lists kept, each list as JSON text so a changed list compares unequal. */
function paramValues(doc: unknown): Record<string, unknown> {
  const flat: Record<string, unknown> = flatten(doc ?? {}, "", {}, true);
  for (const [k, v] of Object.entries(flat)) if (Array.isArray(v)) flat[k] = JSON.stringify(v);
  return flat;
}

function cell(v: unknown): string {
  if (v === undefined) return "—";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
  return String(v);
}

function signed(n: number): string {
  const text = Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(3)));
  return n > 0 ? `+${text}` : text;
}

/** A markdown table: what a pull-request comment or a terminal shows. */
export function changesMarkdown(changes: readonly MetricChange[], baseLabel: string): string {
  if (changes.length === 0) return `No changes against ${baseLabel}.`;
  const rows = changes.map((c) => {
    const pct =
      c.change !== undefined && typeof c.base === "number" && c.base !== 0
        ? ` (${signed((100 * c.change) / Math.abs(c.base))} %)`
        : "";
    return `| ${c.path} | ${c.key} | ${cell(c.base)} | ${cell(c.current)} | ${c.change === undefined ? "" : `${signed(c.change)}${pct}`} |`;
  });
  return [`| file | key | ${baseLabel} | workspace | change |`, "|---|---|---|---|---|", ...rows].join("\n");
}

export function metricsMarkdown(files: readonly MetricsFile[]): string {
  if (files.length === 0) return "No metrics files yet: run `mlops run` first.";
  const rows = files.flatMap((f) =>
    Object.entries(f.values).map(([k, v]) => `| ${f.path} | ${k} | ${cell(v)} |`),
  );
  return ["| file | metric | value |", "|---|---|---|", ...rows].join("\n");
}
