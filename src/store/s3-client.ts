import type { S3Client } from "@aws-sdk/client-s3";
import { MlopsError } from "../errors/index.js";

export const s3Scheme = "s3://";

/** Where an S3-protocol store is and how to address it; credentials are never part of it. */
export interface S3Location {
  bucket: string;
  /** The key prefix objects live under: "" or ending in "/". */
  prefix: string;
  /** An S3-compatible endpoint (MinIO, R2, Ceph, a local test server); undefined means AWS itself. */
  endpoint?: string;
  region?: string;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO and most local servers). */
  pathStyle?: boolean;
}

/**
 * Bucket names follow S3's rules for new buckets (3–63 characters of lowercase letters, digits,
 * '.' and '-', starting and ending with a letter or digit); the prefix may not climb (`..`) or
 * hold empty segments, so a key is always `prefix + relative path`.
 */
export function parseS3Url(url: string): { bucket: string; prefix: string } | undefined {
  if (!url.startsWith(s3Scheme)) return undefined;
  const rest = url.slice(s3Scheme.length);
  const slash = rest.indexOf("/");
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? "" : rest.slice(slash + 1);
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes("..")) return undefined;
  const segments = path.split("/").filter((s, i, all) => !(s === "" && i === all.length - 1));
  if (path !== "" && segments.some((s) => s === "" || s === "." || s === ".." || /[\\\0]/.test(s)))
    return undefined;
  return { bucket, prefix: path === "" ? "" : `${segments.join("/")}/` };
}

export const s3UrlExpected =
  "s3://BUCKET or s3://BUCKET/PREFIX (BUCKET: 3-63 lowercase letters, digits, '.' or '-')";

/**
 * The SDK's own client with its standard credential chain (environment, shared config and
 * profiles, the web-identity token file an OIDC role provides, container and instance metadata):
 * nothing here reads or stores a secret. Loaded on first use so commands that never touch S3 do
 * not pay for the SDK's import.
 */
export async function createS3Client(
  location: S3Location,
  options: { maxSockets?: number } = {},
): Promise<S3Client> {
  const { S3Client: Client } = await import("@aws-sdk/client-s3");
  const client = new Client({
    ...(location.region ? { region: location.region } : location.endpoint ? { region: "us-east-1" } : {}),
    ...(location.endpoint ? { endpoint: location.endpoint } : {}),
    forcePathStyle: location.pathStyle === true,
    // The SDK's standard strategy: exponential backoff with jitter on throttling, 5xx and
    // connection errors; client errors (4xx) are not retried.
    maxAttempts: 5,
    // Checksums are sent where we ask for them (ChecksumSHA256 on every upload) rather than the
    // SDK's default CRC32 trailers, which several S3-compatible stores do not understand; downloads
    // are verified against their sha256 by the caller, so the SDK need not hash them again.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: {
      httpAgent: { keepAlive: true, maxSockets: options.maxSockets ?? 64 },
      httpsAgent: { keepAlive: true, maxSockets: options.maxSockets ?? 64 },
    },
    // Each command's middleware chain is built once, not on every request: a tenth of a push of
    // 10,000 small objects went to rebuilding it. Every middleware of ours is added before the
    // first request, so none is missed.
    cacheMiddleware: true,
  });
  // A request that carries its body's SHA-256 as a checksum (every upload here) signs that same
  // digest as its payload hash, instead of the SDK hashing every byte once more to sign it: the
  // server still checks the body against the signature before it keeps anything, and a digest that
  // did not match the body would fail that check.
  client.middlewareStack.add(
    (next) => async (args) => {
      const headers = (args.request as { headers?: Record<string, string> }).headers;
      const checksum = headers?.[sha256ChecksumHeader];
      if (headers && checksum && headers[payloadHashHeader] === undefined)
        headers[payloadHashHeader] = Buffer.from(checksum, "base64").toString("hex");
      return next(args);
    },
    { step: "build", name: "mlopsSignTheChecksum" },
  );
  return client;
}

