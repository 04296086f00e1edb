export { nameSlug, repoRelativePath, sha256Hex } from "./common.js";
export {
  type DataManifest,
  type DataOut,
  type DataSource,
  dataManifest,
  dataOut,
  dataSource,
} from "./data-manifest.js";
export { type RemoteConfig, type RepoConfig, remoteConfig, repoConfig } from "./repo-config.js";
export { formatFieldPath, parseYaml, readYamlFile, stringifyYaml, writeYamlFile } from "./yaml-file.js";
