import type { RepoLayout } from "../repo/index.js";
import { buildModelImage, type ModelImage, type ModelImageOptions } from "./model-image.js";
import { type PushImageResult, pushImage } from "./push.js";

export interface PublishModelImageOptions extends ModelImageOptions {
  /** Where to push, `host/repository:tag`; none builds only. */
  pushTo?: string;
}

/** Builds a registered version's serving image and, when asked, pushes it: one door for the CLI and actions. */
export async function publishModelImage(
  layout: RepoLayout,
  options: PublishModelImageOptions,
): Promise<{ image: ModelImage; pushed?: PushImageResult }> {
  const image = await buildModelImage(layout, options);
  if (!options.pushTo) return { image };
  const pushed = await pushImage({
    layoutDir: image.build.layoutDir,
    reference: options.pushTo,
    ...(options.registry ?? {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return { image, pushed };
}
