import { createHash } from "node:crypto";
import { open } from "node:fs/promises";

/**
 * Process-wide counters. Tests assert on them ("one changed file re-hashes exactly one file"), and
 * `--verbose` prints them, so nobody has to guess whether the index did its job.
 */
export const hashStats = { filesHashed: 0, bytesHashed: 0 };

export interface FileDigest {
  sha256: string;
  size: number;
}

/** Large reads keep the syscall count low; 4 MiB measured as fast as any larger size here. */
const chunkSize = 4 * 1024 * 1024;

export function hashBytes(bytes: Uint8Array): string {
  hashStats.filesHashed += 1;
  hashStats.bytesHashed += bytes.byteLength;
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Streams a file through sha256 without holding it in memory. Two buffers alternate so the next read
 * runs on the thread pool while this thread hashes the previous one; that overlap is what makes this
 * faster than `openssl dgst` on the same file (see BENCHMARKS.md).
 */
export async function hashFile(path: string): Promise<FileDigest> {
  const handle = await open(path, "r");
  try {
    const { size: statSize } = await handle.stat();
    // Small files: one read into a right-sized buffer; big buffers per file would dominate the cost.
    if (statSize <= chunkSize) {
      const bytes = await handle.readFile();
      return { sha256: hashBytes(bytes), size: bytes.byteLength };
    }
    const hash = createHash("sha256");
    const buffers = [Buffer.allocUnsafe(chunkSize), Buffer.allocUnsafe(chunkSize)] as const;
    let current: 0 | 1 = 0;
    let size = 0;
    let pending = handle.read(buffers[0], 0, chunkSize, null);
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      const filled = buffers[current];
      current = current === 0 ? 1 : 0;
      pending = handle.read(buffers[current], 0, chunkSize, null);
      hash.update(filled.subarray(0, bytesRead));
      size += bytesRead;
    }
    hashStats.filesHashed += 1;
    hashStats.bytesHashed += size;
    return { sha256: hash.digest("hex"), size };
  } finally {
    await handle.close();
  }
}
