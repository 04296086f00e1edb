import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { type FileDigest, hashStats } from "./hash.js";

const chunkSize = 4 * 1024 * 1024;

/**
 * Copies `src` to `dest` and hashes the bytes on the way, in one read of the source: the hash is of
 * exactly the bytes written, so a file that changes during the copy cannot slip in under an old hash.
 * Three buffers rotate so that reading the next chunk, hashing this one and writing the previous
 * one all overlap (reads and writes run on the thread pool while this thread hashes).
 */
export async function copyHashing(src: string, dest: string): Promise<FileDigest> {
  const input = await open(src, "r");
  try {
    const output = await open(dest, "wx");
    try {
      const hash = createHash("sha256");
      const buffers = [
        Buffer.allocUnsafe(chunkSize),
        Buffer.allocUnsafe(chunkSize),
        Buffer.allocUnsafe(chunkSize),
      ];
      const writes: (Promise<unknown> | undefined)[] = [undefined, undefined, undefined];
      let current = 0;
      let size = 0;
      let pending = input.read(buffers[0] as Buffer, 0, chunkSize, null);
      try {
        for (;;) {
          const { bytesRead } = await pending;
          if (bytesRead === 0) break;
          const next = (current + 1) % 3;
          // The next buffer may still be on its way to disk from two chunks ago.
          await writes[next];
          pending = input.read(buffers[next] as Buffer, 0, chunkSize, null);
          const filled = (buffers[current] as Buffer).subarray(0, bytesRead);
          hash.update(filled);
          // Explicit positions: writes in flight at the same time must not depend on a shared offset.
          writes[current] = output.write(filled, 0, bytesRead, size);
          size += bytesRead;
          current = next;
        }
      } finally {
        await Promise.allSettled(writes);
      }
      await Promise.all(writes);
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
