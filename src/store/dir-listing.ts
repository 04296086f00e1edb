import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { MlopsError } from "../errors/index.js";
import { isTempName } from "../files/index.js";

/** One file of a tracked directory, as recorded in its `.dir` listing object. */
export interface DirEntry {
  relpath: string;
  sha256: string;
  size: number;
}

/** Byte order of the UTF-8 paths; equals UTF-16 order unless a path holds astral characters. */
function compareRelpaths(a: string, b: string): number {
  if (/[\ud800-\udfff]/.test(a) || /[\ud800-\udfff]/.test(b))
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortEntries<T extends { relpath: string }>(entries: T[]): T[] {
  return entries.sort((a, b) => compareRelpaths(a.relpath, b.relpath));
}

/**
 * The canonical bytes of a listing: sorted by path, `JSON.stringify` with no whitespace and keys in
 * the order relpath, sha256, size. Same tree, same bytes, same id on every machine.
 */
export function serializeListing(entries: readonly DirEntry[]): Buffer {
  const sorted = sortEntries(entries.map((e) => ({ relpath: e.relpath, sha256: e.sha256, size: e.size })));
  return Buffer.from(JSON.stringify(sorted));
}

export function listingId(bytes: Uint8Array): string {
  return `${createHash("sha256").update(bytes).digest("hex")}.dir`;
}

/**
 * Why a listing's relpath cannot be written under a directory, or undefined when it can: only plain
 * `/`-separated segments are allowed, so no reading of it (POSIX or Windows) leaves the directory.
 */
export function unsafeRelpath(relpath: string): string | undefined {
  if (relpath === "") return "it is empty";
  if (relpath.includes("\0")) return "it contains a NUL character";
  if (relpath.includes("\\")) return "it contains a backslash";
  if (relpath.startsWith("/")) return "it is absolute";
  if (/^[a-z]:/i.test(relpath)) return "it starts with a drive letter";
  for (const segment of relpath.split("/")) {
    if (segment === "") return "it has an empty segment";
    if (segment === "." || segment === "..") return `it has a '${segment}' segment`;
  }
  return undefined;
}

/**
 * Names of word characters, dots and dashes, none starting with a dot, joined by single slashes: a
 * subset of what unsafeRelpath accepts (no empty, `.` or `..` segment, no backslash, drive letter,
 * NUL or leading slash), tested in one go; anything else gets the full check.
 */
const plainRelpath = /^[\w-][\w.-]*(?:\/[\w-][\w.-]*)*$/;
const sha256Pattern = /^[0-9a-f]{64}$/;

export function parseListing(bytes: Uint8Array, oid: string): DirEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new MlopsError("invalid-file", `directory listing ${oid} is not JSON`, { field: oid });
  }
  const expected = '[{"relpath","sha256","size"}]';
  if (!Array.isArray(value)) {
    throw new MlopsError("invalid-file", `directory listing ${oid} does not have the expected shape`, {
      field: oid,
      expected,
    });
  }
  for (const [i, e] of value.entries()) {
    const ok =
      e !== null &&
      typeof e === "object" &&
      typeof e.relpath === "string" &&
      typeof e.sha256 === "string" &&
      sha256Pattern.test(e.sha256) &&
      Number.isSafeInteger(e.size) &&
      e.size >= 0;
    if (!ok) {
      throw new MlopsError("invalid-file", `directory listing ${oid} does not have the expected shape`, {
        field: `${oid}[${i}]`,
        expected,
      });
    }
    const unsafe = plainRelpath.test(e.relpath) ? undefined : unsafeRelpath(e.relpath);
    if (unsafe) {
      throw new MlopsError("invalid-file", `directory listing ${oid} names a path outside its directory`, {
        field: `${oid}[${i}].relpath`,
        expected:
          "a relative path of plain '/'-separated names (no '..', '.', empty segment, backslash, drive letter or NUL)",
        got: `${JSON.stringify(e.relpath).slice(0, 200)} (${unsafe})`,
      });
    }
  }
  return value as DirEntry[];
}

/** Every regular file under `root` as `/`-separated relative paths; skips `.git` and our temp files. */
export function walkFiles(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const name = entry.name;
      if (isTempName(name)) continue;
      if (entry.isDirectory()) {
        if (name === ".git") continue;
        visit(join(dir, name), `${prefix}${name}/`);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        out.push(`${prefix}${name}`);
      }
    }
  };
  visit(root, "");
  return out;
}
