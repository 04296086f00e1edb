import { join, sep } from "node:path";

/** 64 lowercase hex sha256, with the suffix `.dir` for a directory listing object. */
export type ObjectId = string;

const objectIdPattern = /^[0-9a-f]{64}(\.dir)?$/;

export function isObjectId(value: string): boolean {
  return objectIdPattern.test(value);
}

export function isDirId(oid: ObjectId): boolean {
  return oid.endsWith(".dir");
}

/** `sha256/ab/cdef…[.dir]`: the same relative place in a cache and in every remote. */
export function objectRelPath(oid: ObjectId): string {
  return join("sha256", oid.slice(0, 2), oid.slice(2));
}

/**
 * The object's path under `objectsDir` (a store's `…/sha256`, already joined): the same as
 * join(root, objectRelPath(oid)) without join's normalising, which a bulk transfer paid 20,000 times.
 */
export function objectPathIn(objectsDir: string, oid: ObjectId): string {
  return `${objectsDir}${sep}${oid.slice(0, 2)}${sep}${oid.slice(2)}`;
}

/** The sha256 of the bytes stored under `oid` (a `.dir` object is the hash of its listing). */
export function digestOf(oid: ObjectId): string {
  return oid.slice(0, 64);
}
