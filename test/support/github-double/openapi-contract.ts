import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

/**
 * GitHub's REST contract, taken from the official OpenAPI description that `@octokit/openapi` ships.
 * The dereferenced description is 73 MB; only the operations the double serves are kept, converted
 * from OpenAPI 3.0 schemas to JSON Schema once, and cached in the OS temp dir keyed by package version
 * so later test files (and later runs) skip the big parse.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface ContractParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: JsonObject;
}

export interface ContractResponse {
  /** JSON Schema of the `application/json` body; absent when the status documents no body. */
  schema?: JsonObject;
  contentTypes: string[];
}

export interface ContractOperation {
  operationId: string;
  method: string;
  path: string;
  documentationUrl: string;
  parameters: ContractParameter[];
  requestBody?: { required: boolean; schema?: JsonObject; contentTypes: string[] };
  responses: Record<string, ContractResponse>;
}

interface ContractRoute {
  method: string;
  path: string;
  operationId: string;
}

interface ContractFile {
  operations: ContractOperation[];
  /** Every route in GitHub's API, so a request the double lacks can be told apart from a made-up one. */
  allRoutes: ContractRoute[];
}

export type RouteMatch =
  | { kind: "served"; operation: ContractOperation; pathParams: Record<string, string> }
  | { kind: "not-served"; route: ContractRoute }
  | { kind: "unknown" };

/** Bump when the conversion below changes, so stale caches are not reused. */
const CONVERSION_VERSION = 3;

const requireFromHere = createRequire(import.meta.url);

function openapiPackageDir(): string {
  return dirname(requireFromHere.resolve("@octokit/openapi/package.json"));
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const SCHEMA_MAP_KEYWORDS = new Set(["properties", "patternProperties"]);
const SCHEMA_KEYWORDS = new Set(["items", "additionalProperties", "not"]);
const SCHEMA_LIST_KEYWORDS = new Set(["allOf", "anyOf", "oneOf"]);
// Annotations Ajv does not need; dropping them also keeps the cache file small.
const DROPPED_KEYWORDS = new Set([
  "example",
  "examples",
  "discriminator",
  "xml",
  "externalDocs",
  "description",
  "title",
  "deprecated",
  "readOnly",
  "writeOnly",
]);

/** OpenAPI 3.0 schema → JSON Schema (draft-07) as Ajv reads it: `nullable` becomes a type union. */
export function toJsonSchema(schema: Json): JsonObject {
  if (!isObject(schema)) return {};
  const converted: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith("x-") || DROPPED_KEYWORDS.has(key) || key === "nullable") continue;
    if (SCHEMA_MAP_KEYWORDS.has(key) && isObject(value)) {
      const mapped: JsonObject = {};
      for (const [name, sub] of Object.entries(value)) mapped[name] = toJsonSchema(sub);
      converted[key] = mapped;
    } else if (SCHEMA_KEYWORDS.has(key) && isObject(value)) {
      converted[key] = toJsonSchema(value);
    } else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
      converted[key] = value.map((sub) => toJsonSchema(sub));
    } else {
      converted[key] = value;
    }
  }
  // OpenAPI 3.0 writes exclusive bounds as booleans next to minimum/maximum.
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof converted[flag] === "boolean") {
      if (converted[flag] === true && typeof converted[bound] === "number") {
        converted[flag] = converted[bound];
        delete converted[bound];
      } else {
        delete converted[flag];
      }
    }
  }
  if (schema.nullable !== true) return converted;
  if (typeof converted.type === "string") {
    converted.type = [converted.type, "null"];
    if (Array.isArray(converted.enum) && !converted.enum.includes(null)) converted.enum.push(null);
    return converted;
  }
  return { anyOf: [converted, { type: "null" }] };
}

function isJsonContentType(type: string): boolean {
  return type === "application/json" || type.endsWith("+json");
}

function jsonContentType(content: JsonObject): string | undefined {
  return Object.keys(content).find(isJsonContentType);
}

/**
 * Whether the operation takes its body as raw bytes rather than JSON (uploading a release asset).
 * Its description names `application/octet-stream`, but GitHub's docs ask for the asset's own media
 * type in Content-Type and store it, so any media type is accepted for such a body.
 */
export function takesRawBody(operation: ContractOperation): boolean {
  const declared = operation.requestBody;
  return (
    declared !== undefined &&
    declared.contentTypes.length > 0 &&
    !declared.contentTypes.some(isJsonContentType)
  );
}

