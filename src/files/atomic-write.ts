import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * A temp name in the target's own directory, so the final rename never crosses a file system and is
 * atomic. The leading dot and `.tmp` suffix let cleanup and listings recognise leftovers of a kill.
 */
export function tempPathFor(target: string): string {
  tempCounter += 1;
  return join(dirname(target), `.${basename(target)}.${process.pid}.${processTag}${tempCounter}.tmp`);
}

// A random tag per process plus a counter: unique like fresh random bytes, without their cost per file.
const processTag = randomBytes(3).toString("hex");
let tempCounter = 0;

export function isTempName(name: string): boolean {
  return name.startsWith(".") && name.endsWith(".tmp");
}

/** Writes `data` so that readers see either the old file or the whole new one, never a part. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  try {
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
