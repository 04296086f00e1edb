import { createHash, createHmac, randomUUID, timingSafeEqual } from "node:crypto";
// The package exports only its client; its generated Twirp message types (the wire contract) are
// reached by file path. They are the very codecs the client serialises with, so they define validity.
import {
  CreateArtifactRequest,
  CreateArtifactResponse,
  DeleteArtifactRequest,
  DeleteArtifactResponse,
  FinalizeArtifactRequest,
  FinalizeArtifactResponse,
  GetSignedArtifactURLRequest,
  GetSignedArtifactURLResponse,
  ListArtifactsRequest,
  ListArtifactsResponse,
  Timestamp,
} from "../../../node_modules/@actions/artifact/lib/generated/index.js";
import { readRuntimeToken } from "./runtime-token.js";
import { type Artifact, type GitHubState, githubTimestamp, type WorkflowRun } from "./state.js";

/**
 * The Actions results service as `@actions/artifact` v2+ talks to it: Twirp JSON RPCs under
 * `/twirp/github.actions.results.api.v1.ArtifactService/` (authorised by ACTIONS_RUNTIME_TOKEN), and
 * the Azure Blob storage the RPCs hand out signed URLs for, served under `/blob/`.
 */

export interface ResultsContext {
  state: GitHubState;
  baseUrl: string;
  secret: Buffer;
  violation(message: string): void;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
  operationId: string;
}

export const TWIRP_PREFIX = "/twirp/github.actions.results.api.v1.ArtifactService/";
export const BLOB_PREFIX = "/blob/";

/** Structural view of a protobuf-ts MessageType, enough to validate and build JSON messages. */
interface MessageCodec<T extends object> {
  readonly typeName: string;
  readonly fields: readonly { localName: string }[];
  create(value?: Partial<T>): T;
  fromJson(json: unknown, options?: { ignoreUnknownFields?: boolean }): T;
  toJson(message: T, options?: { useProtoFieldName?: boolean }): unknown;
}

const TWIRP_STATUS: Record<string, number> = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  failed_precondition: 412,
  internal: 500,
};

class TwirpFailure {
  constructor(
    readonly code: keyof typeof TWIRP_STATUS,
    readonly msg: string,
  ) {}
}

function twirpResponse(operationId: string, failure: TwirpFailure): RawResponse {
  return {
    status: TWIRP_STATUS[failure.code] ?? 500,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code: failure.code, msg: failure.msg }),
    operationId,
  };
}

interface TwirpCall<Req> {
  request: Req;
  run: WorkflowRun;
  ctx: ResultsContext;
}

interface TwirpMethod {
  /** Fields the service rejects when empty (proto3 cannot mark them required). */
  required: string[];
  handle(
    json: unknown,
    claims: { runBackendId: string },
    ctx: ResultsContext,
    operationId: string,
  ): RawResponse;
}

