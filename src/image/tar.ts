import { createReadStream } from "node:fs";
import { MlopsError } from "../errors/index.js";

/**
 * A deterministic tar writer (POSIX ustar, with PAX records only where ustar cannot say it). The
 * bytes depend on nothing but the entries and the one mtime: no owner names, no ids, no access
 * times, no device numbers, and a fixed order. That is what makes a layer's diff_id, and with a
 * fixed gzip, its digest, the same on every machine that builds it.
 */
export interface TarEntry {
  /** Relative to the root of the layer, `/`-separated, without a leading or trailing `/`. */
  path: string;
  type: "directory" | "file" | "symlink";
  /** Permission bits, including setuid/setgid/sticky (`0o1777` for /tmp). */
  mode: number;
  /** Files: the bytes come from `data`, or are streamed from `hostPath` (and must be `size` long). */
  size?: number;
  hostPath?: string;
  data?: Uint8Array;
  /** Symlinks: the link text, written as-is. */
  linkTarget?: string;
}

const block = 512;
const endOfArchive = Buffer.alloc(block * 2);

/** Bytewise UTF-8 order: the same on every platform and locale, and a parent always sorts before its children. */
export function comparePaths(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/**
 * Adds every missing parent directory (mode 0755), refuses two different entries at one path, and
 * sorts by path, so the archive lists each directory before what it holds.
 */
export function completeEntries(entries: readonly TarEntry[]): TarEntry[] {
  const byPath = new Map<string, TarEntry>();
  for (const entry of entries) {
    const existing = byPath.get(entry.path);
    if (existing && !(existing.type === "directory" && entry.type === "directory")) {
      throw new MlopsError("conflict", `two inputs write the same path /${entry.path} in one layer`, {
        field: entry.path,
        hint: "map each input to its own container path",
      });
    }
    byPath.set(entry.path, entry);
  }
  for (const path of [...byPath.keys()]) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join("/");
      const existing = byPath.get(parent);
      if (existing && existing.type !== "directory") {
        throw new MlopsError(
          "conflict",
          `/${parent} is both a ${existing.type} and a directory in one layer`,
          {
            field: parent,
          },
        );
      }
      if (!existing) byPath.set(parent, { path: parent, type: "directory", mode: 0o755 });
    }
  }
  return [...byPath.values()].sort((a, b) => comparePaths(a.path, b.path));
}

