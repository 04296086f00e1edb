import { MlopsError } from "../errors/index.js";
import { gitRaw } from "../git/index.js";
import type { Logger } from "../log/index.js";
import { loadPipelines } from "../pipeline/index.js";
import { loadModelCards } from "../registry/index.js";
import type { RepoLayout } from "../repo/index.js";
import { type CurveSource, curvesFor } from "./curves.js";
import type { CurveSet } from "./document.js";

/** The name that means the working tree, as in `dvc plots diff`. */
export const workspaceRevision = "workspace";

export interface PlotsDiff {
  /** The legend labels, in the order given. */
  labels: string[];
  pipelines: { pipeline: string; curves: CurveSet[] }[];
}

/**
 * The curves of each revision's models, overlaid per pipeline: every model evaluated on the
 * evaluation data in the working tree, so the curves differ only by model. No revisions means the
 * working tree against HEAD; `workspace` names the working tree among revisions.
 */
export async function plotsDiff(
  layout: RepoLayout,
  options: { revisions?: string[]; pipelines?: string[]; stages?: boolean; logger?: Logger } = {},
): Promise<PlotsDiff> {
  const revisions = options.revisions?.length ? options.revisions : [workspaceRevision, "HEAD"];
  const sources: CurveSource[] = [];
  for (const rev of revisions) {
    if (rev === workspaceRevision) {
      sources.push({ label: workspaceRevision });
      continue;
    }
    const r = await gitRaw(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], {
      cwd: layout.root,
      okCodes: [1, 128],
    });
    if (r.code !== 0) {
      throw new MlopsError("usage", `unknown revision '${rev}'`, {
        expected: `a git revision (branch, tag, commit) or '${workspaceRevision}'`,
        got: rev,
      });
    }
    const sha = r.stdout.toString("utf8").trim();
    sources.push({ label: `${rev} (${sha.slice(0, 7)})`, rev: sha });
  }
  const specs = await loadPipelines(layout);
  const wanted = options.pipelines?.length ? new Set(options.pipelines) : undefined;
  for (const name of wanted ?? []) {
    if (!specs.some((s) => s.name === name)) {
      throw new MlopsError("not-found", `no pipeline named '${name}'`, {
        expected: specs.map((s) => s.name).join(", "),
      });
    }
  }
  const cards = await loadModelCards(layout);
  const pipelines: PlotsDiff["pipelines"] = [];
  for (const spec of specs) {
    if (wanted && !wanted.has(spec.name)) continue;
    const curves: CurveSet[] = [];
    for (const card of cards.filter((c) => c.pipeline === spec.name)) {
      const set = await curvesFor(layout, spec, card, {
        sources,
        stages: options.stages === true,
        ...(options.logger ? { logger: options.logger } : {}),
      });
      if (set) curves.push(set);
    }
    if (curves.length) pipelines.push({ pipeline: spec.name, curves });
  }
  return { labels: sources.map((s) => s.label), pipelines };
}
