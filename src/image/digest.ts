import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { join } from "node:path";
import { MlopsError } from "../errors/index.js";

const digestPattern = /^sha256:[0-9a-f]{64}$/;

export function isDigest(text: string): boolean {
  return digestPattern.test(text);
}

/** `sha256:<hex>` of some bytes: the only digest algorithm we write, and the one every registry takes. */
export function sha256Digest(bytes: Uint8Array | string): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

export async function fileDigest(path: string): Promise<{ digest: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { digest: `sha256:${hash.digest("hex")}`, size };
}

/** Refuses anything but a sha256 digest, so a digest can never walk out of `blobs/sha256/`. */
export function assertDigest(text: string, field: string): string {
  if (!isDigest(text)) {
    throw new MlopsError("invalid-file", `not a sha256 digest: ${JSON.stringify(text)}`, {
      field,
      expected: "sha256:<64 lowercase hex>",
      got: text,
    });
  }
  return text;
}

/** Where a blob lives in an OCI image layout (image-spec image-layout.md). */
export function blobPath(layoutDir: string, digest: string): string {
  assertDigest(digest, "digest");
  return join(layoutDir, "blobs", "sha256", digest.slice("sha256:".length));
}
