import type { RepoLayout } from "../repo/index.js";
import type { ServeLogger } from "./options.js";
import { resolveServableModel } from "./resolve.js";
import type { InferenceServer } from "./server.js";

/**
 * A refresh for SIGHUP or a poll: re-reads what `selector` (such as name#staging) names in the
 * registry and switches the server to it when that is another version. It never throws: when the
 * new version cannot be resolved or loaded, the running one keeps serving and a warning says why.
 * A refresh called while one is under way does nothing.
 */
export function registryFollower(
  layout: RepoLayout,
  selector: string,
  server: Pick<InferenceServer, "swap">,
  serving: { name: string; version: string },
  logger: ServeLogger,
): () => Promise<void> {
  let current = serving.version;
  let refreshing = false;
  return async () => {
    if (refreshing) return;
    refreshing = true;
    try {
      const next = await resolveServableModel(layout, selector);
      if (next.model.version === current) return;
      await server.swap(next.model);
      logger.info(`switched ${serving.name} from ${current} to ${next.model.version}`);
      current = next.model.version;
    } catch (err) {
      logger.warn(`kept ${serving.name} ${current}: ${(err as Error).message}`);
    } finally {
      refreshing = false;
    }
  };
}