function extractOperation(method: string, path: string, operation: JsonObject): ContractOperation {
  const parameters: ContractParameter[] = [];
  for (const parameter of Array.isArray(operation.parameters) ? operation.parameters : []) {
    if (!isObject(parameter)) continue;
    if (parameter.in !== "path" && parameter.in !== "query") continue;
    parameters.push({
      name: String(parameter.name),
      in: parameter.in,
      required: parameter.required === true,
      schema: toJsonSchema(parameter.schema ?? {}),
    });
  }
  const responses: Record<string, ContractResponse> = {};
  for (const [status, response] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
    const content = isObject(response) && isObject(response.content) ? response.content : {};
    const jsonType = jsonContentType(content);
    const media = jsonType ? content[jsonType] : undefined;
    responses[status] = {
      contentTypes: Object.keys(content),
      ...(isObject(media) && media.schema !== undefined ? { schema: toJsonSchema(media.schema) } : {}),
    };
  }
  const extracted: ContractOperation = {
    operationId: String(operation.operationId),
    method: method.toUpperCase(),
    path,
    documentationUrl:
      isObject(operation.externalDocs) && typeof operation.externalDocs.url === "string"
        ? operation.externalDocs.url
        : "https://docs.github.com/rest",
    parameters,
    responses,
  };
  if (isObject(operation.requestBody)) {
    const content = isObject(operation.requestBody.content) ? operation.requestBody.content : {};
    const jsonType = jsonContentType(content);
    const media = jsonType ? content[jsonType] : undefined;
    extracted.requestBody = {
      required: operation.requestBody.required === true,
      contentTypes: Object.keys(content),
      ...(isObject(media) && media.schema !== undefined ? { schema: toJsonSchema(media.schema) } : {}),
    };
  }
  return extracted;
}

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options"]);

function extractContract(operationIds: readonly string[]): ContractFile {
  const description = JSON.parse(
    readFileSync(join(openapiPackageDir(), "generated", "api.github.com.deref.json"), "utf8"),
  ) as JsonObject;
  const wanted = new Set(operationIds);
  const operations: ContractOperation[] = [];
  const allRoutes: ContractRoute[] = [];
  for (const [path, item] of Object.entries(isObject(description.paths) ? description.paths : {})) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method) || !isObject(operation)) continue;
      const operationId = String(operation.operationId);
      allRoutes.push({ method: method.toUpperCase(), path, operationId });
      if (wanted.has(operationId)) operations.push(extractOperation(method, path, operation));
    }
  }
  const missing = operationIds.filter((id) => !operations.some((op) => op.operationId === id));
  if (missing.length > 0)
    throw new Error(`GitHub's OpenAPI description lacks operations: ${missing.join(", ")}`);
  return { operations, allRoutes };
}