function octal(value: number, width: number): string {
  // width - 1 digits and a NUL, as ustar writers conventionally fill numeric fields.
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

function writeString(buf: Buffer, offset: number, width: number, text: string | Buffer): void {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  bytes.copy(buf, offset, 0, Math.min(bytes.length, width));
}

const maxOctal11 = 0o77777777777;

/** Splits a path into ustar's prefix (155 bytes) and name (100 bytes), or says it cannot. */
function splitUstarName(name: string): { prefix: string; name: string } | undefined {
  if (!/^[\x20-\x7e]*$/.test(name)) return undefined;
  if (name.length <= 100) return { prefix: "", name };
  // From the right, skipping a directory's trailing slash: the first cut whose prefix fits is the
  // one with the shortest name; if that name is too long, every other cut's is too.
  for (let i = name.length - 2; i > 0; i--) {
    if (name[i] !== "/") continue;
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (prefix.length <= 155 && rest.length <= 100) return { prefix, name: rest };
    if (prefix.length > 155) continue;
    break;
  }
  return undefined;
}

interface HeaderFields {
  name: string;
  prefix: string;
  mode: number;
  size: number;
  mtime: number;
  typeflag: string;
  linkname: string;
}

function ustarHeader(f: HeaderFields): Buffer {
  const h = Buffer.alloc(block);
  writeString(h, 0, 100, f.name);
  writeString(h, 100, 8, octal(f.mode, 8));
  writeString(h, 108, 8, octal(0, 8));
  writeString(h, 116, 8, octal(0, 8));
  writeString(h, 124, 12, octal(f.size, 12));
  writeString(h, 136, 12, octal(f.mtime, 12));
  h.fill(0x20, 148, 156);
  writeString(h, 156, 1, f.typeflag);
  writeString(h, 157, 100, f.linkname);
  writeString(h, 257, 6, "ustar\0");
  writeString(h, 263, 2, "00");
  // uname and gname (265, 297) stay empty: owners are ids, and the ids are 0.
  writeString(h, 329, 8, octal(0, 8));
  writeString(h, 337, 8, octal(0, 8));
  writeString(h, 345, 155, f.prefix);
  let sum = 0;
  for (const byte of h) sum += byte;
  writeString(h, 148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
  return h;
}

function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const bodyLength = Buffer.byteLength(body, "utf8");
  let length = bodyLength + 1;
  while (String(length).length + bodyLength !== length) length = String(length).length + bodyLength;
  return Buffer.from(`${length}${body}`, "utf8");
}

function padding(size: number): Buffer {
  const rest = size % block;
  return rest === 0 ? Buffer.alloc(0) : Buffer.alloc(block - rest);
}

/** The header blocks of one entry: a PAX header first when a path, link or size does not fit ustar. */
export function entryHeader(entry: TarEntry, mtime: number): Buffer {
  const fullName = entry.type === "directory" ? `${entry.path}/` : entry.path;
  const size = entry.type === "file" ? (entry.size ?? entry.data?.length ?? 0) : 0;
  const linkname = entry.type === "symlink" ? (entry.linkTarget ?? "") : "";
  const records: Buffer[] = [];
  let split = splitUstarName(fullName);
  if (!split) {
    records.push(paxRecord("path", fullName));
    split = { prefix: "", name: fullName.replace(/[^\x20-\x7e]/g, "_").slice(-100) };
  }
  let ustarLink = linkname;
  if (Buffer.byteLength(linkname, "utf8") > 100 || !/^[\x20-\x7e]*$/.test(linkname)) {
    records.push(paxRecord("linkpath", linkname));
    ustarLink = linkname.replace(/[^\x20-\x7e]/g, "_").slice(0, 100);
  }
  let ustarSize = size;
  if (size > maxOctal11) {
    records.push(paxRecord("size", String(size)));
    ustarSize = 0;
  }
  const typeflag = entry.type === "directory" ? "5" : entry.type === "symlink" ? "2" : "0";
  const main = ustarHeader({
    ...split,
    mode: entry.mode,
    size: ustarSize,
    mtime,
    typeflag,
    linkname: ustarLink,
  });
  if (records.length === 0) return main;
  const pax = Buffer.concat(records);
  const base = fullName.replace(/\/$/, "").split("/").pop() ?? "";
  const paxHeader = ustarHeader({
    name: `PaxHeaders/${base.replace(/[^\x20-\x7e]/g, "_")}`.slice(0, 100),
    prefix: "",
    mode: 0o644,
    size: pax.length,
    mtime,
    typeflag: "x",
    linkname: "",
  });
  return Buffer.concat([paxHeader, pax, padding(pax.length), main]);
}

/**
 * The archive as a stream of chunks. `entries` should come from `completeEntries`; files are read
 * from disk as they are reached, so a layer of any size needs little memory.
 */
export async function* tarChunks(entries: readonly TarEntry[], mtime: number): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    yield entryHeader(entry, mtime);
    if (entry.type !== "file") continue;
    if (entry.data) {
      yield Buffer.from(entry.data);
      yield padding(entry.data.length);
      continue;
    }
    const expected = entry.size ?? 0;
    let seen = 0;
    if (entry.hostPath && expected > 0) {
      for await (const chunk of createReadStream(entry.hostPath, { highWaterMark: 1 << 20 })) {
        const bytes = chunk as Buffer;
        seen += bytes.length;
        if (seen > expected) break;
        yield bytes;
      }
    }
    if (seen !== expected) {
      throw new MlopsError("io", `${entry.hostPath} changed size while the layer was being written`, {
        file: entry.hostPath,
        expected: `${expected} bytes`,
        got: `${seen} bytes`,
        hint: "build again once nothing is writing to the inputs",
      });
    }
    yield padding(expected);
  }
  yield endOfArchive;
}
