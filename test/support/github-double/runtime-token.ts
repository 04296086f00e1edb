import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * ACTIONS_RUNTIME_TOKEN as the runner hands it to a job: a JWT whose `scp` claim is a space-separated
 * scope list. `@actions/artifact` only base64url-decodes the payload (jwt-decode, no verification) and
 * reads the scope `Actions.Results:<workflowRunBackendId>:<workflowJobRunBackendId>`. The double signs
 * with HS256 under its own secret so it can tell its tokens from forged or foreign ones.
 */

export interface RuntimeTokenClaims {
  runBackendId: string;
  jobBackendId: string;
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

function signature(secret: Buffer, signingInput: string): string {
  return createHmac("sha256", secret).update(signingInput).digest("base64url");
}

export function mintRuntimeToken(secret: Buffer, runBackendId: string, jobBackendId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ typ: "JWT", alg: "HS256" }));
  const payload = base64url(
    JSON.stringify({
      nameid: "dddddddd-dddd-dddd-dddd-dddddddddddd",
      scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`,
      iss: "vstoken.actions.githubusercontent.com",
      aud: "vstoken.actions.githubusercontent.com",
      nbf: now - 60,
      exp: now + 6 * 3600,
    }),
  );
  return `${header}.${payload}.${signature(secret, `${header}.${payload}`)}`;
}

/** The run and job a bearer token speaks for, or why it is not acceptable. */
export function readRuntimeToken(
  secret: Buffer,
  authorization: string | undefined,
): RuntimeTokenClaims | { error: string } {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match?.[1]) return { error: "missing Authorization: Bearer <ACTIONS_RUNTIME_TOKEN>" };
  const [header, payload, signed] = match[1].split(".");
  if (header === undefined || payload === undefined || signed === undefined) {
    return { error: "runtime token is not a JWT" };
  }
  const expected = Buffer.from(signature(secret, `${header}.${payload}`));
  const given = Buffer.from(signed);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { error: "runtime token was not issued by this double" };
  }
  let claims: { scp?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as typeof claims;
  } catch {
    return { error: "runtime token payload is not JSON" };
  }
  if (typeof claims.exp === "number" && claims.exp * 1000 < Date.now())
    return { error: "runtime token expired" };
  const scope = String(claims.scp ?? "")
    .split(" ")
    .map((entry) => entry.split(":"))
    .find((parts) => parts[0] === "Actions.Results");
  if (scope?.length !== 3 || !scope[1] || !scope[2]) {
    return { error: "runtime token has no Actions.Results:<run>:<job> scope" };
  }
  return { runBackendId: scope[1], jobBackendId: scope[2] };
}