function twirpMethod<Req extends { workflowRunBackendId: string }, Res extends object>(
  requestType: MessageCodec<Req>,
  responseType: MessageCodec<Res>,
  required: (keyof Req & string)[],
  respond: (call: TwirpCall<Req>) => Partial<Res> | TwirpFailure,
): TwirpMethod {
  return {
    required,
    handle(json, claims, ctx, operationId) {
      let request: Req;
      try {
        request = requestType.fromJson(json, { ignoreUnknownFields: false });
      } catch (error) {
        const message = `${operationId}: request does not decode as ${requestType.typeName}: ${(error as Error).message}`;
        ctx.violation(message);
        return twirpResponse(operationId, new TwirpFailure("malformed", message));
      }
      const empty = required.filter((field) => request[field] === "" || request[field] === undefined);
      if (empty.length > 0) {
        const message = `${operationId}: request leaves required fields empty: ${empty.join(", ")}`;
        ctx.violation(message);
        return twirpResponse(operationId, new TwirpFailure("invalid_argument", message));
      }
      // The service scopes every call to the run in the token; the job may differ (downloads name
      // the job that uploaded).
      if (request.workflowRunBackendId !== claims.runBackendId) {
        return twirpResponse(
          operationId,
          new TwirpFailure(
            "permission_denied",
            "workflow_run_backend_id is not the run the runtime token is for",
          ),
        );
      }
      const run = ctx.state.runByBackendId(request.workflowRunBackendId);
      if (!run) {
        return twirpResponse(
          operationId,
          new TwirpFailure(
            "not_found",
            `no workflow run with backend id ${request.workflowRunBackendId}; seed it with addWorkflowRun`,
          ),
        );
      }
      const outcome = respond({ request, run, ctx });
      if (outcome instanceof TwirpFailure) return twirpResponse(operationId, outcome);
      // create() silently drops unknown keys, so a misspelt field would vanish: check them first.
      const known = new Set(responseType.fields.map((field) => field.localName));
      const unknown = Object.keys(outcome).filter((key) => !known.has(key));
      let body: unknown;
      let problem =
        unknown.length > 0 ? `unknown ${responseType.typeName} fields: ${unknown.join(", ")}` : "";
      if (!problem) {
        try {
          body = responseType.toJson(responseType.create(outcome), { useProtoFieldName: true });
          responseType.fromJson(body, { ignoreUnknownFields: false });
        } catch (error) {
          problem = `${responseType.typeName} does not round-trip: ${(error as Error).message}`;
        }
      }
      if (problem) {
        const message = `${operationId}: response violates the contract: ${problem}`;
        ctx.violation(message);
        return twirpResponse(operationId, new TwirpFailure("internal", message));
      }
      return {
        status: 200,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        operationId,
      };
    },
  };
}

function blobFileName(artifact: Artifact): string {
  return artifact.mimeType === "application/zip" ? `${artifact.name}.zip` : artifact.name;
}

function blobSignature(secret: Buffer, artifactId: number, permission: string, expiry: string): string {
  return createHmac("sha256", secret).update(`${permission}\n${artifactId}\n${expiry}`).digest("base64");
}

/** A SAS-style URL the way the results service hands them out; `permission` is "cw" or "r". */
export function signedBlobUrl(ctx: ResultsContext, artifact: Artifact, permission: "cw" | "r"): string {
  const expiry = githubTimestamp(new Date(Date.now() + 10 * 60_000));
  const query = new URLSearchParams({
    sv: "2025-05-05",
    se: expiry,
    sr: "b",
    sp: permission,
    sig: blobSignature(ctx.secret, artifact.id, permission, expiry),
  });
  return `${ctx.baseUrl}${BLOB_PREFIX}actions-results/${artifact.id}/${encodeURIComponent(blobFileName(artifact))}?${query}`;
}

function pendingOrFinal(
  state: GitHubState,
  run: WorkflowRun,
  name: string,
  finalized: boolean,
): Artifact | undefined {
  return [...state.artifacts.values()].find(
    (artifact) => artifact.run === run && artifact.name === name && artifact.finalized === finalized,
  );
}

const DEFAULT_RETENTION_MS = 90 * 24 * 3600 * 1000;

