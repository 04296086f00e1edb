export {
  type BuildImageOptions,
  type BuildImageResult,
  buildImage,
  type ImageLayer,
  type ImageRuntimeConfig,
} from "./build.js";
export { isDigest, sha256Digest } from "./digest.js";
export {
  buildHostBaseImage,
  defaultImageUser,
  type HostBaseImageOptions,
  hostPathEntries,
  sharedLibraries,
} from "./host-base-image.js";
export { defaultCompressionLevel, type LayerInput, type LayerSpec } from "./layer.js";
export { type LayoutImage, readLayoutImage } from "./layout.js";
export {
  annotationKeys,
  type Descriptor,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  mediaTypes,
  type Platform,
} from "./media-types.js";
export { buildModelImage, type ModelImage, type ModelImageOptions } from "./model-image.js";
export { type PublishModelImageOptions, publishModelImage } from "./publish-model-image.js";
export { linuxAmd64, type PulledManifest, type PullOptions, pullManifest, resolveDigest } from "./pull.js";
export { defaultChunkSize, type PushImageOptions, type PushImageResult, pushImage } from "./push.js";
export { formatImageReference, type ImageReference, parseImageReference } from "./reference.js";
export type { RegistryAuth, RegistryOptions } from "./registry-client.js";
export { defaultRetryPolicy, type RetryPolicy } from "./retry.js";
export {
  buildServingImage,
  modelLabels,
  onnxruntimeInputs,
  type ServingImageOptions,
  servingImageBuild,
  servingPaths,
} from "./serving-image.js";
export type { TarEntry } from "./tar.js";
