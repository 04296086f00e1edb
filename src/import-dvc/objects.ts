import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { MlopsError } from "../errors/index.js";
import { tempPathFor } from "../files/index.js";

/** Where an entry was recorded: the `.dvc` file or dvc.lock, and the field holding the md5. */
export interface EntryRef {
  file: string;
  field: string;
}

export type EntryStatus = "written" | "present" | "differs" | "missing";

/**
 * DVC's content-addressed objects, looked up by md5 in the project's cache (DVC 3's `files/md5/`
 * layout, then DVC 2's) and then in a local-directory remote. Every object is read through an md5
 * check against the md5 it is filed under, so a corrupted or replaced object is named, never imported.
 */
export class DvcObjects {
  private readonly verified = new Map<string, string>();

  constructor(
    private readonly roots: readonly { dir: string; shown: string }[],
    private readonly dryRun: boolean,
  ) {}

  private locate(md5: string): { path: string; shown: string } | undefined {
    const rel = join(md5.slice(0, 2), md5.slice(2));
    for (const root of this.roots) {
      for (const layout of ["files/md5", "."]) {
        const path = join(root.dir, layout, rel);
        if (existsSync(path)) return { path, shown: join(root.shown, layout, rel) };
      }
    }
    return undefined;
  }

  /** The object's path once its bytes hash to `md5`; undefined when no source has it. */
  async verifiedObject(md5: string, ref: EntryRef): Promise<string | undefined> {
    const known = this.verified.get(md5);
    if (known) return known;
    const found = this.locate(md5);
    if (!found) return undefined;
    const got = await md5OfFile(found.path);
    if (got !== md5.replace(/\.dir$/, "")) throw mismatch(found.shown, got, md5, ref);
    this.verified.set(md5, found.path);
    return found.path;
  }

  /** Puts the recorded bytes of a file or directory at `abs` unless it holds them already. */
  async importEntry(md5: string, abs: string, ref: EntryRef): Promise<EntryStatus> {
    if (!md5.endsWith(".dir")) return this.importFile(md5, abs, ref);
    const listing = await this.verifiedObject(md5, ref);
    if (!listing) return existsSync(abs) ? "differs" : "missing";
    const entries = JSON.parse(await readFile(listing, "utf8")) as { md5: string; relpath: string }[];
    const statuses: EntryStatus[] = [];
    for (const e of entries) {
      if (e.relpath.split("/").includes("..")) {
        throw new MlopsError(
          "invalid-file",
          `directory listing names a path outside the directory: ${e.relpath}`,
          ref,
        );
      }
      statuses.push(
        await this.importFile(e.md5, join(abs, e.relpath), { ...ref, field: `${ref.field} (${e.relpath})` }),
      );
    }
    for (const worst of ["missing", "differs", "written"] as const)
      if (statuses.includes(worst)) return worst;
    return "present";
  }

  private async importFile(md5: string, abs: string, ref: EntryRef): Promise<EntryStatus> {
    const source = await this.verifiedObject(md5, ref);
    if (existsSync(abs)) return (await md5OfFile(abs)) === md5 ? "present" : "differs";
    if (!source) return "missing";
    if (!this.dryRun) await copyVerified(source, abs, md5, ref);
    return "written";
  }
}

function mismatch(object: string, got: string, expected: string, ref: EntryRef): MlopsError {
  return new MlopsError(
    "hash-mismatch",
    `DVC object ${object} holds bytes whose md5 is ${got}, not the ${expected} that ${ref.file} records at ${ref.field}`,
    {
      file: ref.file,
      field: ref.field,
      expected,
      got,
      hint: "the DVC cache or remote is corrupted: restore the object (dvc fetch, or dvc cache from a good copy) and import again",
    },
  );
}

export async function md5OfFile(path: string): Promise<string> {
  const hash = createHash("md5");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Copies while hashing, and renames into place only when the copy's md5 is the expected one. */
async function copyVerified(source: string, target: string, md5: string, ref: EntryRef): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  const hash = createHash("md5");
  try {
    await pipeline(
      createReadStream(source),
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(temp, { mode: 0o644 }),
    );
    const got = hash.digest("hex");
    if (got !== md5) throw mismatch(source, got, md5, ref);
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