function loadContractFile(operationIds: readonly string[]): ContractFile {
  const version = (
    JSON.parse(readFileSync(join(openapiPackageDir(), "package.json"), "utf8")) as { version: string }
  ).version;
  const key = createHash("sha256")
    .update(JSON.stringify([CONVERSION_VERSION, [...operationIds].sort()]))
    .digest("hex")
    .slice(0, 16);
  const cachePath = join(tmpdir(), `github-double-openapi-${version}-${key}.json`);
  if (existsSync(cachePath)) {
    try {
      return JSON.parse(readFileSync(cachePath, "utf8")) as ContractFile;
    } catch {
      // A torn or foreign file: rebuild it below.
    }
  }
  const contract = extractContract(operationIds);
  // Write-then-rename so a parallel test worker never reads a half-written cache.
  const partial = `${cachePath}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(partial, JSON.stringify(contract));
  renameSync(partial, cachePath);
  return contract;
}

function templateRegex(path: string): { regex: RegExp; names: string[]; literalSegments: number } {
  const names: string[] = [];
  const pattern = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{([^}]+)\}/g, (_m, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  const literalSegments = path.split("/").filter((segment) => segment && !segment.startsWith("{")).length;
  return { regex: new RegExp(`^${pattern}$`), names, literalSegments };
}

function describeErrors(errors: ErrorObject[] | null | undefined, root: string): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((error) => {
      const where = `${root}${error.instancePath}`;
      const extra =
        "additionalProperty" in error.params
          ? ` (${String(error.params.additionalProperty)})`
          : "allowedValues" in error.params
            ? ` (${JSON.stringify(error.params.allowedValues)})`
            : "";
      return `${where} ${error.message ?? "is invalid"}${extra}`;
    })
    .join("; ");
}

/** Query strings carry text; turn each value into what the parameter's schema describes. */
function coerceParameter(values: string[], schema: JsonObject): Json {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  const scalar = (raw: string, scalarType: Json | undefined): Json => {
    if ((scalarType === "integer" || scalarType === "number") && /^-?\d+(\.\d+)?$/.test(raw))
      return Number(raw);
    if (scalarType === "boolean" && (raw === "true" || raw === "false")) return raw === "true";
    return raw;
  };
  if (type === "array") {
    const itemType = isObject(schema.items) ? schema.items.type : undefined;
    const items = values.length === 1 ? (values[0] ?? "").split(",") : values;
    return items.map((item) => scalar(item, itemType));
  }
  return scalar(values[values.length - 1] ?? "", type);
}

const UNIVERSAL_ERROR_STATUSES = new Set([401, 403, 404]);

/**
 * Statuses the description lists without a body, where GitHub does send its error body. Uploading an
 * asset whose name is taken answers 422 `Validation Failed` with `errors: [{ resource: "ReleaseAsset",
 * code: "already_exists", field: "name" }]`, the error release tools match on.
 */
const UNDESCRIBED_ERROR_BODIES = new Set(["repos/upload-release-asset 422"]);

/**
 * Where api.github.com answers more loosely than its own description says. Each entry is backed by
 * real payloads (the official webhook examples), and widens exactly the named response properties.
 */
const DESCRIPTION_GAPS: {
  operationId: string;
  status: string;
  properties: string[];
  alsoAllow: JsonObject;
}[] = [
  // Unset URLs come back as "" (deployment_status webhook examples), though described as format "uri".
  {
    operationId: "repos/create-deployment-status",
    status: "201",
    properties: ["target_url", "log_url", "environment_url"],
    alsoAllow: { const: "" },
  },
  {
    operationId: "repos/list-deployment-statuses",
    status: "200",
    properties: ["target_url", "log_url", "environment_url"],
    alsoAllow: { const: "" },
  },
];

function widenForGaps(operations: ContractOperation[]): void {
  for (const gap of DESCRIPTION_GAPS) {
    const response = operations.find((op) => op.operationId === gap.operationId)?.responses[gap.status]
      ?.schema;
    // A list response widens the properties of its items.
    const schema = response?.type === "array" && isObject(response.items) ? response.items : response;
    const properties = schema && isObject(schema.properties) ? schema.properties : undefined;
    for (const name of gap.properties) {
      const described = properties?.[name];
      if (properties && described !== undefined) properties[name] = { anyOf: [described, gap.alsoAllow] };
    }
  }
}

function isBasicError(body: unknown): boolean {
  return isObject(body) && typeof body.message === "string" && typeof body.documentation_url === "string";
}

export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly validators = new Map<JsonObject, ValidateFunction>();
  private readonly served: { operation: ContractOperation; regex: RegExp; names: string[]; score: number }[];
  private readonly allRoutes: ContractRoute[];
  private allRouteMatchers?: { route: ContractRoute; regex: RegExp }[];

  constructor(contract: ContractFile) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormatsModule.default(this.ajv);
    // GitHub uses formats JSON Schema does not define (e.g. "repo.nwo"); they only annotate.
    const formats = new Set<string>();
    const collectFormats = (node: Json): void => {
      if (Array.isArray(node)) for (const item of node) collectFormats(item);
      else if (isObject(node)) {
        if (typeof node.format === "string") formats.add(node.format);
        for (const value of Object.values(node)) collectFormats(value);
      }
    };
    collectFormats(contract.operations as unknown as Json);
    for (const format of formats) if (!this.ajv.formats[format]) this.ajv.addFormat(format, true);

    widenForGaps(contract.operations);
    this.served = contract.operations.map((operation) => {
      const { regex, names, literalSegments } = templateRegex(operation.path);
      return { operation, regex, names, score: literalSegments };
    });
    this.served.sort((a, b) => b.score - a.score);
    this.allRoutes = contract.allRoutes;
  }

  operation(operationId: string): ContractOperation {
    const found = this.served.find((entry) => entry.operation.operationId === operationId);
    if (!found) throw new Error(`the double has no contract for ${operationId}`);
    return found.operation;
  }

  match(method: string, pathname: string): RouteMatch {
    for (const entry of this.served) {
      if (entry.operation.method !== method) continue;
      const found = entry.regex.exec(pathname);
      if (!found) continue;
      const pathParams: Record<string, string> = {};
      entry.names.forEach((name, index) => {
        pathParams[name] = decodeURIComponent(found[index + 1] ?? "");
      });
      return { kind: "served", operation: entry.operation, pathParams };
    }
    this.allRouteMatchers ??= this.allRoutes.map((route) => ({
      route,
      regex: templateRegex(route.path).regex,
    }));
    const known = this.allRouteMatchers.find(
      (candidate) => candidate.route.method === method && candidate.regex.test(pathname),
    );
    return known ? { kind: "not-served", route: known.route } : { kind: "unknown" };
  }

  /** Problems with a request, each phrased for a test failure message; empty when it honours the contract. */
  checkRequest(
    operation: ContractOperation,
    pathParams: Record<string, string>,
    query: URLSearchParams,
    body:
      | { present: false }
      | { present: true; contentType: string; value: unknown; parseError?: string }
      | { present: true; contentType: string; raw: Buffer },
  ): string[] {
    const problems: string[] = [];
    for (const parameter of operation.parameters) {
      let value: Json | undefined;
      if (parameter.in === "path") {
        const raw = pathParams[parameter.name];
        value = raw === undefined ? undefined : coerceParameter([raw], parameter.schema);
      } else {
        const raw = query.getAll(parameter.name);
        value = raw.length === 0 ? undefined : coerceParameter(raw, parameter.schema);
      }
      if (value === undefined) {
        if (parameter.required) problems.push(`${parameter.in} parameter "${parameter.name}" is required`);
        continue;
      }
      const validate = this.validator(parameter.schema);
      if (!validate(value)) {
        problems.push(
          `${parameter.in} parameter "${parameter.name}"=${JSON.stringify(value)}: ${describeErrors(validate.errors, parameter.name)}`,
        );
      }
    }
    const declaredQuery = new Set(operation.parameters.filter((p) => p.in === "query").map((p) => p.name));
    for (const name of new Set(query.keys())) {
      if (!declaredQuery.has(name))
        problems.push(`query parameter "${name}" is not documented for this operation`);
    }
    const declaredBody = operation.requestBody;
    if (!body.present) {
      if (declaredBody?.required) problems.push("request body is required");
    } else if ("raw" in body) {
      if (!takesRawBody(operation)) problems.push("raw bytes sent, but the operation takes JSON");
      else if (!body.contentType) problems.push("request Content-Type is required for raw data");
    } else if (!declaredBody) {
      problems.push("request body sent, but the operation takes none");
    } else if (body.parseError !== undefined) {
      problems.push(`request body is not valid JSON: ${body.parseError}`);
    } else if (declaredBody.schema) {
      if (!body.contentType.startsWith("application/json")) {
        problems.push(`request Content-Type "${body.contentType}" is not application/json`);
      }
      const validate = this.validator(declaredBody.schema);
      if (!validate(body.value)) problems.push(`request body: ${describeErrors(validate.errors, "body")}`);
    }
    return problems;
  }

  /** Problems with a response the double is about to send; empty when it honours the contract. */
  checkResponse(operation: ContractOperation, status: number, body: unknown, hasBody: boolean): string[] {
    const documented = operation.responses[String(status)];
    if (!documented) {
      // Any endpoint can answer these (bad token, no permission, no such resource) whether or not
      // the description lists them, as GitHub's REST docs state.
      if (UNIVERSAL_ERROR_STATUSES.has(status) && isBasicError(body)) return [];
      return [
        `response status ${status} is not documented (documented: ${Object.keys(operation.responses).join(", ")})`,
      ];
    }
    if (!documented.schema) {
      if (UNDESCRIBED_ERROR_BODIES.has(`${operation.operationId} ${status}`) && isBasicError(body)) return [];
      return hasBody ? [`response status ${status} documents no body, but one was sent`] : [];
    }
    const validate = this.validator(documented.schema);
    return validate(body) ? [] : [`response body (${status}): ${describeErrors(validate.errors, "body")}`];
  }

  private validator(schema: JsonObject): ValidateFunction {
    let validate = this.validators.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(schema, validate);
    }
    return validate;
  }
}

const contracts = new Map<string, OpenApiContract>();

/** One contract per process and operation set: compiled validators are reused across doubles. */
export function loadOpenApiContract(operationIds: readonly string[]): OpenApiContract {
  const key = [...operationIds].sort().join(",");
  let contract = contracts.get(key);
  if (!contract) {
    contract = new OpenApiContract(loadContractFile(operationIds));
    contracts.set(key, contract);
  }
  return contract;
}