const TWIRP_METHODS: Record<string, TwirpMethod> = {
  CreateArtifact: twirpMethod(
    CreateArtifactRequest,
    CreateArtifactResponse,
    ["workflowRunBackendId", "workflowJobRunBackendId", "name"],
    ({ request, run, ctx }) => {
      if ([...ctx.state.artifacts.values()].some((a) => a.run === run && a.name === request.name)) {
        return new TwirpFailure(
          "already_exists",
          `an artifact named ${request.name} already exists on the run`,
        );
      }
      const now = new Date();
      const expires = request.expiresAt
        ? Timestamp.toDate(request.expiresAt)
        : new Date(now.getTime() + DEFAULT_RETENTION_MS);
      const artifact: Artifact = {
        id: ctx.state.newId(),
        run,
        jobBackendId: request.workflowJobRunBackendId,
        name: request.name,
        mimeType: request.mimeType?.value || "application/zip",
        finalized: false,
        size: 0,
        digest: null,
        stagedBlocks: new Map(),
        content: null,
        blobContentType: null,
        createdAt: githubTimestamp(now),
        updatedAt: githubTimestamp(now),
        expiresAt: githubTimestamp(expires),
      };
      ctx.state.artifacts.set(artifact.id, artifact);
      return { ok: true, signedUploadUrl: signedBlobUrl(ctx, artifact, "cw") };
    },
  ),
  FinalizeArtifact: twirpMethod(
    FinalizeArtifactRequest,
    FinalizeArtifactResponse,
    ["workflowRunBackendId", "workflowJobRunBackendId", "name"],
    ({ request, run, ctx }) => {
      const artifact = pendingOrFinal(ctx.state, run, request.name, false);
      if (!artifact)
        return new TwirpFailure("not_found", `no artifact named ${request.name} awaits finalizing`);
      if (!artifact.content) {
        return new TwirpFailure("failed_precondition", `no blob was committed for artifact ${request.name}`);
      }
      const operation = "ArtifactService.FinalizeArtifact";
      if (Number(request.size) !== artifact.content.length) {
        ctx.violation(
          `${operation}: size ${request.size} differs from the ${artifact.content.length} bytes committed to the blob`,
        );
        return new TwirpFailure("invalid_argument", "size does not match the uploaded blob");
      }
      const digest = `sha256:${createHash("sha256").update(artifact.content).digest("hex")}`;
      if (request.hash && request.hash.value !== digest) {
        ctx.violation(`${operation}: hash ${request.hash.value} differs from the uploaded blob's ${digest}`);
        return new TwirpFailure("invalid_argument", "hash does not match the uploaded blob");
      }
      artifact.finalized = true;
      artifact.size = artifact.content.length;
      artifact.digest = request.hash ? digest : null;
      artifact.updatedAt = githubTimestamp();
      return { ok: true, artifactId: String(artifact.id) };
    },
  ),
  ListArtifacts: twirpMethod(
    ListArtifactsRequest,
    ListArtifactsResponse,
    ["workflowRunBackendId", "workflowJobRunBackendId"],
    ({ request, run, ctx }) => ({
      artifacts: ctx.state
        .runArtifacts(run)
        .filter((artifact) => !request.nameFilter || artifact.name === request.nameFilter.value)
        .filter((artifact) => !request.idFilter || String(artifact.id) === request.idFilter.value)
        .map((artifact) => ({
          workflowRunBackendId: run.backendId,
          workflowJobRunBackendId: artifact.jobBackendId,
          databaseId: String(artifact.id),
          name: artifact.name,
          size: String(artifact.size),
          createdAt: Timestamp.fromDate(new Date(artifact.createdAt)),
          ...(artifact.digest ? { digest: { value: artifact.digest } } : {}),
        })),
    }),
  ),
  GetSignedArtifactURL: twirpMethod(
    GetSignedArtifactURLRequest,
    GetSignedArtifactURLResponse,
    ["workflowRunBackendId", "workflowJobRunBackendId", "name"],
    ({ request, run, ctx }) => {
      const artifact = pendingOrFinal(ctx.state, run, request.name, true);
      if (!artifact) return new TwirpFailure("not_found", `no artifact named ${request.name} on the run`);
      return { signedUrl: signedBlobUrl(ctx, artifact, "r") };
    },
  ),
  DeleteArtifact: twirpMethod(
    DeleteArtifactRequest,
    DeleteArtifactResponse,
    ["workflowRunBackendId", "workflowJobRunBackendId", "name"],
    ({ request, run, ctx }) => {
      const artifact = pendingOrFinal(ctx.state, run, request.name, true);
      if (!artifact) return new TwirpFailure("not_found", `no artifact named ${request.name} on the run`);
      ctx.state.artifacts.delete(artifact.id);
      return { ok: true, artifactId: String(artifact.id) };
    },
  ),
};

export function handleTwirp(
  ctx: ResultsContext,
  httpMethod: string,
  pathname: string,
  headers: Record<string, string | string[] | undefined>,
  body: Buffer,
): RawResponse {
  const rpc = pathname.slice(TWIRP_PREFIX.length);
  const operationId = `ArtifactService.${rpc}`;
  const method = TWIRP_METHODS[rpc];
  if (!method || httpMethod !== "POST") {
    const message = `${httpMethod} ${pathname}: not an ArtifactService RPC the double serves`;
    ctx.violation(message);
    return twirpResponse(operationId, new TwirpFailure("bad_route", message));
  }
  const contentType = String(headers["content-type"] ?? "");
  if (!contentType.startsWith("application/json")) {
    const message = `${operationId}: Content-Type "${contentType}" is not application/json`;
    ctx.violation(message);
    return twirpResponse(operationId, new TwirpFailure("malformed", message));
  }
  const claims = readRuntimeToken(
    ctx.secret,
    typeof headers.authorization === "string" ? headers.authorization : "",
  );
  if ("error" in claims) return twirpResponse(operationId, new TwirpFailure("unauthenticated", claims.error));
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch (error) {
    const message = `${operationId}: request body is not JSON: ${(error as Error).message}`;
    ctx.violation(message);
    return twirpResponse(operationId, new TwirpFailure("malformed", message));
  }
  return method.handle(json, claims, ctx, operationId);
}

