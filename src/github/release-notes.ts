// The report's markdown module, not report/index: the index pulls in DuckDB and onnxruntime, which
// the release action's bundle does not need.
import { escapeMarkdown, formatNumber } from "../report/markdown.js";

/** One model a release promotes to prod: what its card says and what the registry recorded. */
export interface ReleasedModel {
  name: string;
  version: string;
  /** `description` from models/<name>/model.yaml, written by people for people: rendered as markdown. */
  description: string;
  task?: string;
  owner?: string;
  metrics: Record<string, number>;
  /** The served image, `registry/repository@sha256:…`, or only its digest. */
  image?: string;
  imageDigest?: string;
  /** The version prod held before; null when this is the model's first release. */
  previousVersion?: string | null;
  /** Names of the release assets that belong to this model (its ONNX file, its version manifest). */
  assets?: string[];
}

export interface ReleaseNotes {
  tag: string;
  /** The tagged commit. */
  commit?: string;
  models: ReleasedModel[];
}

function code(text: string): string {
  // A backtick inside would end the code span; none of our names or digests contain one.
  return `\`${text.replace(/`/g, "'")}\``;
}

function modelSection(model: ReleasedModel): string {
  const lines = [
    `## ${escapeMarkdown(model.name)} ${escapeMarkdown(model.version)}`,
    "",
    model.description.trim(),
    "",
  ];
  const facts: string[] = [];
  if (model.task) facts.push(`- task: ${escapeMarkdown(model.task)}`);
  // escapeMarkdown turns '@' into an entity: naming the owner must not notify them on every release.
  if (model.owner) facts.push(`- owner: ${escapeMarkdown(model.owner)}`);
  if (model.previousVersion !== undefined) {
    facts.push(
      `- replaces: ${model.previousVersion ? escapeMarkdown(model.previousVersion) : "nothing (first release)"}`,
    );
  }
  if (model.image) facts.push(`- image: ${code(model.image)}`);
  if (model.imageDigest && !model.image?.endsWith(model.imageDigest)) {
    facts.push(`- image digest: ${code(model.imageDigest)}`);
  }
  if (model.assets && model.assets.length > 0) facts.push(`- assets: ${model.assets.map(code).join(", ")}`);
  if (facts.length > 0) lines.push(...facts, "");
  const metrics = Object.entries(model.metrics).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (metrics.length > 0) {
    lines.push("| metric | value |", "|---|---:|");
    for (const [name, value] of metrics) lines.push(`| ${escapeMarkdown(name)} | ${formatNumber(value)} |`);
    lines.push("");
  }
  return lines.join("\n");
}

/**
 * The body of the GitHub Release a `v*` tag publishes: a section per model with its card, version,
 * metrics and image. Models and metrics are sorted by name, so the same release always reads the same
 * and a re-run finds the body unchanged.
 */
export function composeReleaseBody(notes: ReleaseNotes): string {
  const models = [...notes.models].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const at = notes.commit ? ` at ${code(notes.commit.slice(0, 12))}` : "";
  const intro =
    models.length === 1
      ? `Release ${escapeMarkdown(notes.tag)}${at} promotes one model to prod.`
      : `Release ${escapeMarkdown(notes.tag)}${at} promotes ${models.length} models to prod.`;
  return `${[intro, "", ...models.map(modelSection)].join("\n").trimEnd()}\n`;
}
