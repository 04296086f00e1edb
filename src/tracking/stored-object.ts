import { MlopsError } from "../errors/index.js";
import type { RepoLayout } from "../repo/index.js";
import { Cache, pull } from "../store/index.js";
import { resolveRemote } from "./config.js";

/**
 * The path of an object in the local store, pulled from the default data remote when it is not there,
 * and verified either way: what a model file, a training split or a base dataset is read from.
 * `what` names the object in errors ("the model of fuel-efficiency@v1.2.0").
 */
export async function storedObject(
  layout: RepoLayout,
  oid: string,
  options: { what: string; referencedBy: string },
): Promise<string> {
  const cache = new Cache(layout.cacheDir);
  if (!cache.has(oid)) {
    const resolved = await resolveRemote(layout);
    if (!resolved) {
      throw new MlopsError(
        "not-found",
        `${options.what} (sha256 ${oid.slice(0, 12)}…) is not in the local store`,
        {
          hint: "configure the data remote it was pushed to (`mlops remote add`), or run `mlops data pull`",
        },
      );
    }
    try {
      await pull(cache, resolved.remote, [{ oid, referencedBy: options.referencedBy }]);
    } catch (err) {
      throw new MlopsError("not-found", `${options.what} could not be fetched from the data remote`, {
        expected: `object sha256 ${oid}`,
        hint: "a trusted run pushes pipeline outputs and datasets with `mlops data push`",
        cause: err,
      });
    }
  }
  const check = await cache.verify(oid);
  if (!check.ok) {
    throw new MlopsError("hash-mismatch", `the stored copy of ${options.what} is corrupt`, {
      expected: oid,
      got: check.actual ?? "unreadable",
      hint: "`mlops data verify --repair` removes it so the next pull fetches a good copy",
    });
  }
  return cache.pathOf(oid);
}
