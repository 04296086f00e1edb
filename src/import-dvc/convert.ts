import { posix } from "node:path";
import { type Document, isMap, isScalar, isSeq, parseDocument, type YAMLMap } from "yaml";
import { MlopsError } from "../errors/index.js";

/** Something of the DVC project that the import did not carry over, and what to do about it. */
export interface NotCarried {
  file: string;
  field: string;
  what: string;
}

/** Stage fields mlops has no equivalent of: dropped and listed. */
const unsupportedStageFields: Record<string, string> = {
  frozen: "a frozen stage: mlops has none, the stage reruns when its inputs change",
  always_changed: "an always-changed stage: mlops reruns a stage only when its inputs change",
  meta: "free-form metadata: not kept",
};
const stageFields = new Set([
  "cmd",
  "wdir",
  "deps",
  "params",
  "outs",
  "metrics",
  "plots",
  "desc",
  "vars",
  "foreach",
  "do",
  "matrix",
]);
const outFields = new Set(["cache", "persist"]);

/**
 * dvc.yaml as a pipeline.yaml under pipelines/<name>/: the stages, their templating and their paths
 * as written, each stage working in the DVC project's directory (`wdir`), `vars` files found from
 * there, and DVC's own params.yaml (which DVC reads for `${…}` without being told) named first.
 */
export function convertDvcYaml(
  text: string,
  options: { shown: string; toProject: string; paramsYamlExists: boolean },
): { text: string; notCarried: NotCarried[] } {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new MlopsError("invalid-file", e?.message.split("\n")[0] ?? "not YAML", {
      file: options.shown,
      ...(e?.linePos?.[0] ? { line: e.linePos[0].line } : {}),
    });
  }
  const notCarried: NotCarried[] = [];
  const root = doc.contents;
  if (!isMap(root))
    throw new MlopsError("invalid-file", "expected a mapping with `stages`", { file: options.shown });
  for (const key of ["plots", "metrics", "params", "artifacts", "datasets"]) {
    if (root.has(key)) {
      notCarried.push({
        file: options.shown,
        field: key,
        what: `the top-level '${key}' section (mlops declares metrics and plots per stage); not carried over`,
      });
      root.delete(key);
    }
  }
  const stages = root.get("stages", true);
  if (!isMap(stages))
    throw new MlopsError("invalid-file", "expected `stages` to be a mapping", {
      file: options.shown,
      field: "stages",
    });

  const vars = root.get("vars", true);
  const relocated = (file: string) => {
    const [path, keys] = file.split(":", 2);
    return `${posix.join(options.toProject, path ?? "")}${keys === undefined ? "" : `:${keys}`}`;
  };
  const varItems: unknown[] = isSeq(vars)
    ? (vars.items as unknown[]).map((item) =>
        isScalar(item) && typeof item.value === "string" ? relocated(item.value) : item,
      )
    : [];
  const namesParams = varItems.some(
    (v) => typeof v === "string" && v.split(":")[0] === posix.join(options.toProject, "params.yaml"),
  );
  if (options.paramsYamlExists && !namesParams)
    varItems.unshift(posix.join(options.toProject, "params.yaml"));
  if (varItems.length > 0) (root as YAMLMap<unknown, unknown>).set("vars", doc.createNode(varItems));

  for (const pair of stages.items) {
    const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const stage = pair.value;
    if (!isMap(stage)) continue;
    const body = stage.has("foreach") ? stage.get("do", true) : stage;
    if (!isMap(body)) continue;
    const at = (field: string) => `stages.${name}${stage.has("foreach") ? ".do" : ""}.${field}`;
    for (const item of [...body.items]) {
      const key = String(isScalar(item.key) ? item.key.value : item.key);
      if (stageFields.has(key)) continue;
      notCarried.push({
        file: options.shown,
        field: at(key),
        what: unsupportedStageFields[key] ?? `the stage field '${key}': not kept`,
      });
      body.delete(key);
    }
    const wdir = body.get("wdir");
    body.set("wdir", posix.join(options.toProject, typeof wdir === "string" ? wdir : "."));
    for (const field of ["outs", "metrics", "plots"]) {
      const list = body.get(field, true);
      if (!isSeq(list)) continue;
      list.items.forEach((out, i) => {
        if (!isMap(out)) return;
        for (const entry of out.items) {
          const options = entry.value;
          if (!isMap(options)) continue;
          for (const option of [...(options as YAMLMap).items]) {
            const key = String(isScalar(option.key) ? option.key.value : option.key);
            if (outFields.has(key)) continue;
            notCarried.push({
              file: "dvc.yaml",
              field: at(`${field}[${i}].${key}`),
              what: `the output option '${key}': not kept`,
            });
            (options as YAMLMap).delete(key);
          }
        }
      });
    }
  }
  return { text: headerFor(doc, options.shown), notCarried };
}

function headerFor(doc: Document, shown: string): string {
  return `# Imported from ${shown} by \`mlops import dvc\`: the stages as DVC ran them, in the DVC project's
# directory (wdir). What could not be carried over was listed by the import.
${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}
