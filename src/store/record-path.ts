import { MlopsError } from "../errors/index.js";

/** Record paths are the one shape the run cache writes (`runs/ab/<key>.json`); anything else is a bug. */
export function checkRecordPath(relPath: string): string {
  if (!/^[a-z]+\/[0-9a-f]{2}\/[0-9a-f]{64}\.json$/.test(relPath)) {
    throw new MlopsError("internal", `not a record path: ${relPath}`);
  }
  return relPath;
}
