export { type ServingCluster, startServingCluster } from "./cluster.js";
export { registryFollower } from "./follow.js";
export type { ColumnInfo, ColumnType, ServableModel } from "./model.js";
export type { ServeLogger, ServeOptions } from "./options.js";
export type { PredictionLogOptions } from "./prediction-log.js";
export { type ResolvedModel, resolveServableModel } from "./resolve.js";
export { type InferenceServer, startInferenceServer } from "./server.js";
export { type RunningServer, type ServingOptions, startServing } from "./serving.js";
export { inShadowSample, predictionsAgree, type ShadowOptions, shadowDefaults } from "./shadow.js";
