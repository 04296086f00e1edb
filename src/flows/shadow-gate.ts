import { readdir, readFile, stat } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
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

/** What {@link readShadowSummaries} found: the summaries, and which paths gave them. */
export interface ShadowSummaries {
  summaries: ShadowSummaryFile[];
  /** The files read, relative to the repository root when inside it. */
  files: string[];
  /** Paths given that do not exist. */
  missing: string[];
}

/**
 * The shadow summaries at `paths` (relative to `root`, as a workflow names them): a file is read, a
 * directory gives every `*.json` directly in it (by name), and a path that does not exist gives
 * nothing and is listed in `missing`. A release workflow can so always name the directory a team
 * commits its summaries to (`shadow/`): a card that asks for no shadow period never needs one, and
 * one that does is refused by {@link shadowGateProblem}, naming what was looked at.
 */
export async function readShadowSummaries(root: string, paths: readonly string[]): Promise<ShadowSummaries> {
  const found: ShadowSummaries = { summaries: [], files: [], missing: [] };
  const shown = (file: string) => {
    const rel = relative(root, file);
    return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
  };
  for (const path of paths) {
    const full = isAbsolute(path) ? path : join(root, path);
    const info = await stat(full).catch(() => undefined);
    if (!info) {
      found.missing.push(path);
      continue;
    }
    const files = info.isDirectory()
      ? (await readdir(full, { withFileTypes: true }))
          .filter((e) => e.isFile() && e.name.endsWith(".json"))
          .map((e) => join(full, e.name))
          .sort()
      : [full];
    for (const file of files) {
      const name = shown(file);
      found.summaries.push(parseShadowSummary(await readFile(file, "utf8"), name));
      found.files.push(name);
    }
  }
  return found;
}

/** "read a.json, b.json; shadow/ does not exist": where a release looked for shadow summaries. */
export function describeShadowSources(found: Pick<ShadowSummaries, "files" | "missing">): string {
  const parts = [
    found.files.length ? `read ${found.files.join(", ")}` : "no summary file read",
    ...(found.missing.length ? [`${found.missing.join(", ")} does not exist`] : []),
  ];
  return parts.join("; ");
}

/**
 * The card's shadow gate for `version`: undefined when it passes (or the card asks for none), else
 * why not. Of the summaries naming the version, the one with the most requests counts.
 */
export function shadowGateProblem(
  card: ModelCard,
  version: string,
  summaries: readonly ShadowSummaryFile[],
  /** Where the summaries came from ({@link describeShadowSources}), for the refusal's message. */
  sources?: string,
): string | undefined {
  const rule = card.shadow;
  if (!rule) return undefined;
  const runs = summaries
    .flatMap((s) => s.candidates)
    .filter((c) => c.model === card.name && c.version === version)
    .sort((a, b) => b.requests - a.requests);
  const best = runs[0];
  if (!best) {
    return `${card.name}: the card asks for a shadow period and no shadow summary covers ${version}${sources ? ` (${sources})` : ""}: serve prod with --shadow ${card.name}@${version}, then give the release the output of \`mlops report --shadow LOG --json\` (\`mlops flow release --shadow-summary FILE\`, or the promote action's shadow-summary input)`;
  }
  if (best.requests < rule.min_requests) {
    return `${card.name}: ${version} ran in the shadow on ${best.requests} requests, fewer than the ${rule.min_requests} the card asks for`;
  }
  if (best.agreement < rule.min_agreement) {
    return `${card.name}: ${version} agreed with prod on ${(best.agreement * 100).toPrecision(3)}% of shadowed rows, less than the ${(rule.min_agreement * 100).toPrecision(3)}% the card asks for`;
  }
  return undefined;
}
