export { Cache, type CheckoutResult, type TreeDigest } from "./cache.js";
export { assertWriteInside } from "./confine.js";
export { type DirEntry, listingId, parseListing, serializeListing, walkFiles } from "./dir-listing.js";
export {
  defaultMaxObjectBytes,
  GitBranchRemote,
  type GitBranchSettings,
  gitBranchScheme,
  parseGitBranchUrl,
} from "./git-branch-remote.js";
export { type FileDigest, hashBytes, hashFile, hashStats } from "./hash.js";
export { HashIndex } from "./hash-index.js";
export { digestOf, isDirId, isObjectId, type ObjectId, objectRelPath } from "./object-id.js";
export { type OpenRemoteOptions, openRemote } from "./open-remote.js";
export { LocalRemote, type Remote, type RemoteSpec } from "./remote.js";
export {
  createS3Client,
  isS3NotFound,
  parseS3Url,
  type S3Location,
  s3Failure,
} from "./s3-client.js";
export { S3Remote } from "./s3-remote.js";
export { pull, push, type TransferItem, type TransferOptions, type TransferResult } from "./transfer.js";
export {
  guardRemoteWrites,
  isReadOnlyRemote,
  ReadOnlyRemote,
  type RemoteEnv,
  remoteWritesAllowed,
  remoteWritesBlockedBy,
} from "./write-guard.js";
