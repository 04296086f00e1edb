import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../files/index.js";
import type { FileStat } from "./scan-tree.js";

const indexFileName = "hash-index.v2.tsv";
const header = "# mlops hash index v2: path\tsize\tmtime_ms\tinode\tsha256";

/** `size\tmtime\tinode\t`: the part of a line that must match for the recorded hash to be trusted. */
function statKey(stat: FileStat): string {
  // mtimeMs is a double carrying sub-microsecond precision; its shortest decimal form round-trips exactly.
  return `${stat.size}\t${stat.mtimeMs}\t${stat.ino}\t`;
}

/**
 * Remembers the sha256 of every file hashed, keyed by path, size, mtime and inode, so a file whose
 * stat is unchanged is never read again. Rebuildable state: deleting it only costs time.
 * Stored as tab-separated text and kept in memory as `path → "size\tmtime\tinode\tsha256"` strings:
 * loading 100k entries is one split per line, and a lookup is one string comparison.
 */
export interface TreeMemo {
  fingerprint: string;
  oid: string;
  size: number;
  nfiles: number;
}

const treeFileName = "trees.v1.tsv";

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw err;
  }
}

function readTrees(stateDir: string): Map<string, TreeMemo> {
  const trees = new Map<string, TreeMemo>();
  for (const line of readText(join(stateDir, treeFileName)).split("\n")) {
    const [dir, fingerprint, oid, size, nfiles] = line.split("\t");
    if (dir && fingerprint && oid && size && nfiles && !dir.startsWith("#")) {
      trees.set(dir, { fingerprint, oid, size: Number(size), nfiles: Number(nfiles) });
    }
  }
  return trees;
}

/**
 * Remembers the sha256 of every file hashed, keyed by path, size, mtime and inode, so a file whose
 * stat is unchanged is never read again. Rebuildable state: deleting it only costs time.
 * Stored as tab-separated text and kept in memory as `path → "size\tmtime\tinode\tsha256"` strings:
 * loading 100k entries is one split per line, and a lookup is one string comparison.
 *
 * It also remembers, per tracked directory, a fingerprint of every file's path and stat together
 * with the directory's id: when a tree's fingerprint is unchanged its id is known without a single
 * per-file lookup, and the per-file table (the big file) is not even read.
 */
export class HashIndex {
  private dirty = false;
  private treesDirty = false;
  private loadedEntries: Map<string, string> | undefined;
  private loadedTrees: Map<string, TreeMemo> | undefined;

  private constructor(private readonly stateDir: string) {}

  static async open(stateDir: string): Promise<HashIndex> {
    return new HashIndex(stateDir);
  }

  private get entries(): Map<string, string> {
    if (this.loadedEntries) return this.loadedEntries;
    const text = readText(join(this.stateDir, indexFileName));
    const entries = new Map<string, string>();
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      const tab = text.indexOf("\t", start);
      // A damaged line (no tab, or not ending in a sha256) is dropped: the file is hashed again instead.
      if (text.charCodeAt(start) !== 35 && tab > start && tab < end && end - tab > 64) {
        entries.set(text.slice(start, tab), text.slice(tab + 1, end));
      }
      start = end + 1;
    }
    this.loadedEntries = entries;
    return entries;
  }

  private get trees(): Map<string, TreeMemo> {
    this.loadedTrees ??= readTrees(this.stateDir);
    return this.loadedTrees;
  }

  /** The most files any remembered tree held when last hashed (0 when none is remembered). */
  static largestTree(stateDir: string): number {
    let largest = 0;
    for (const memo of readTrees(stateDir).values()) largest = Math.max(largest, memo.nfiles);
    return largest;
  }

  /** The recorded sha256 when the file's size, mtime and inode are what they were when hashed. */
  lookup(absPath: string, stat: FileStat): string | undefined {
    const entry = this.entries.get(absPath);
    if (entry === undefined) return undefined;
    const key = statKey(stat);
    if (entry.length !== key.length + 64 || !entry.startsWith(key)) return undefined;
    return entry.slice(key.length);
  }

  record(absPath: string, stat: FileStat, sha256: string): void {
    // Paths with tabs or newlines cannot be represented; such files are simply hashed every time.
    if (/[\t\n]/.test(absPath)) return;
    const entry = statKey(stat) + sha256;
    if (this.entries.get(absPath) === entry) return;
    this.entries.set(absPath, entry);
    this.dirty = true;
  }

  /** The directory's id if its fingerprint (every path and stat in it) is the one recorded with it. */
  lookupTree(absDir: string, fingerprint: string): TreeMemo | undefined {
    const memo = this.trees.get(absDir);
    return memo && memo.fingerprint === fingerprint ? memo : undefined;
  }

  /** How many files the directory held when last hashed, if it ever was. */
  knownFileCount(absDir: string): number | undefined {
    return this.trees.get(absDir)?.nfiles;
  }

  recordTree(absDir: string, memo: TreeMemo): void {
    if (/[\t\n]/.test(absDir)) return;
    const previous = this.trees.get(absDir);
    if (previous && previous.fingerprint === memo.fingerprint && previous.oid === memo.oid) return;
    this.trees.set(absDir, memo);
    this.treesDirty = true;
  }

  async save(): Promise<void> {
    if (this.dirty && this.loadedEntries) {
      const lines = [header];
      for (const [path, entry] of this.loadedEntries) lines.push(`${path}\t${entry}`);
      await writeFileAtomic(join(this.stateDir, indexFileName), `${lines.join("\n")}\n`);
      this.dirty = false;
    }
    if (this.treesDirty && this.loadedTrees) {
      const lines = ["# mlops tree memo v1: dir\tfingerprint\toid\tsize\tnfiles"];
      for (const [dir, m] of this.loadedTrees)
        lines.push(`${dir}\t${m.fingerprint}\t${m.oid}\t${m.size}\t${m.nfiles}`);
      await writeFileAtomic(join(this.stateDir, treeFileName), `${lines.join("\n")}\n`);
      this.treesDirty = false;
    }
  }
}