const sha256ChecksumHeader = "x-amz-checksum-sha256";
const payloadHashHeader = "x-amz-content-sha256";

interface SdkError {
  name?: string;
  Code?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

/** The S3 error code of an SDK error (its name for modelled errors, `Code` otherwise). */
export function s3ErrorCode(err: unknown): string | undefined {
  const e = err as SdkError;
  return e?.Code ?? e?.name;
}

export function s3Status(err: unknown): number | undefined {
  return (err as SdkError)?.$metadata?.httpStatusCode;
}

export function isS3NotFound(err: unknown): boolean {
  const code = s3ErrorCode(err);
  return code === "NoSuchKey" || code === "NotFound" || (s3Status(err) === 404 && code !== "NoSuchBucket");
}

/**
 * One clear message for what a person can fix (credentials, the bucket, the endpoint), naming the
 * remote; anything else keeps the server's words. Secrets never appear: the SDK's messages name
 * the access key id at most.
 */
export function s3Failure(err: unknown, what: string, where: string, bucket: string): MlopsError {
  if (err instanceof MlopsError) return err;
  const code = s3ErrorCode(err);
  const status = s3Status(err);
  const detail = (err as SdkError)?.message ?? String(err);
  if (code === "CredentialsProviderError" || /Could not load credentials/i.test(detail)) {
    return new MlopsError("remote", `${where}: no AWS credentials were found while ${what}`, {
      cause: err,
      hint: "set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or use an OIDC role (aws-actions/configure-aws-credentials) in a workflow",
    });
  }
  if (
    code === "InvalidAccessKeyId" ||
    code === "SignatureDoesNotMatch" ||
    code === "InvalidToken" ||
    code === "ExpiredToken"
  ) {
    return new MlopsError("remote", `${where} refused the credentials (${code}) while ${what}`, {
      cause: err,
      hint: "check the access key and secret (or the role) the AWS SDK picks up: environment, AWS_PROFILE, or the web-identity token",
    });
  }
  if (code === "NoSuchBucket") {
    return new MlopsError("not-found", `${where}: the bucket '${bucket}' does not exist`, {
      cause: err,
      hint: "create it first, or fix the bucket name (and --endpoint / --region) with `mlops remote add NAME s3://BUCKET/PREFIX --force`",
    });
  }
  if (code === "AccessDenied" || code === "Forbidden" || status === 403) {
    return new MlopsError("refused", `${where} denied access while ${what} (${code ?? "403"})`, {
      cause: err,
      hint: "the identity needs s3:ListBucket on the bucket and s3:GetObject, s3:PutObject (and for gc s3:DeleteObject, s3:AbortMultipartUpload) on the prefix",
    });
  }
  if (
    code === "BadDigest" ||
    code === "XAmzContentChecksumMismatch" ||
    code === "XAmzContentSHA256Mismatch" ||
    code === "InvalidDigest"
  ) {
    return new MlopsError(
      "hash-mismatch",
      `${where} refused the bytes sent while ${what}: their checksum did not match (${code})`,
      {
        cause: err,
      },
    );
  }
  const reason = (err as SdkError)?.code ?? code;
  if (
    reason === "ECONNREFUSED" ||
    reason === "ENOTFOUND" ||
    reason === "ETIMEDOUT" ||
    reason === "ECONNRESET"
  ) {
    return new MlopsError("remote", `${where} could not be reached while ${what} (${reason})`, {
      cause: err,
      hint: "check --endpoint (and the network); the request was retried with backoff",
    });
  }
  if (code === "Region is missing" || /Region is missing/.test(detail)) {
    return new MlopsError("usage", `${where}: no AWS region is configured`, {
      cause: err,
      hint: "pass --region to `mlops remote add`, or set AWS_REGION",
    });
  }
  return new MlopsError(
    "remote",
    `${where}: ${what} failed: ${code ?? ""}${status ? ` (HTTP ${status})` : ""} ${detail}`
      .replace(/\s+/g, " ")
      .trim(),
    {
      cause: err,
    },
  );
}
