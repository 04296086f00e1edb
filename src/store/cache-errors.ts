import { MlopsError } from "../errors/index.js";
import type { ObjectId } from "./object-id.js";

/** A cache object whose bytes no longer hash to its name: it must not travel anywhere. */
export function corruptInCache(oid: ObjectId, actual: string): MlopsError {
  return new MlopsError(
    "hash-mismatch",
    `object ${oid} in the cache is corrupt: its content hashes to ${actual}`,
    {
      field: oid,
      hint: "run `mlops data verify --repair`, then add or pull it again",
    },
  );
}

export function notInCache(oid: ObjectId): MlopsError {
  return new MlopsError("not-found", `object ${oid} is not in the cache, so it cannot be pushed`, {
    field: oid,
    hint: "run `mlops data add` or `mlops data pull` first",
  });
}