function blobError(status: number, code: string, message: string, operationId: string): RawResponse {
  return {
    status,
    headers: { "content-type": "application/xml", "x-ms-error-code": code, "x-ms-request-id": randomUUID() },
    body: `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
    operationId,
  };
}

function blobOperation(method: string, query: URLSearchParams): string {
  const comp = query.get("comp");
  if (method === "PUT" && comp === "block") return "blob.PutBlock";
  if (method === "PUT" && comp === "blocklist") return "blob.PutBlockList";
  if (method === "PUT" && comp === null) return "blob.PutBlob";
  if ((method === "GET" || method === "HEAD") && comp === null) return "blob.GetBlob";
  return `blob.${method}${comp ? `?comp=${comp}` : ""}`;
}

function signatureMatches(ctx: ResultsContext, artifactId: number, query: URLSearchParams): boolean {
  const permission = query.get("sp") ?? "";
  const expiry = query.get("se") ?? "";
  const expected = Buffer.from(blobSignature(ctx.secret, artifactId, permission, expiry));
  const given = Buffer.from(query.get("sig") ?? "");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Azure Blob storage for artifact content, as far as BlockBlobClient.uploadStream and a GET use it. */
export function handleBlob(
  ctx: ResultsContext,
  method: string,
  url: URL,
  headers: Record<string, string | string[] | undefined>,
  body: Buffer,
): RawResponse {
  const operationId = blobOperation(method, url.searchParams);
  const match = /^\/blob\/actions-results\/(\d+)\/[^/]+$/.exec(url.pathname);
  const artifact = match ? ctx.state.artifacts.get(Number(match[1])) : undefined;
  if (!match || !artifact)
    return blobError(404, "BlobNotFound", "The specified blob does not exist.", operationId);
  if (!signatureMatches(ctx, artifact.id, url.searchParams)) {
    ctx.violation(`${operationId} ${url.pathname}: the signed URL was altered (signature mismatch)`);
    return blobError(403, "AuthenticationFailed", "Signature did not match.", operationId);
  }
  if (Date.parse(url.searchParams.get("se") ?? "") < Date.now()) {
    return blobError(403, "AuthenticationFailed", "Signed expiry time has passed.", operationId);
  }
  const permission = url.searchParams.get("sp") ?? "";
  const common = { "x-ms-request-id": randomUUID(), "x-ms-version": "2025-05-05" };
  const etag = () =>
    `"0x${createHash("md5")
      .update(artifact.content ?? "")
      .digest("hex")
      .slice(0, 15)
      .toUpperCase()}"`;

  if (method === "GET" || method === "HEAD") {
    if (!permission.includes("r")) {
      return blobError(
        403,
        "AuthorizationPermissionMismatch",
        "This request is not authorized.",
        operationId,
      );
    }
    if (!artifact.content || !artifact.finalized) {
      return blobError(404, "BlobNotFound", "The specified blob does not exist.", operationId);
    }
    const fileName = blobFileName(artifact);
    return {
      status: 200,
      headers: {
        ...common,
        "content-type": artifact.blobContentType ?? artifact.mimeType,
        "content-length": String(artifact.content.length),
        "content-disposition": `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "x-ms-blob-type": "BlockBlob",
        "accept-ranges": "bytes",
        etag: etag(),
        "last-modified": new Date(artifact.updatedAt).toUTCString(),
      },
      body: method === "HEAD" ? "" : artifact.content,
      operationId,
    };
  }

  if (method !== "PUT") {
    ctx.violation(`${method} ${url.pathname}: not a blob operation the artifact client makes`);
    return blobError(
      405,
      "UnsupportedHttpVerb",
      "The resource doesn't support the specified HTTP verb.",
      operationId,
    );
  }
  if (!permission.includes("w")) {
    return blobError(403, "AuthorizationPermissionMismatch", "This request is not authorized.", operationId);
  }
  if (artifact.finalized) {
    ctx.violation(`${operationId} ${url.pathname}: upload after the artifact was finalized`);
    return blobError(409, "BlobImmutable", "The artifact is already finalized.", operationId);
  }
  if (!headers["x-ms-version"]) ctx.violation(`${operationId} ${url.pathname}: request lacks x-ms-version`);
  if (headers["x-ms-structured-body"]) {
    ctx.violation(`${operationId}: structured (CRC64) message encoding is not supported by the double`);
    return blobError(400, "UnsupportedHeader", "x-ms-structured-body is not supported.", operationId);
  }
  const declaredLength = Number(headers["content-length"] ?? Number.NaN);
  if (declaredLength !== body.length) {
    ctx.violation(
      `${operationId}: Content-Length ${String(headers["content-length"])} but ${body.length} bytes arrived`,
    );
    return blobError(400, "InvalidHeaderValue", "Content-Length does not match the body.", operationId);
  }
  const committed = (content: Buffer): RawResponse => {
    artifact.content = content;
    artifact.stagedBlocks.clear();
    const declaredType = headers["x-ms-blob-content-type"] ?? headers["content-type"];
    artifact.blobContentType = typeof declaredType === "string" ? declaredType : null;
    return {
      status: 201,
      headers: {
        ...common,
        etag: etag(),
        "last-modified": new Date().toUTCString(),
        "x-ms-request-server-encrypted": "true",
      },
      body: "",
      operationId,
    };
  };

  switch (operationId) {
    case "blob.PutBlock": {
      const blockId = url.searchParams.get("blockid") ?? "";
      const decoded = Buffer.from(blockId, "base64");
      if (!blockId || decoded.length === 0 || decoded.length > 64 || decoded.toString("base64") !== blockId) {
        ctx.violation(`${operationId}: blockid "${blockId}" is not base64 of at most 64 bytes`);
        return blobError(400, "InvalidQueryParameterValue", "Value for blockid is invalid.", operationId);
      }
      const otherLength = [...artifact.stagedBlocks.keys()][0]?.length;
      if (otherLength !== undefined && otherLength !== blockId.length) {
        ctx.violation(`${operationId}: block ids of one blob must all have the same length`);
        return blobError(400, "InvalidBlobOrBlock", "Block ids differ in length.", operationId);
      }
      artifact.stagedBlocks.set(blockId, body);
      return {
        status: 201,
        headers: { ...common, "x-ms-request-server-encrypted": "true" },
        body: "",
        operationId,
      };
    }
    case "blob.PutBlockList": {
      const xml = body.toString("utf8");
      if (!/<BlockList>[\s\S]*<\/BlockList>/.test(xml)) {
        ctx.violation(`${operationId}: body is not a <BlockList> document`);
        return blobError(400, "InvalidXmlDocument", "XML specified is not syntactically valid.", operationId);
      }
      const ids = [...xml.matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map((m) => m[2] ?? "");
      const missing = ids.filter((id) => !artifact.stagedBlocks.has(id));
      if (missing.length > 0) {
        ctx.violation(`${operationId}: block list names blocks never staged: ${missing.join(", ")}`);
        return blobError(400, "InvalidBlockList", "The specified block list is invalid.", operationId);
      }
      return committed(Buffer.concat(ids.map((id) => artifact.stagedBlocks.get(id) ?? Buffer.alloc(0))));
    }
    case "blob.PutBlob": {
      if (headers["x-ms-blob-type"] !== "BlockBlob") {
        ctx.violation(`${operationId}: x-ms-blob-type must be BlockBlob`);
        return blobError(400, "MissingRequiredHeader", "x-ms-blob-type is required.", operationId);
      }
      return committed(body);
    }
    default:
      ctx.violation(`${operationId} ${url.pathname}: not a blob operation the artifact client makes`);
      return blobError(400, "UnsupportedQueryParameter", "Unsupported blob operation.", operationId);
  }
}
