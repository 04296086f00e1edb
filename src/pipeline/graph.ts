import { MlopsError } from "../errors/index.js";
import type { PipelineSpec, StageSpec } from "./load.js";

/** The stages of every loaded pipeline, with edges from a stage that writes a path to those reading it. */
export interface StageGraph {
  /** Every stage in a stable topological order: upstream first, ties in file order. */
  order: StageSpec[];
  upstream: Map<string, StageSpec[]>;
  /** Which stage writes a repo path (exactly, or a directory holding it). */
  producerOf(repoPath: string): StageSpec | undefined;
}

function covers(outer: string, inner: string): boolean {
  return outer === inner || inner.startsWith(`${outer}/`);
}

export function buildGraph(pipelines: readonly PipelineSpec[]): StageGraph {
  const stages = pipelines.flatMap((p) => p.stages);
  const outputs: { repoPath: string; stage: StageSpec }[] = [];
  for (const stage of stages) {
    for (const out of stage.outs) {
      const clash = outputs.find((o) => covers(o.repoPath, out.repoPath) || covers(out.repoPath, o.repoPath));
      if (clash && clash.stage !== stage) {
        throw new MlopsError(
          "invalid-file",
          `'${out.repoPath}' is written by two stages: ${clash.stage.id} and ${stage.id}`,
          {
            file: stage.file,
            line: stage.line,
            field: `stages.${stage.name}.${out.kind}`,
            expected: "each output written by exactly one stage",
          },
        );
      }
      outputs.push({ repoPath: out.repoPath, stage });
    }
  }
  const producerOf = (repoPath: string) =>
    outputs.find((o) => covers(o.repoPath, repoPath) || covers(repoPath, o.repoPath))?.stage;

  const upstream = new Map<string, StageSpec[]>();
  for (const stage of stages) {
    const ups: StageSpec[] = [];
    for (const dep of stage.deps) {
      for (const o of outputs) {
        if (
          (covers(o.repoPath, dep.repoPath) || covers(dep.repoPath, o.repoPath)) &&
          !ups.includes(o.stage)
        ) {
          if (o.stage === stage) {
            throw new MlopsError(
              "invalid-file",
              `stage '${stage.name}' depends on its own output '${dep.path}'`,
              {
                file: stage.file,
                line: stage.line,
                field: `stages.${stage.name}.deps`,
                expected: "deps that other stages (or nobody) write",
                hint: "mark the output `persist: true` and drop the dep if the stage updates it in place",
              },
            );
          }
          ups.push(o.stage);
        }
      }
    }
    upstream.set(stage.id, ups);
  }

  const order: StageSpec[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (stage: StageSpec, trail: StageSpec[]): void => {
    const seen = state.get(stage.id);
    if (seen === "done") return;
    if (seen === "visiting") {
      const cycle = [...trail.slice(trail.indexOf(stage)), stage].map((s) => s.id).join(" → ");
      throw new MlopsError("invalid-file", `the stages form a cycle: ${cycle}`, {
        file: stage.file,
        line: stage.line,
        field: `stages.${stage.name}.deps`,
        expected: "a graph without cycles: no stage may depend, directly or not, on its own outputs",
      });
    }
    state.set(stage.id, "visiting");
    for (const up of upstream.get(stage.id) ?? []) visit(up, [...trail, stage]);
    state.set(stage.id, "done");
    order.push(stage);
  };
  for (const stage of stages) visit(stage, []);
  return { order, upstream, producerOf };
}

/** The named stages plus everything upstream of them, in graph order. */
export function withUpstream(graph: StageGraph, targets: readonly StageSpec[]): StageSpec[] {
  const wanted = new Set<string>();
  const add = (stage: StageSpec): void => {
    if (wanted.has(stage.id)) return;
    wanted.add(stage.id);
    for (const up of graph.upstream.get(stage.id) ?? []) add(up);
  };
  for (const t of targets) add(t);
  return graph.order.filter((s) => wanted.has(s.id));
}
