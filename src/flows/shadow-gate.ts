import { z } from "zod";
import { MlopsError } from "../errors/index.js";
import type { ModelCard } from "../manifest/index.js";

/** What the gate reads of `mlops report --shadow LOG --json`; the file is checked, not trusted. */
const shadowSummaryFile = z.object({
  log: z.string(),
  candidates: z.array(
    z.object({
      model: z.string().min(1),
      version: z.string().min(1),
      requests: z.number().int().min(0),
      agreement: z.number().min(0).max(1),
    }),
  ),
});

export type ShadowSummaryFile = z.infer<typeof shadowSummaryFile>;

/** A summary file's JSON, checked; a bad one names the file and the field. */
export function parseShadowSummary(text: string, file: string): ShadowSummaryFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new MlopsError("invalid-file", `not valid JSON: ${(err as Error).message}`, {
      file,
      expected: "the output of `mlops report --shadow LOG --json`",
    });
  }
  const parsed = shadowSummaryFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MlopsError("invalid-file", `not a shadow summary: ${issue?.message ?? "invalid"}`, {
      file,
      field: (issue?.path ?? []).map(String).join("."),
      expected: "the output of `mlops report --shadow LOG --json`",
    });
  }
  return parsed.data;
}

/**
 * The card's shadow gate for `version`: undefined when it passes (or the card asks for none), else
 * why not. Of the summaries naming the version, the one with the most requests counts.
 */
export function shadowGateProblem(
  card: ModelCard,
  version: string,
  summaries: readonly ShadowSummaryFile[],
): string | undefined {
  const rule = card.shadow;
  if (!rule) return undefined;
  const runs = summaries
    .flatMap((s) => s.candidates)
    .filter((c) => c.model === card.name && c.version === version)
    .sort((a, b) => b.requests - a.requests);
  const best = runs[0];
  if (!best) {
    return `${card.name}: the card asks for a shadow period and no shadow summary covers ${version} (serve prod with --shadow ${card.name}@${version}, then pass \`mlops report --shadow LOG --json\` as --shadow-summary)`;
  }
  if (best.requests < rule.min_requests) {
    return `${card.name}: ${version} ran in the shadow on ${best.requests} requests, fewer than the ${rule.min_requests} the card asks for`;
  }
  if (best.agreement < rule.min_agreement) {
    return `${card.name}: ${version} agreed with prod on ${(best.agreement * 100).toPrecision(3)}% of shadowed rows, less than the ${(rule.min_agreement * 100).toPrecision(3)}% the card asks for`;
  }
  return undefined;
}
