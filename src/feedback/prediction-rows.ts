import { MlopsError } from "../errors/index.js";
import type { Row } from "../table/index.js";

/** One line of the server's prediction log (see src/serve/prediction-log.ts and server.ts). */
export interface LoggedPrediction {
  /** When the answer was sent, epoch milliseconds. */
  time: number;
  request_id: string;
  model: string;
  version: string;
  /** The request's rows as fed to the model. */
  inputs: Row[];
  /** One prediction per row, as `/predict` shows them. */
  outputs: unknown[];
  /** A shadow version's prediction for the same request, not the answer the client got. */
  shadow: boolean;
  /** The shadow's run time for this request, in seconds (shadow lines only). */
  latency_seconds?: number;
  line: number;
}

function bad(file: string, line: number, field: string | undefined, message: string): MlopsError {
  return new MlopsError("invalid-file", message, {
    file,
    line,
    ...(field ? { field } : {}),
    expected:
      "a line the server's prediction log writes: {time, request_id, model, version, inputs, outputs}",
  });
}

/**
 * The prediction log's lines. A last line without its newline is a write cut short (the server
 * was killed mid-flush) and is skipped, counted in `truncated`; any other malformed line is an error.
 */
export function parsePredictionLog(
  text: string,
  file: string,
): { rows: LoggedPrediction[]; truncated: number } {
  const lines = text.split("\n");
  const rows: LoggedPrediction[] = [];
  let truncated = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = i + 1;
    if (raw.trim() === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (err) {
      if (i === lines.length - 1) {
        truncated++;
        continue;
      }
      throw bad(file, line, undefined, `not valid JSON: ${(err as Error).message}`);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw bad(file, line, undefined, "expected a JSON object");
    }
    const r = parsed as Record<string, unknown>;
    for (const key of ["request_id", "model", "version", "time"] as const) {
      if (typeof r[key] !== "string" || (r[key] as string).length === 0) {
        throw bad(file, line, key, `expected a non-empty string '${key}'`);
      }
    }
    const time = Date.parse(r.time as string);
    if (!Number.isFinite(time)) throw bad(file, line, "time", "expected an ISO 8601 time");
    if (
      !Array.isArray(r.inputs) ||
      !r.inputs.every((x) => x !== null && typeof x === "object" && !Array.isArray(x))
    ) {
      throw bad(file, line, "inputs", "expected an array of row objects");
    }
    if (!Array.isArray(r.outputs) || r.outputs.length !== r.inputs.length) {
      throw bad(file, line, "outputs", "expected an array with one prediction per input row");
    }
    rows.push({
      time,
      request_id: r.request_id as string,
      model: r.model as string,
      version: r.version as string,
      inputs: r.inputs as Row[],
      outputs: r.outputs,
      shadow: r.shadow === true,
      ...(typeof r.latency_seconds === "number" ? { latency_seconds: r.latency_seconds } : {}),
      line,
    });
  }
  return { rows, truncated };
}
