import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { type FileDigest, hashStats } from "./hash.js";

const chunkSize = 4 * 1024 * 1024;

/**
 * Copies `src` to `dest` and hashes the bytes on the way, in one read of the source: the hash is of
 * exactly the bytes written, so a file that changes during the copy cannot slip in under an old hash.
 * Reads run ahead of the hash and the write, on the thread pool.
 */
export async function copyHashing(src: string, dest: string): Promise<FileDigest> {
  const input = await open(src, "r");
  try {
    const output = await open(dest, "wx");
    try {
      const hash = createHash("sha256");
      const buffers = [Buffer.allocUnsafe(chunkSize), Buffer.allocUnsafe(chunkSize)] as const;
      let current: 0 | 1 = 0;
      let size = 0;
      let pending = input.read(buffers[0], 0, chunkSize, null);
      for (;;) {
        const { bytesRead } = await pending;
        if (bytesRead === 0) break;
        const filled = buffers[current].subarray(0, bytesRead);
        current = current === 0 ? 1 : 0;
        pending = input.read(buffers[current], 0, chunkSize, null);
        hash.update(filled);
        await output.write(filled, 0, bytesRead);
        size += bytesRead;
      }
      hashStats.filesHashed += 1;
      hashStats.bytesHashed += size;
      return { sha256: hash.digest("hex"), size };
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}
