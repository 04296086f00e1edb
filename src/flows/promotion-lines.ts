import { MlopsError } from "../errors/index.js";
// The markdown module, not report/index, which loads DuckDB and onnxruntime.
import { escapeMarkdown, markdownTable } from "../report/markdown.js";
import type { ManifestsCommit, ModelPromotion } from "./promote-merged.js";
import type { ReleasePromotion } from "./release.js";

/**
 * One model's promotion as the promote action outputs it and the deploy action reads it back: the
 * JSON contract between the two steps of a job.
 */
export interface PromotionLine {
  model: string;
  version: string;
  stage: string;
  environment: string;
  environment_url?: string;
  status: string;
  /** The commit the version was built from: what a deployment records. */
  commit: string;
  previous: string | null;
  tag?: string;
  image_digest?: string;
  image_reference?: string;
  /** The environments-branch commit holding the stage's manifests, when the repo keeps them. */
  manifests?: ManifestsCommit;
  message: string;
}

export function promotionLine(r: ModelPromotion | ReleasePromotion): PromotionLine {
  return {
    model: r.model,
    version: r.version,
    stage: r.stage,
    environment: r.environment,
    ...(r.environmentUrl ? { environment_url: r.environmentUrl } : {}),
    status: r.status,
    commit: "commit" in r ? r.commit : r.manifest.commit,
    previous: r.previous,
    ...(r.tag ? { tag: r.tag } : {}),
    ...(r.imageDigest ? { image_digest: r.imageDigest } : {}),
    ...("imageReference" in r && r.imageReference ? { image_reference: r.imageReference } : {}),
    ...(r.manifests ? { manifests: r.manifests } : {}),
    message: r.message,
  };
}

/** Reads promotion lines back (the deploy action's input), naming what is wrong with them. */
export function parsePromotionLines(text: string, what = "results"): PromotionLine[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MlopsError("usage", `${what} is not JSON`, { expected: "the promote action's results output" });
  }
  if (!Array.isArray(parsed)) throw new MlopsError("usage", `${what}: expected a JSON array`);
  return parsed.map((entry, i) => {
    const e = (entry ?? {}) as Partial<PromotionLine>;
    for (const key of ["model", "version", "stage", "environment", "status", "commit"] as const) {
      if (typeof e[key] !== "string" || !e[key]) {
        throw new MlopsError("usage", `${what}[${i}].${key}: expected a non-empty string`);
      }
    }
    return e as PromotionLine;
  });
}

/** The job summary of a promotion: one row per model. */
export function promotionSummary(title: string, lines: PromotionLine[]): string {
  const rows = lines.map((r) => [
    escapeMarkdown(r.model),
    escapeMarkdown(r.version),
    r.status,
    escapeMarkdown(r.previous ?? "—"),
    escapeMarkdown(r.environment),
    r.image_digest ? `\`${r.image_digest.slice(0, 19)}…\`` : "—",
    escapeMarkdown(r.message),
  ]);
  const manifests = lines.find((l) => l.manifests)?.manifests;
  const committed = manifests
    ? `\nManifests: \`${escapeMarkdown(manifests.directory)}\` on branch \`${escapeMarkdown(manifests.branch)}\` at \`${manifests.commit?.slice(0, 12) ?? "—"}\` (${manifests.created ? "committed by this run" : "unchanged"})\n`
    : "";
  return `### ${escapeMarkdown(title)}\n\n${markdownTable(["model", "version", "status", "was", "environment", "image", ""], rows)}\n${committed}`;
}
