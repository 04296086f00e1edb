export { Cache, type CheckoutResult, type TreeDigest } from "./cache.js";
export { type DirEntry, listingId, parseListing, serializeListing, walkFiles } from "./dir-listing.js";
export { type FileDigest, hashBytes, hashFile, hashStats } from "./hash.js";
export { HashIndex } from "./hash-index.js";
export { digestOf, isDirId, isObjectId, type ObjectId, objectRelPath } from "./object-id.js";
export { LocalRemote, openRemote, type Remote, type RemoteSpec } from "./remote.js";
export { pull, push, type TransferItem, type TransferOptions, type TransferResult } from "./transfer.js";
