import { MlopsError } from "../errors/index.js";
import type { ObjectId } from "./object-id.js";
import type { Remote } from "./remote.js";

/** The environment variables the remotes read: a plain record, so tests pass their own. */
export type RemoteEnv = Readonly<Record<string, string | undefined>>;

/**
 * Events whose runs execute code nobody trusted has merged yet: every `pull_request*` event (forks
 * included) and the merge queue, whose temporary branch is PR code too. Their results are
 * recomputed by the push to `main` that follows, so nothing is lost by keeping them read-only.
 */
function isUntrustedEvent(event: string): boolean {
  return event.startsWith("pull_request") || event === "merge_group";
}

/**
 * Why writes to remotes are refused in this environment (worded to follow "read-only"), or
 * undefined when they are allowed.
 */
export function remoteWritesBlockedBy(env: RemoteEnv): string | undefined {
  const forced = env.MLOPS_REMOTE_READ_ONLY?.trim().toLowerCase();
  if (forced && !["0", "false", "no", "off"].includes(forced)) return "(MLOPS_REMOTE_READ_ONLY is set)";
  const event = env.GITHUB_EVENT_NAME?.trim();
  if (event && isUntrustedEvent(event)) return `in pull-request runs (GITHUB_EVENT_NAME=${event})`;
  return undefined;
}

export function remoteWritesAllowed(env: RemoteEnv): boolean {
  return remoteWritesBlockedBy(env) === undefined;
}

/** A remote whose reads pass through and whose every write throws, naming the remote and the reason. */
export class ReadOnlyRemote implements Remote {
  constructor(
    readonly inner: Remote,
    readonly reason: string,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  get url(): string {
    return this.inner.url;
  }

  private refuse(what: string): never {
    throw new MlopsError("refused", `remote '${this.name}' is read-only ${this.reason}: ${what} is refused`, {
      hint: "only trusted runs (pushes to main, releases, the schedule) write objects and run-cache entries; pull-request runs only read",
    });
  }

  has(oids: readonly ObjectId[]): Promise<Set<ObjectId>> {
    return this.inner.has(oids);
  }

  list(): Promise<ObjectId[]> {
    return this.inner.list();
  }

  download(oid: ObjectId, destPath: string): Promise<void> {
    return this.inner.download(oid, destPath);
  }

  readRecord(relPath: string): Promise<Buffer | undefined> {
    return this.inner.readRecord(relPath);
  }

  get downloadBytes(): ((oid: ObjectId) => Promise<Buffer>) | undefined {
    const inner = this.inner;
    return inner.downloadBytes
      ? (oid) => (inner.downloadBytes as (o: ObjectId) => Promise<Buffer>)(oid)
      : undefined;
  }

  get downloadManyBytes(): ((oids: readonly ObjectId[]) => Promise<Map<ObjectId, Buffer>>) | undefined {
    const inner = this.inner;
    return inner.downloadManyBytes
      ? (oids) =>
          (inner.downloadManyBytes as (o: readonly ObjectId[]) => Promise<Map<ObjectId, Buffer>>)(oids)
      : undefined;
  }

  get localReadPath(): ((oid: ObjectId) => string) | undefined {
    const inner = this.inner;
    return inner.localReadPath ? (oid) => (inner.localReadPath as (o: ObjectId) => string)(oid) : undefined;
  }

  async uploadBytes(oid: ObjectId): Promise<void> {
    this.refuse(`uploading ${oid}`);
  }

  async upload(oid: ObjectId): Promise<void> {
    this.refuse(`uploading ${oid}`);
  }

  async remove(oid: ObjectId): Promise<void> {
    this.refuse(`removing ${oid}`);
  }

  async removeMany(oids: readonly ObjectId[]): Promise<void> {
    this.refuse(`removing ${oids.length} objects`);
  }

  async abortUnfinishedUploads(): Promise<number> {
    this.refuse("aborting unfinished uploads");
  }

  async writeRecord(relPath: string): Promise<void> {
    this.refuse(`writing ${relPath}`);
  }

  // Refused even with nothing staged: a PR workflow that pushes is misconfigured whether or not
  // this particular run happened to have new objects, and it should hear so every time.
  async flush(): Promise<void> {
    this.refuse("publishing");
  }
}

/** `remote` itself when writes are allowed here, else a read-only view of it. */
export function guardRemoteWrites(remote: Remote, env: RemoteEnv): Remote {
  const reason = remoteWritesBlockedBy(env);
  return reason === undefined ? remote : new ReadOnlyRemote(remote, reason);
}

/** For callers that write opportunistically (the run cache): skip rather than fail. */
export function isReadOnlyRemote(remote: Remote): boolean {
  return remote instanceof ReadOnlyRemote;
}
