export const id = 520;
export const ids = [520];
export const modules = {

/***/ 1520:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Cache: () => (/* reexport */ Cache),
  hashBytes: () => (/* reexport */ hashBytes),
  objectRelPath: () => (/* reexport */ objectRelPath),
  d3: () => (/* reexport */ openRemote),
  a$: () => (/* reexport */ pull),
  push: () => (/* reexport */ push)
});

// UNUSED EXPORTS: GitBranchRemote, HashIndex, LocalRemote, ReadOnlyRemote, S3Remote, assertWriteInside, createS3Client, defaultMaxObjectBytes, digestOf, gitBranchScheme, guardRemoteWrites, hashFile, hashStats, isDirId, isObjectId, isReadOnlyRemote, isS3NotFound, listingId, parseGitBranchUrl, parseListing, parseS3Url, remoteWritesAllowed, remoteWritesBlockedBy, s3Failure, serializeListing, walkFiles

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_fs_, 2);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(9936);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/files/index.js + 3 modules
var files = __webpack_require__(558);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/log/index.js + 1 modules
var log = __webpack_require__(5765);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/cache-errors.js

/** A cache object whose bytes no longer hash to its name: it must not travel anywhere. */
function corruptInCache(oid, actual) {
    return new errors/* MlopsError */.IC("hash-mismatch", `object ${oid} in the cache is corrupt: its content hashes to ${actual}`, {
        field: oid,
        hint: "run `mlops data verify --repair`, then add or pull it again",
    });
}
function notInCache(oid) {
    return new errors/* MlopsError */.IC("not-found", `object ${oid} is not in the cache, so it cannot be pushed`, {
        field: oid,
        hint: "run `mlops data add` or `mlops data pull` first",
    });
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/confine.js



/**
 * The real directory a new path would be created in: the realpath of its nearest existing ancestor,
 * with the missing components appended. A symlinked directory committed in the repository
 * (`data/x -> ~/.ssh`) resolves to where it points, which is what `mkdir -p` and `rename` would
 * write through.
 */
function realDestination(path) {
    const missing = [];
    let at = (0,external_node_path_.resolve)(path);
    for (;;) {
        try {
            (0,external_node_fs_.lstatSync)(at);
            break;
        }
        catch {
            const parent = (0,external_node_path_.dirname)(at);
            if (parent === at)
                break;
            missing.unshift((0,external_node_path_.basename)(at));
            at = parent;
        }
    }
    // The path itself may be a symlink: `rename` over it replaces the link, but `mkdir -p` or a
    // directory checkout writes into its target, so the target is what must stay inside.
    return (0,external_node_path_.resolve)((0,external_node_fs_.realpathSync)(at), ...missing);
}
function inside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === "" || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== ".." && !(0,external_node_path_.isAbsolute)(rel));
}
/**
 * Refuses a write whose real destination lies outside `root` (the repository), before anything is
 * created: every workspace write (checkout, run-cache restore) calls this first.
 */
function assertWriteInside(root, dest, shown = dest) {
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    const real = realDestination(dest);
    if (!inside(realRoot, real)) {
        throw new errors/* MlopsError */.IC("refused", `refusing to write ${shown}: it resolves to ${real}, outside the repository`, {
            expected: `a destination inside ${realRoot}`,
            got: real,
            hint: "a directory on the way is a symbolic link that leaves the repository; replace it with a real directory",
        });
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
var external_node_crypto_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_crypto_, 2);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/hash.js


/**
 * Process-wide counters. Tests assert on them ("one changed file re-hashes exactly one file"), and
 * `--verbose` prints them, so nobody has to guess whether the index did its job.
 */
const hashStats = { filesHashed: 0, bytesHashed: 0 };
/** Large reads keep the syscall count low; 4 MiB measured as fast as any larger size here. */
const chunkSize = 4 * 1024 * 1024;
function hashBytes(bytes) {
    hashStats.filesHashed += 1;
    hashStats.bytesHashed += bytes.byteLength;
    return (0,external_node_crypto_.createHash)("sha256").update(bytes).digest("hex");
}
/**
 * Streams a file through sha256 without holding it in memory. Two buffers alternate so the next read
 * runs on the thread pool while this thread hashes the previous one; that overlap is what makes this
 * faster than `openssl dgst` on the same file (see BENCHMARKS.md).
 */
async function hashFile(path) {
    const handle = await (0,promises_.open)(path, "r");
    try {
        const { size: statSize } = await handle.stat();
        // Small files: one read into a right-sized buffer; big buffers per file would dominate the cost.
        if (statSize <= chunkSize) {
            const bytes = await handle.readFile();
            return { sha256: hashBytes(bytes), size: bytes.byteLength };
        }
        const hash = (0,external_node_crypto_.createHash)("sha256");
        const buffers = [Buffer.allocUnsafe(chunkSize), Buffer.allocUnsafe(chunkSize)];
        let current = 0;
        let size = 0;
        let pending = handle.read(buffers[0], 0, chunkSize, null);
        for (;;) {
            const { bytesRead } = await pending;
            if (bytesRead === 0)
                break;
            const filled = buffers[current];
            current = current === 0 ? 1 : 0;
            pending = handle.read(buffers[current], 0, chunkSize, null);
            hash.update(filled.subarray(0, bytesRead));
            size += bytesRead;
        }
        hashStats.filesHashed += 1;
        hashStats.bytesHashed += size;
        return { sha256: hash.digest("hex"), size };
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/copy-hashing.js



const copy_hashing_chunkSize = 4 * 1024 * 1024;
/**
 * Copies `src` to `dest` and hashes the bytes on the way, in one read of the source: the hash is of
 * exactly the bytes written, so a file that changes during the copy cannot slip in under an old hash.
 * Three buffers rotate so that reading the next chunk, hashing this one and writing the previous
 * one all overlap (reads and writes run on the thread pool while this thread hashes).
 */
async function copyHashing(src, dest) {
    const input = await (0,promises_.open)(src, "r");
    try {
        const output = await (0,promises_.open)(dest, "wx");
        try {
            const hash = (0,external_node_crypto_.createHash)("sha256");
            const buffers = [
                Buffer.allocUnsafe(copy_hashing_chunkSize),
                Buffer.allocUnsafe(copy_hashing_chunkSize),
                Buffer.allocUnsafe(copy_hashing_chunkSize),
            ];
            const writes = [undefined, undefined, undefined];
            let current = 0;
            let size = 0;
            let pending = input.read(buffers[0], 0, copy_hashing_chunkSize, null);
            try {
                for (;;) {
                    const { bytesRead } = await pending;
                    if (bytesRead === 0)
                        break;
                    const next = (current + 1) % 3;
                    // The next buffer may still be on its way to disk from two chunks ago.
                    await writes[next];
                    pending = input.read(buffers[next], 0, copy_hashing_chunkSize, null);
                    const filled = buffers[current].subarray(0, bytesRead);
                    hash.update(filled);
                    // Explicit positions: writes in flight at the same time must not depend on a shared offset.
                    writes[current] = output.write(filled, 0, bytesRead, size);
                    size += bytesRead;
                    current = next;
                }
            }
            finally {
                await Promise.allSettled(writes);
            }
            await Promise.all(writes);
            hashStats.filesHashed += 1;
            hashStats.bytesHashed += size;
            return { sha256: hash.digest("hex"), size };
        }
        finally {
            await output.close();
        }
    }
    finally {
        await input.close();
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/copy-many.js




/** Below this many files a second thread costs more to start than it saves (unless one is running already). */
const parallelThreshold = 2000;
/** With a worker started ahead of time (startCopyWorkers), sharing pays from this many files. */
const warmThreshold = 256;
/** Files per unit when files are not grouped by directory (or their directory exists). */
const filesPerUnit = 128;
function maxThreads() {
    return Math.min((0,external_node_os_.availableParallelism)(), 4);
}
// Runs on this thread and, stringified, in workers: it must use only its parameters (no imports,
// no bare `require`). Synchronous calls on a few threads beat thousands of promises through libuv's
// pool for files of a few KiB: each costs an open, a read, a write, a close, and the rename that
// makes it visible (one per directory for a directory filled under a temp name).
function claimAndCopy(work, me, tag, fsm, cryptom) {
    const { jobs, order, starts, staged, atomic, owners, stats, reserved } = work;
    const units = starts.length - 1;
    const made = new Set();
    let buffer = Buffer.allocUnsafe(64 * 1024);
    // crypto.hash (Node ≥ 20.12) skips a Hash object per file: a third less time and garbage for 1 KiB.
    const oneShot = cryptom.hash;
    let bytes = 0;
    let counter = 0;
    // Reading a file just written would otherwise update its access time: an inode write per file.
    let noAtime = fsm.constants.O_NOATIME ?? 0;
    const ensureDir = (dir) => {
        if (made.has(dir))
            return;
        fsm.mkdirSync(dir, { recursive: true });
        made.add(dir);
    };
    const failed = (failure) => {
        Atomics.store(owners, units, 1);
        return { bytes, failure };
    };
    /** Reads a whole file into `buffer`; returns how many bytes it holds. */
    const readWhole = (path, expected) => {
        let fd;
        try {
            fd = fsm.openSync(path, fsm.constants.O_RDONLY | noAtime);
        }
        catch (err) {
            // O_NOATIME is refused (EPERM) on files another user owns: a shared remote directory.
            if (noAtime === 0 || err.code !== "EPERM")
                throw err;
            noAtime = 0;
            fd = fsm.openSync(path, fsm.constants.O_RDONLY);
        }
        try {
            if (buffer.length <= expected)
                buffer = Buffer.allocUnsafe(expected + 1);
            let filled = 0;
            for (;;) {
                if (filled === buffer.length) {
                    const bigger = Buffer.allocUnsafe(buffer.length * 2);
                    buffer.copy(bigger, 0, 0, filled);
                    buffer = bigger;
                }
                const n = fsm.readSync(fd, buffer, filled, buffer.length - filled, null);
                if (n === 0)
                    break;
                filled += n;
                // Exactly the size expected: the hash decides whether these are the right bytes, and only
                // bytes that hash right are ever written, so nothing is lost by not reading on to the end.
                if (filled === expected)
                    break;
            }
            return filled;
        }
        finally {
            fsm.closeSync(fd);
        }
    };
    let claimed = false;
    for (let u = 0; u < units; u++) {
        if (Atomics.load(owners, units) !== 0)
            break;
        if (u < reserved && u !== me - 1)
            continue;
        if (Atomics.compareExchange(owners, u, 0, me) !== 0)
            continue;
        if (!claimed) {
            claimed = true;
            Atomics.add(owners, units + 1, 1);
            if (reserved > 0)
                Atomics.notify(owners, units + 1);
        }
        const first = starts[u];
        const end = starts[u + 1];
        // A directory that did not exist is filled as `.name.<tag>.tmp` beside it and renamed into place.
        let stage;
        let stageDir = "";
        let stagedFiles = 0;
        if (staged[u] === 1) {
            const dest = jobs[order[first]].dest;
            stageDir = dest.slice(0, Math.max(dest.lastIndexOf("/"), dest.lastIndexOf("\\")));
            const cut = Math.max(stageDir.lastIndexOf("/"), stageDir.lastIndexOf("\\"));
            counter += 1;
            stage = `${stageDir.slice(0, cut)}/.${stageDir.slice(cut + 1)}.${tag}${counter}.tmp`;
            try {
                ensureDir(stageDir.slice(0, cut));
                fsm.mkdirSync(stage);
            }
            catch (err) {
                return failed({ index: order[first], kind: "error", message: String(err) });
            }
        }
        let failure;
        for (let k = first; k < end && !failure; k++) {
            const i = order[k];
            const job = jobs[i];
            let filled;
            try {
                filled = readWhole(job.src, job.size ?? -1);
            }
            catch (err) {
                const code = err.code;
                failure = { index: i, kind: code === "ENOENT" ? "missing" : "error", message: String(err) };
                break;
            }
            const data = buffer.subarray(0, filled);
            const actual = oneShot
                ? oneShot("sha256", data)
                : cryptom.createHash("sha256").update(data).digest("hex");
            if (actual !== job.sha256) {
                failure = { index: i, kind: "corrupt", actual };
                break;
            }
            const dest = job.dest;
            const slash = Math.max(dest.lastIndexOf("/"), dest.lastIndexOf("\\"));
            const dir = dest.slice(0, slash);
            let target = dest;
            if (stage)
                target = `${stage}/${dest.slice(slash + 1)}`;
            else if (atomic) {
                counter += 1;
                target = `${dir}/.${dest.slice(slash + 1)}.${tag}${counter}.tmp`;
            }
            try {
                if (!stage)
                    ensureDir(dir);
                const fd = fsm.openSync(target, "wx");
                try {
                    let written = 0;
                    while (written < filled)
                        written += fsm.writeSync(fd, data, written, filled - written);
                    if (stats) {
                        const st = fsm.fstatSync(fd);
                        stats[i * 3] = st.size;
                        stats[i * 3 + 1] = st.mtimeMs;
                        stats[i * 3 + 2] = st.ino;
                    }
                }
                finally {
                    fsm.closeSync(fd);
                }
                if (atomic && !stage)
                    fsm.renameSync(target, dest);
            }
            catch (err) {
                if (atomic)
                    fsm.rmSync(target, { force: true });
                if (stats)
                    stats.fill(Number.NaN, i * 3, i * 3 + 3);
                failure = { index: i, kind: "error", message: String(err) };
                break;
            }
            if (stage)
                stagedFiles += 1;
            bytes += filled;
        }
        if (stage) {
            // Whatever the staged directory holds is whole and verified: it goes into place even when a
            // later file failed, as files copied one by one before a failure stay.
            try {
                if (stagedFiles === 0)
                    fsm.rmdirSync(stage);
                else
                    publishStaged(stage, stageDir);
            }
            catch (err) {
                failure ??= { index: order[first], kind: "error", message: String(err) };
            }
        }
        if (failure)
            return failed(failure);
    }
    return { bytes };
    // The directory appeared meanwhile (another push, or a directory another unit of this one placed):
    // its files are moved in one by one, each rename atomic, then the temp directory goes.
    function publishStaged(from, to) {
        try {
            fsm.renameSync(from, to);
            return;
        }
        catch (err) {
            const code = err.code;
            // ENOTEMPTY/EEXIST on POSIX; Windows refuses to rename a directory over one with EPERM.
            if (code !== "ENOTEMPTY" && code !== "EEXIST" && code !== "EPERM")
                throw err;
        }
        for (const name of fsm.readdirSync(from))
            fsm.renameSync(`${from}/${name}`, `${to}/${name}`);
        fsm.rmdirSync(from);
    }
}
// A worker waits for its work (it may be started ahead of time, see startCopyWorkers), copies what
// it can claim and answers.
const workerSource = `
const load = module.require.bind(module);
const { parentPort } = load("node:worker_threads");
const claimAndCopy = ${String(claimAndCopy)};
parentPort.once("message", ({ work, packed, me, tag }) => {
  const srcs = packed.srcs.split("\\0");
  const dests = packed.dests.split("\\0");
  const shas = packed.shas.split("\\0");
  const jobs = srcs.map((src, i) => ({ src, dest: dests[i], sha256: shas[i], size: Number.isNaN(packed.sizes[i]) ? undefined : packed.sizes[i] }));
  parentPort.postMessage(claimAndCopy({ ...work, jobs }, me, tag, load("node:fs"), load("node:crypto")));
});
`;
/** Workers started ahead of time, taken by the next copy that shares its work. */
const warm = [];
/**
 * Starts the workers a bulk copy would use, so that their start-up (~40 ms of a core, more on a
 * busy machine) overlaps what the caller does before copying (reading listings, asking the remote
 * what it has) instead of the copy. An unused worker costs a few ms of another core and does not
 * keep the process alive.
 */
function startCopyWorkers() {
    for (let k = warm.length; k < maxThreads() - 1; k++) {
        const started = (0,files/* startEvalWorker */.lx)(workerSource);
        started.worker.unref();
        warm.push(started);
    }
}
/**
 * Units: with `atomic`, the jobs grouped by destination directory, a directory that does not exist
 * yet being one unit filled under a temp name; otherwise (and in directories that exist) runs of
 * `filesPerUnit` jobs.
 */
function planUnits(jobs, atomic) {
    const order = new Int32Array(jobs.length);
    const starts = [];
    const staged = [];
    if (!atomic) {
        for (let i = 0; i < jobs.length; i++)
            order[i] = i;
        for (let at = 0; at < jobs.length; at += filesPerUnit) {
            starts.push(at);
            staged.push(0);
        }
    }
    else {
        const byDir = new Map();
        for (let i = 0; i < jobs.length; i++) {
            const dest = jobs[i].dest;
            const dir = dest.slice(0, Math.max(dest.lastIndexOf("/"), dest.lastIndexOf("\\")));
            const group = byDir.get(dir);
            if (group)
                group.push(i);
            else
                byDir.set(dir, [i]);
        }
        let at = 0;
        for (const [dir, group] of byDir) {
            const fresh = !external_node_fs_.existsSync(dir);
            for (let from = 0; from < group.length; from += fresh ? group.length : filesPerUnit) {
                starts.push(at);
                staged.push(fresh ? 1 : 0);
                for (const i of group.slice(from, fresh ? group.length : from + filesPerUnit))
                    order[at++] = i;
            }
        }
    }
    starts.push(jobs.length);
    return { order, starts: Int32Array.from(starts), staged: Uint8Array.from(staged) };
}
/**
 * Copies many small files, checking each one's sha256 on the way (one read, hashed in memory,
 * written once), shared between this thread and a few workers unit by unit: the cost for thousands
 * of files is the kernel's work creating them, which runs in parallel on separate cores. Stops at
 * the first failure (the other threads finish the unit they hold) and reports the failure with the
 * lowest index among those found; files copied before it stay (each is whole and verified).
 */
async function copyVerifiedMany(jobs, options) {
    const { order, starts, staged } = planUnits(jobs, options.atomic);
    const units = starts.length - 1;
    const cap = options.holdMainThread ? 4 : maxThreads();
    const wanted = Math.max(1, Math.min(options.threads ?? 4, cap, units));
    const threads = jobs.length >= parallelThreshold || (warm.length > 0 && jobs.length >= warmThreshold) ? wanted : 1;
    const shared = threads > 1;
    const slots = Int32Array.BYTES_PER_ELEMENT * (units + 2);
    const owners = new Int32Array(shared ? new SharedArrayBuffer(slots) : new ArrayBuffer(slots));
    let stats;
    if (options.stats) {
        const size = Float64Array.BYTES_PER_ELEMENT * jobs.length * 3;
        stats = new Float64Array(shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size)).fill(Number.NaN);
    }
    const work = {
        jobs,
        order,
        starts,
        staged,
        atomic: options.atomic,
        owners,
        stats,
        reserved: shared && options.holdMainThread ? threads : 0,
    };
    const tag = `${process.pid}.${external_node_crypto_.randomBytes(3).toString("hex")}`;
    const workers = [];
    if (shared) {
        // Strings cross threads far faster joined than as thousands of objects.
        const packed = {
            srcs: jobs.map((j) => j.src).join("\0"),
            dests: jobs.map((j) => j.dest).join("\0"),
            shas: jobs.map((j) => j.sha256).join("\0"),
            sizes: Float64Array.from(jobs, (j) => j.size ?? Number.NaN),
        };
        const { jobs: _, ...rest } = work;
        for (let me = 2; me <= threads; me++) {
            const taken = warm.shift() ?? (0,files/* startEvalWorker */.lx)(workerSource);
            taken.worker.ref();
            taken.worker.postMessage({ work: rest, packed, me, tag: `${tag}w${me}x` });
            workers.push(taken);
        }
    }
    try {
        if (work.reserved > 0) {
            for (let seen = 0; seen < workers.length; seen = Atomics.load(owners, units + 1))
                if (Atomics.wait(owners, units + 1, seen, 10_000) === "timed-out")
                    break;
        }
        // This thread honours no reservation: a worker that never claimed its unit leaves it to this one.
        const results = [claimAndCopy({ ...work, reserved: 0 }, 1, `${tag}m`, external_node_fs_namespaceObject, external_node_crypto_namespaceObject)];
        // This thread tried every unit, so each has an owner now and a worker that owns none (still
        // starting, or it found nothing left) is not waited for. After a failure stopped the claiming,
        // units may be left that a worker is just claiming: then every worker is waited for.
        const stopped = Atomics.load(owners, units) !== 0;
        const waited = [];
        for (const [k, { worker, reply }] of workers.entries()) {
            if (stopped || owners.subarray(0, units).includes(k + 2))
                waited.push(reply);
            else
                void worker.terminate();
        }
        results.push(...(await Promise.all(waited)));
        const outcome = { bytes: 0, threadsUsed: Math.max(1, Atomics.load(owners, units + 1)) };
        if (stats)
            outcome.stats = stats;
        for (const result of results) {
            outcome.bytes += result.bytes;
            if (result.failure && (!outcome.failure || result.failure.index < outcome.failure.index))
                outcome.failure = result.failure;
        }
        return outcome;
    }
    finally {
        for (const { worker } of workers)
            void worker.terminate();
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/dir-listing.js





/** Byte order of the UTF-8 paths; equals UTF-16 order unless a path holds astral characters. */
function compareRelpaths(a, b) {
    if (/[\ud800-\udfff]/.test(a) || /[\ud800-\udfff]/.test(b))
        return Buffer.compare(Buffer.from(a), Buffer.from(b));
    return a < b ? -1 : a > b ? 1 : 0;
}
function sortEntries(entries) {
    return entries.sort((a, b) => compareRelpaths(a.relpath, b.relpath));
}
/**
 * The canonical bytes of a listing: sorted by path, `JSON.stringify` with no whitespace and keys in
 * the order relpath, sha256, size. Same tree, same bytes, same id on every machine.
 */
function serializeListing(entries) {
    const sorted = sortEntries(entries.map((e) => ({ relpath: e.relpath, sha256: e.sha256, size: e.size })));
    return Buffer.from(JSON.stringify(sorted));
}
function listingId(bytes) {
    return `${(0,external_node_crypto_.createHash)("sha256").update(bytes).digest("hex")}.dir`;
}
/**
 * Why a listing's relpath cannot be written under a directory, or undefined when it can: only plain
 * `/`-separated segments are allowed, so no reading of it (POSIX or Windows) leaves the directory.
 */
function unsafeRelpath(relpath) {
    if (relpath === "")
        return "it is empty";
    if (relpath.includes("\0"))
        return "it contains a NUL character";
    if (relpath.includes("\\"))
        return "it contains a backslash";
    if (relpath.startsWith("/"))
        return "it is absolute";
    if (/^[a-z]:/i.test(relpath))
        return "it starts with a drive letter";
    for (const segment of relpath.split("/")) {
        if (segment === "")
            return "it has an empty segment";
        if (segment === "." || segment === "..")
            return `it has a '${segment}' segment`;
    }
    return undefined;
}
/**
 * Names of word characters, dots and dashes, none starting with a dot, joined by single slashes: a
 * subset of what unsafeRelpath accepts (no empty, `.` or `..` segment, no backslash, drive letter,
 * NUL or leading slash), tested in one go; anything else gets the full check.
 */
const plainRelpath = /^[\w-][\w.-]*(?:\/[\w-][\w.-]*)*$/;
const sha256Pattern = /^[0-9a-f]{64}$/;
function parseListing(bytes, oid) {
    let value;
    try {
        value = JSON.parse(Buffer.from(bytes).toString("utf8"));
    }
    catch {
        throw new errors/* MlopsError */.IC("invalid-file", `directory listing ${oid} is not JSON`, { field: oid });
    }
    const expected = '[{"relpath","sha256","size"}]';
    if (!Array.isArray(value)) {
        throw new errors/* MlopsError */.IC("invalid-file", `directory listing ${oid} does not have the expected shape`, {
            field: oid,
            expected,
        });
    }
    for (const [i, e] of value.entries()) {
        const ok = e !== null &&
            typeof e === "object" &&
            typeof e.relpath === "string" &&
            typeof e.sha256 === "string" &&
            sha256Pattern.test(e.sha256) &&
            Number.isSafeInteger(e.size) &&
            e.size >= 0;
        if (!ok) {
            throw new errors/* MlopsError */.IC("invalid-file", `directory listing ${oid} does not have the expected shape`, {
                field: `${oid}[${i}]`,
                expected,
            });
        }
        const unsafe = plainRelpath.test(e.relpath) ? undefined : unsafeRelpath(e.relpath);
        if (unsafe) {
            throw new errors/* MlopsError */.IC("invalid-file", `directory listing ${oid} names a path outside its directory`, {
                field: `${oid}[${i}].relpath`,
                expected: "a relative path of plain '/'-separated names (no '..', '.', empty segment, backslash, drive letter or NUL)",
                got: `${JSON.stringify(e.relpath).slice(0, 200)} (${unsafe})`,
            });
        }
    }
    return value;
}
/** Every regular file under `root` as `/`-separated relative paths; skips `.git` and our temp files. */
function walkFiles(root) {
    const out = [];
    const visit = (dir, prefix) => {
        for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
            const name = entry.name;
            if ((0,files/* isTempName */.Gs)(name))
                continue;
            if (entry.isDirectory()) {
                if (name === ".git")
                    continue;
                visit((0,external_node_path_.join)(dir, name), `${prefix}${name}/`);
            }
            else if (entry.isFile() || entry.isSymbolicLink()) {
                out.push(`${prefix}${name}`);
            }
        }
    };
    visit(root, "");
    return out;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/object-id.js

const objectIdPattern = /^[0-9a-f]{64}(\.dir)?$/;
function isObjectId(value) {
    return objectIdPattern.test(value);
}
function isDirId(oid) {
    return oid.endsWith(".dir");
}
/** `sha256/ab/cdef…[.dir]`: the same relative place in a cache and in every remote. */
function objectRelPath(oid) {
    return (0,external_node_path_.join)("sha256", oid.slice(0, 2), oid.slice(2));
}
/**
 * The object's path under `objectsDir` (a store's `…/sha256`, already joined): the same as
 * join(root, objectRelPath(oid)) without join's normalising, which a bulk transfer paid 20,000 times.
 */
function objectPathIn(objectsDir, oid) {
    return `${objectsDir}${external_node_path_.sep}${oid.slice(0, 2)}${external_node_path_.sep}${oid.slice(2)}`;
}
/** The sha256 of the bytes stored under `oid` (a `.dir` object is the hash of its listing). */
function digestOf(oid) {
    return oid.slice(0, 64);
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/hash-index.js



const indexFileName = "hash-index.v2.tsv";
const header = "# mlops hash index v2: path\tsize\tmtime_ms\tinode\tsha256";
/** `size\tmtime\tinode\t`: the part of a line that must match for the recorded hash to be trusted. */
function statKey(stat) {
    // mtimeMs is a double carrying sub-microsecond precision; its shortest decimal form round-trips exactly.
    return `${stat.size}\t${stat.mtimeMs}\t${stat.ino}\t`;
}
const treeFileName = "trees.v1.tsv";
function readText(file) {
    try {
        return readFileSync(file, "utf8");
    }
    catch (err) {
        if (err.code === "ENOENT")
            return "";
        throw err;
    }
}
function readTrees(stateDir) {
    const trees = new Map();
    for (const line of readText(join(stateDir, treeFileName)).split("\n")) {
        const [dir, fingerprint, oid, size, nfiles] = line.split("\t");
        if (dir && fingerprint && oid && size && nfiles && !dir.startsWith("#")) {
            trees.set(dir, { fingerprint, oid, size: Number(size), nfiles: Number(nfiles) });
        }
    }
    return trees;
}
/**
 * Remembers the sha256 of every file hashed, keyed by path, size, mtime and inode, so a file whose
 * stat is unchanged is never read again. Rebuildable state: deleting it only costs time.
 * Stored as tab-separated text and kept in memory as `path → "size\tmtime\tinode\tsha256"` strings:
 * loading 100k entries is one split per line, and a lookup is one string comparison.
 *
 * It also remembers, per tracked directory, a fingerprint of every file's path and stat together
 * with the directory's id: when a tree's fingerprint is unchanged its id is known without a single
 * per-file lookup, and the per-file table (the big file) is not even read.
 */
class hash_index_HashIndex {
    stateDir;
    dirty = false;
    treesDirty = false;
    loadedEntries;
    loadedTrees;
    constructor(stateDir) {
        this.stateDir = stateDir;
    }
    static async open(stateDir) {
        return new hash_index_HashIndex(stateDir);
    }
    get entries() {
        if (this.loadedEntries)
            return this.loadedEntries;
        const text = readText(join(this.stateDir, indexFileName));
        const entries = new Map();
        let start = 0;
        while (start < text.length) {
            let end = text.indexOf("\n", start);
            if (end < 0)
                end = text.length;
            const tab = text.indexOf("\t", start);
            // A damaged line (no tab, or not ending in a sha256) is dropped: the file is hashed again instead.
            if (text.charCodeAt(start) !== 35 && tab > start && tab < end && end - tab > 64) {
                entries.set(text.slice(start, tab), text.slice(tab + 1, end));
            }
            start = end + 1;
        }
        this.loadedEntries = entries;
        return entries;
    }
    get trees() {
        this.loadedTrees ??= readTrees(this.stateDir);
        return this.loadedTrees;
    }
    /** The most files any remembered tree held when last hashed (0 when none is remembered). */
    static largestTree(stateDir) {
        let largest = 0;
        for (const memo of readTrees(stateDir).values())
            largest = Math.max(largest, memo.nfiles);
        return largest;
    }
    /** The recorded sha256 when the file's size, mtime and inode are what they were when hashed. */
    lookup(absPath, stat) {
        const entry = this.entries.get(absPath);
        if (entry === undefined)
            return undefined;
        const key = statKey(stat);
        if (entry.length !== key.length + 64 || !entry.startsWith(key))
            return undefined;
        return entry.slice(key.length);
    }
    record(absPath, stat, sha256) {
        // Paths with tabs or newlines cannot be represented; such files are simply hashed every time.
        if (/[\t\n]/.test(absPath))
            return;
        const entry = statKey(stat) + sha256;
        if (this.entries.get(absPath) === entry)
            return;
        this.entries.set(absPath, entry);
        this.dirty = true;
    }
    /** The directory's id if its fingerprint (every path and stat in it) is the one recorded with it. */
    lookupTree(absDir, fingerprint) {
        const memo = this.trees.get(absDir);
        return memo && memo.fingerprint === fingerprint ? memo : undefined;
    }
    /** How many files the directory held when last hashed, if it ever was. */
    knownFileCount(absDir) {
        return this.trees.get(absDir)?.nfiles;
    }
    recordTree(absDir, memo) {
        if (/[\t\n]/.test(absDir))
            return;
        const previous = this.trees.get(absDir);
        if (previous && previous.fingerprint === memo.fingerprint && previous.oid === memo.oid)
            return;
        this.trees.set(absDir, memo);
        this.treesDirty = true;
    }
    async save() {
        if (this.dirty && this.loadedEntries) {
            const lines = [header];
            for (const [path, entry] of this.loadedEntries)
                lines.push(`${path}\t${entry}`);
            await writeFileAtomic(join(this.stateDir, indexFileName), `${lines.join("\n")}\n`);
            this.dirty = false;
        }
        if (this.treesDirty && this.loadedTrees) {
            const lines = ["# mlops tree memo v1: dir\tfingerprint\toid\tsize\tnfiles"];
            for (const [dir, m] of this.loadedTrees)
                lines.push(`${dir}\t${m.fingerprint}\t${m.oid}\t${m.size}\t${m.nfiles}`);
            await writeFileAtomic(join(this.stateDir, treeFileName), `${lines.join("\n")}\n`);
            this.treesDirty = false;
        }
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/scan-tree.js





/** The stat of the tree's `i`th file, or `undefined` when it vanished between listing and stat. */
function statAt(tree, i) {
    const size = tree.numbers[i * 3];
    if (size < 0)
        return undefined;
    return { size, mtimeMs: tree.numbers[i * 3 + 1], ino: tree.numbers[i * 3 + 2] };
}
/** Files directly in one directory are stat-ed in batches of this many, so a flat tree is shared too. */
const namesPerUnit = 2048;
/** Directories are opened up into their contents until there are this many units (or no directory is left). */
const wantedUnits = 32;
/** Starting a thread costs ~40 ms of a core: only worth it when the last scan of this tree found many files. */
const minFilesForWorkers = 30_000;
/**
 * Claims units one at a time and scans them. It runs on the main thread and, as source text, in the
 * workers, so it is self-contained: no imports, no module scope, fs and crypto passed in. A unit is claimed by
 * swapping its owner slot from 0 to this thread's number, so every unit is scanned exactly once,
 * threads that start late simply find fewer units left (no fixed share leaves the main thread
 * waiting for a worker still booting), and once the main thread has tried every slot the owners say
 * which workers hold results. Mirrors walkFiles: skips `.git` and our temp files (`.*.tmp`).
 */
function claimAndScan(root, units, owners, me, io, reserved = 0) {
    const statOptions = { throwIfNoEntry: false };
    const results = [];
    let relpaths = [];
    let numbers = [];
    const add = (abs, relpath) => {
        const st = io.statSync(abs, statOptions);
        relpaths.push(relpath);
        if (st)
            numbers.push(st.size, st.mtimeMs, st.ino);
        else
            numbers.push(-1, 0, 0);
    };
    const walk = (abs, prefix) => {
        for (const entry of io.readdirSync(abs, { withFileTypes: true })) {
            const name = entry.name;
            if (name.startsWith(".") && name.endsWith(".tmp"))
                continue;
            if (entry.isDirectory()) {
                if (name !== ".git")
                    walk(`${abs}/${name}`, `${prefix}${name}/`);
            }
            else if (entry.isFile() || entry.isSymbolicLink()) {
                add(`${abs}/${name}`, prefix + name);
            }
        }
    };
    for (let i = 0; i < units.length; i++) {
        // Unit k < reserved belongs to thread k + 1 (tests only): whoever starts first cannot take it.
        if (i < reserved && i !== me - 1)
            continue;
        if (Atomics.compareExchange(owners, i, 0, me) !== 0)
            continue;
        if (results.length === 0) {
            // The slot after the units counts threads that have claimed something (see holdMainThread).
            Atomics.add(owners, units.length, 1);
            Atomics.notify(owners, units.length);
        }
        const unit = units[i];
        const abs = unit.dir === "" ? root : `${root}/${unit.dir.slice(0, -1)}`;
        if (unit.names)
            for (const name of unit.names)
                add(`${abs}/${name}`, unit.dir + name);
        else
            walk(abs, unit.dir);
        const packed = Float64Array.from(numbers);
        const paths = relpaths.join("\0");
        const digest = io.createHash("sha256").update(paths).update(new Uint8Array(packed.buffer)).digest("hex");
        results.push({ unit: i, paths, numbers: packed, digest });
        relpaths = [];
        numbers = [];
    }
    return results;
}
// The worker: waits for one job, scans what it can claim and sends the results back, the numbers as
// transferred buffers. The eval'd worker is a CommonJS module; its require is reached through
// `module` because a bundler rewrites a bare `require(…)` into a helper the worker lacks.
const scan_tree_workerSource = `
const load = module.require.bind(module);
const { parentPort } = load("node:worker_threads");
const { readdirSync, statSync } = load("node:fs");
const { createHash } = load("node:crypto");
parentPort.once("message", ({ root, units, owners, me, reserved }) => {
  const io = { readdirSync, statSync, createHash };
  const results = (${String(claimAndScan)})(root, units, new Int32Array(owners), me, io, reserved);
  parentPort.postMessage(results, results.map((r) => r.numbers.buffer));
});
`;
function spawnScanWorker() {
    return (0,files/* startEvalWorker */.lx)(scan_tree_workerSource);
}
/** Workers started ahead of time by startScanWorkers, taken by the next scan that shares its work. */
const scan_tree_warm = [];
function defaultThreads() {
    return Math.min((0,external_node_os_.availableParallelism)(), 4);
}
/**
 * Starts the workers a large scan would use, so that their ~40 ms (more on a busy machine) of
 * start-up overlaps whatever the caller does before scanning (the CLI: loading modules and reading
 * manifests) instead of the scan itself. Only when the hash index in `stateDir` remembers a tree
 * large enough to be shared: an unused worker costs ~10 ms. Unused workers do not keep the process alive.
 */
function startScanWorkers(stateDir) {
    if (HashIndex.largestTree(stateDir) < minFilesForWorkers)
        return;
    for (let k = scan_tree_warm.length; k < defaultThreads() - 1; k++) {
        const started = spawnScanWorker();
        started.worker.unref();
        scan_tree_warm.push(started);
    }
}
/**
 * Cuts the tree into units in an order that depends only on the tree: the root's own files (in
 * batches) first, then its directories; while there are fewer units than `wanted`, directories are
 * opened up in place into their own file batches and subdirectories.
 */
function scan_tree_planUnits(root, wanted) {
    const list = (prefix) => {
        const abs = prefix === "" ? root : `${root}/${prefix.slice(0, -1)}`;
        const files = [];
        const dirs = [];
        for (const entry of (0,external_node_fs_.readdirSync)(abs, { withFileTypes: true })) {
            const name = entry.name;
            if (name.startsWith(".") && name.endsWith(".tmp"))
                continue;
            if (entry.isDirectory()) {
                if (name !== ".git")
                    dirs.push({ dir: `${prefix}${name}/` });
            }
            else if (entry.isFile() || entry.isSymbolicLink()) {
                files.push(name);
            }
        }
        const batches = [];
        for (let i = 0; i < files.length; i += namesPerUnit)
            batches.push({ dir: prefix, names: files.slice(i, i + namesPerUnit) });
        return [...batches, ...dirs];
    };
    let units = list("");
    // Open up directories breadth first while the work is in too few pieces to share; each opened
    // directory is read once, here, and its contents take its place.
    for (let opened = true; opened && units.length < wanted;) {
        opened = false;
        const next = [];
        for (const [i, unit] of units.entries()) {
            // next.length + what is left of this pass is the count if nothing more were opened.
            if (!unit.names && next.length + units.length - i < wanted) {
                next.push(...list(unit.dir));
                opened = true;
            }
            else
                next.push(unit);
        }
        units = next;
    }
    return units;
}
/**
 * Lists every file under `root` with its size, mtime and inode, in an order that depends only on the
 * tree. For 100k files the stat calls are most of what `data status` costs; they are kernel work that
 * runs in parallel, so a large tree is shared between the main thread and workers, unit by unit.
 * `threads` (default: the cores, at most 4) is fixed in tests; workers are started only when the last
 * scan found at least `expectedFiles` ≥ 30,000 (or when `threads` is given). `holdMainThread` (for
 * tests) reserves one of the first units for each thread and starts the main thread only once every
 * worker has claimed its own, so the work is certainly shared however the threads are scheduled.
 */
async function scanTree(root, options = {}) {
    const threads = options.threads ?? ((options.expectedFiles ?? 0) >= minFilesForWorkers ? defaultThreads() : 1);
    // The units depend on the tree only (never on `threads`), so the scan order, and with it the
    // fingerprint, is the same however many threads share the work.
    const units = scan_tree_planUnits(root, wantedUnits);
    const owners = new Int32Array(new SharedArrayBuffer(4 * (units.length + 1)));
    const workers = [];
    const used = Math.max(1, Math.min(threads, units.length));
    const reserved = options.holdMainThread ? used : 0;
    for (let me = 2; me <= used; me++) {
        const taken = scan_tree_warm.shift() ?? spawnScanWorker();
        taken.worker.ref();
        taken.worker.postMessage({ root, units, owners: owners.buffer, me, reserved });
        workers.push(taken);
    }
    try {
        const parts = new Array(units.length);
        if (options.holdMainThread) {
            for (let seen = 0; seen < workers.length; seen = Atomics.load(owners, units.length))
                if (Atomics.wait(owners, units.length, seen, 10_000) === "timed-out")
                    break;
        }
        for (const r of claimAndScan(root, units, owners, 1, { readdirSync: external_node_fs_.readdirSync, statSync: external_node_fs_.statSync, createHash: external_node_crypto_.createHash }, reserved))
            parts[r.unit] = r;
        // Every slot has an owner now (this thread tried them all); wait only for workers that own some.
        const waited = [];
        for (const [k, { worker, reply }] of workers.entries()) {
            if (ownsAny(owners, k + 2))
                waited.push(reply);
            else
                void worker.terminate();
        }
        for (const results of await Promise.all(waited))
            for (const r of results)
                parts[r.unit] = r;
        return mergeInUnitOrder(parts, Atomics.load(owners, units.length));
    }
    finally {
        for (const { worker } of workers)
            void worker.terminate();
    }
}
function ownsAny(owners, me) {
    for (let i = 0; i < owners.length - 1; i++)
        if (Atomics.load(owners, i) === me)
            return true;
    return false;
}
function mergeInUnitOrder(parts, threadsUsed) {
    const done = parts.filter((p) => p !== undefined);
    if (done.length !== parts.length)
        throw new Error("internal: a scan unit has no result");
    let count = 0;
    for (const p of done)
        count += p.numbers.length / 3;
    const numbers = new Float64Array(count * 3);
    const fingerprint = (0,external_node_crypto_.createHash)("sha256");
    let at = 0;
    for (const p of done) {
        numbers.set(p.numbers, at);
        at += p.numbers.length;
        fingerprint.update(p.digest);
    }
    let relpaths;
    return {
        numbers,
        fingerprint: fingerprint.digest("hex"),
        threadsUsed,
        get relpaths() {
            relpaths ??= splitPaths(done, count);
            return relpaths;
        },
    };
}
function splitPaths(parts, count) {
    const relpaths = new Array(count);
    let at = 0;
    for (const p of parts) {
        if (p.numbers.length === 0)
            continue;
        for (const relpath of p.paths.split("\0"))
            relpaths[at++] = relpath;
    }
    return relpaths;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/store-many.js


/** Below this many files the second thread costs more to start than it saves. */
const store_many_parallelThreshold = 4000;
// Runs in a worker: reads, hashes and stores its share of small files exactly as Cache.putBytesSync
// does (temp file in the object's directory, then rename), and returns their sha256s in order.
const store_many_workerSource = `
const load = module.require.bind(module);
const { parentPort, workerData } = load("node:worker_threads");
const { createHash } = load("node:crypto");
const { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = load("node:fs");
const { cacheRoot, paths, tag } = workerData;
const made = new Set();
let counter = 0;
const shas = [];
let bytesHashed = 0;
for (const path of paths) {
  const bytes = readFileSync(path);
  const sha = createHash("sha256").update(bytes).digest("hex");
  bytesHashed += bytes.byteLength;
  const dir = cacheRoot + "/sha256/" + sha.slice(0, 2);
  const target = dir + "/" + sha.slice(2);
  if (!existsSync(target)) {
    if (!made.has(dir)) { mkdirSync(dir, { recursive: true }); made.add(dir); }
    counter += 1;
    const temp = dir + "/." + sha.slice(2) + "." + process.pid + "." + tag + counter + ".tmp";
    try {
      writeFileSync(temp, bytes, { flag: "wx" });
      renameSync(temp, target);
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    }
  }
  shas.push(sha);
}
parentPort.postMessage({ shas, bytesHashed });
`;
/**
 * Hashes and stores many small files, part of them on a second thread: for tens of thousands of
 * files the cost is creating the cache files, kernel work that runs in parallel on separate cores.
 * `storeHere` does one file on this thread (the cache's own code path) and returns its sha256.
 */
async function storeManySmallFiles(cacheRoot, paths, storeHere) {
    const threads = Math.min((0,external_node_os_.availableParallelism)(), 4);
    if (paths.length < store_many_parallelThreshold || threads < 2) {
        return { shas: paths.map(storeHere), filesElsewhere: 0, bytesElsewhere: 0 };
    }
    const parts = await (0,files/* splitAcrossWorkers */.hI)(paths, threads, {
        source: store_many_workerSource,
        workerData: (share, t) => ({
            cacheRoot,
            paths: share.items,
            tag: `w${t}x${Math.random().toString(36).slice(2, 8)}`,
        }),
        here: (share) => ({ shas: share.items.map(storeHere), bytesHashed: 0 }),
    });
    const theirs = parts.slice(1).map((p) => p.result);
    return {
        shas: parts.flatMap((p) => p.result.shas),
        filesElsewhere: theirs.reduce((n, r) => n + r.shas.length, 0),
        bytesElsewhere: theirs.reduce((n, r) => n + r.bytesHashed, 0),
    };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/cache.js















/** From this many files on, a directory checked out where nothing exists yet is built in bulk. */
const bulkCheckoutThreshold = 256;
/** Files up to this size are read whole: one read beats a streamed copy for the many-small-files case. */
const smallFileLimit = 4 * 1024 * 1024;
function statOf(path) {
    return (0,external_node_fs_.statSync)(path);
}
/** Names a corrupt object, where it was found, and what its bytes hash to. */
function corruptObject(oid, actual, where) {
    return new errors/* MlopsError */.IC("hash-mismatch", `object ${oid} in ${where} is corrupt: its content hashes to ${actual}`, {
        field: oid,
        expected: digestOf(oid),
        got: actual,
        hint: "run `mlops data verify --repair` to drop corrupt objects, then `mlops data pull` to fetch good copies",
    });
}
/**
 * The content-addressed store under `.mlops/cache`: every object lives at `sha256/ab/cdef…`, is
 * written through a temp file and a rename, and is hashed again whenever it is read back out.
 */
class Cache {
    root;
    madeDirs = new Set();
    objectsDir;
    constructor(root) {
        this.root = root;
        this.objectsDir = (0,external_node_path_.join)(root, "sha256");
    }
    pathOf(oid) {
        return objectPathIn(this.objectsDir, oid);
    }
    has(oid) {
        return (0,external_node_fs_.existsSync)(this.pathOf(oid));
    }
    ensureDirSync(dir) {
        if (this.madeDirs.has(dir))
            return;
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        this.madeDirs.add(dir);
    }
    /** Writes bytes already known to hash to `oid`; a no-op when the object exists. */
    putBytesSync(oid, bytes) {
        const target = this.pathOf(oid);
        if ((0,external_node_fs_.existsSync)(target))
            return;
        this.ensureDirSync((0,external_node_path_.dirname)(target));
        const temp = (0,files/* tempPathFor */.FD)(target);
        try {
            (0,external_node_fs_.writeFileSync)(temp, bytes, { flag: "wx" });
            (0,external_node_fs_.renameSync)(temp, target);
        }
        catch (err) {
            (0,external_node_fs_.rmSync)(temp, { force: true });
            throw err;
        }
    }
    addBytes(bytes) {
        const sha256 = hashBytes(bytes);
        this.putBytesSync(sha256, bytes);
        return { sha256, size: bytes.byteLength };
    }
    /**
     * Stores one file. The index is asked first, so an unchanged file that is already stored costs
     * one stat; a new file is copied and hashed in a single pass.
     */
    async addFile(path, index) {
        const before = statOf(path);
        const known = index?.lookup(path, before);
        if (known && this.has(known))
            return { sha256: known, size: Number(before.size), hashed: false };
        let digest;
        if (before.size <= smallFileLimit) {
            const bytes = (0,external_node_fs_.readFileSync)(path);
            digest = { sha256: hashBytes(bytes), size: bytes.byteLength };
            this.putBytesSync(digest.sha256, bytes);
        }
        else {
            digest = await this.copyInHashing(path);
        }
        index?.record(path, before, digest.sha256);
        return { ...digest, hashed: true };
    }
    async copyInHashing(path, expected) {
        const scratch = (0,external_node_path_.join)(this.root, "sha256", ".incoming");
        await (0,promises_.mkdir)(scratch, { recursive: true });
        const temp = (0,files/* tempPathFor */.FD)((0,external_node_path_.join)(scratch, "object"));
        try {
            const digest = await copyHashing(path, temp);
            if (expected !== undefined && digest.sha256 !== expected) {
                throw corruptObject(expected, digest.sha256, path);
            }
            const target = this.pathOf(digest.sha256);
            if ((0,external_node_fs_.existsSync)(target)) {
                await (0,promises_.rm)(temp, { force: true });
            }
            else {
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
                await (0,promises_.rename)(temp, target);
            }
            return digest;
        }
        catch (err) {
            await (0,promises_.rm)(temp, { force: true });
            throw err;
        }
    }
    /**
     * Moves a file that was written elsewhere (a download) into the store after checking its bytes
     * hash to `oid`; a mismatch deletes it and names the object and where it came from.
     */
    async adoptVerified(oid, tempFile, origin) {
        const digest = (await hashFile(tempFile)).sha256;
        const actual = isDirId(oid) ? `${digest}.dir` : digest;
        if (actual !== oid) {
            await (0,promises_.rm)(tempFile, { force: true });
            throw corruptObject(oid, actual.replace(/\.dir$/, ""), origin);
        }
        const target = this.pathOf(oid);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
        await (0,promises_.rename)(tempFile, target);
    }
    /**
     * Stores downloaded bytes after checking they hash to `oid` (temp file + rename, so the object
     * appears whole or not at all); a mismatch stores nothing and names the object and its origin.
     */
    async adoptVerifiedBytes(oid, bytes, origin) {
        const digest = hashBytes(bytes);
        if (digest !== digestOf(oid))
            throw corruptObject(oid, digest, origin);
        const target = this.pathOf(oid);
        const dir = (0,external_node_path_.dirname)(target);
        if (!this.madeDirs.has(dir)) {
            await (0,promises_.mkdir)(dir, { recursive: true });
            this.madeDirs.add(dir);
        }
        const temp = (0,files/* tempPathFor */.FD)(target);
        try {
            await (0,promises_.writeFile)(temp, bytes, { flag: "wx" });
            await (0,promises_.rename)(temp, target);
        }
        catch (err) {
            await (0,promises_.rm)(temp, { force: true });
            throw err;
        }
    }
    /** Reads a small object once and checks it, for a push that sends the same bytes it verified. */
    async readForPush(oid) {
        let bytes;
        try {
            bytes = await (0,promises_.readFile)(this.pathOf(oid));
        }
        catch (err) {
            if (err.code === "ENOENT")
                return undefined;
            throw err;
        }
        return this.checkedForPush(oid, bytes);
    }
    /**
     * `readForPush` for an object known to be small: a blocking read of a few KiB costs a few
     * microseconds, the promise and thread-pool round trips of four async calls cost more than that.
     */
    readSmallForPush(oid) {
        let bytes;
        try {
            bytes = (0,external_node_fs_.readFileSync)(this.pathOf(oid));
        }
        catch (err) {
            if (err.code === "ENOENT")
                return undefined;
            throw err;
        }
        return this.checkedForPush(oid, bytes);
    }
    checkedForPush(oid, bytes) {
        const digest = hashBytes(bytes);
        if (digest !== digestOf(oid))
            throw corruptInCache(oid, digest);
        return bytes;
    }
    scratchReady = false;
    /** A scratch file name inside the store's file system, for downloads. */
    async scratchPath(oid) {
        const scratch = (0,external_node_path_.join)(this.root, "sha256", ".incoming");
        if (!this.scratchReady) {
            await (0,promises_.mkdir)(scratch, { recursive: true });
            this.scratchReady = true;
        }
        return (0,files/* tempPathFor */.FD)((0,external_node_path_.join)(scratch, oid));
    }
    /** Hashes (where the index cannot vouch) and stores every file of a tree, then its listing. */
    async addDirectory(dir, index, logger = log/* silentLogger */.qq) {
        return this.digestTree(dir, index, logger, true);
    }
    /** The tree's id as `addDirectory` would compute it, without writing to the store. */
    async statusOfDirectory(dir, index, logger = log/* silentLogger */.qq) {
        return this.digestTree(dir, index, logger, false);
    }
    async digestTree(dir, index, logger, store) {
        const known = index.knownFileCount(dir);
        const tree = await scanTree(dir, known === undefined ? {} : { expectedFiles: known });
        const { fingerprint } = tree;
        const memo = index.lookupTree(dir, fingerprint);
        // Same paths, sizes, mtimes and inodes as when the tree was last hashed: same id, nothing to read.
        if (memo && (!store || this.has(memo.oid))) {
            return { oid: memo.oid, size: memo.size, nfiles: memo.nfiles, hashed: 0 };
        }
        const { relpaths } = tree;
        const entries = [];
        let hashed = 0;
        let size = 0;
        const progress = logger.progress(store ? `adding ${dir}` : `checking ${dir}`, relpaths.length);
        // New small files are stored in bulk first (on two threads when there are many); the loop below
        // then only assembles the listing.
        const stored = new Map();
        if (store) {
            const fresh = [];
            for (const [i, relpath] of relpaths.entries()) {
                const st = statAt(tree, i);
                if (st && st.size <= smallFileLimit && index.lookup(`${dir}/${relpath}`, st) === undefined)
                    fresh.push(i);
            }
            const result = await storeManySmallFiles(this.root, fresh.map((i) => `${dir}/${relpaths[i]}`), (path) => {
                const bytes = (0,external_node_fs_.readFileSync)(path);
                const sha256 = hashBytes(bytes);
                this.putBytesSync(sha256, bytes);
                return sha256;
            });
            hashStats.filesHashed += result.filesElsewhere;
            hashStats.bytesHashed += result.bytesElsewhere;
            for (const [k, i] of fresh.entries())
                stored.set(i, result.shas[k]);
        }
        try {
            for (const [i, relpath] of relpaths.entries()) {
                const abs = `${dir}/${relpath}`;
                const st = statAt(tree, i);
                if (st === undefined) {
                    throw new errors/* MlopsError */.IC("conflict", `${abs} disappeared while ${dir} was being read`, {
                        hint: "run again once nothing else is writing to it",
                    });
                }
                const storedNow = stored.get(i);
                let sha256 = storedNow ?? index.lookup(abs, st);
                if (storedNow !== undefined) {
                    hashed += 1;
                    index.record(abs, st, storedNow);
                }
                else if (sha256 === undefined) {
                    hashed += 1;
                    if (st.size <= smallFileLimit) {
                        const bytes = (0,external_node_fs_.readFileSync)(abs);
                        sha256 = hashBytes(bytes);
                        if (store)
                            this.putBytesSync(sha256, bytes);
                    }
                    else {
                        sha256 = store ? (await this.copyInHashing(abs)).sha256 : (await hashFile(abs)).sha256;
                    }
                    index.record(abs, st, sha256);
                }
                else if (store && !this.has(sha256)) {
                    await this.addFile(abs);
                }
                if (sha256 === undefined)
                    throw new errors/* MlopsError */.IC("internal", `no hash for ${abs}`);
                entries.push({ relpath, sha256, size: Number(st.size) });
                size += Number(st.size);
                progress.tick();
            }
        }
        finally {
            progress.done();
        }
        // Entries were built with keys in listing order, so sorting them is all canonical form needs.
        sortEntries(entries);
        const listing = Buffer.from(JSON.stringify(entries));
        const oid = listingId(listing);
        // The listing goes in last: its presence promises that every file it names is stored too.
        if (store)
            this.putBytesSync(oid, listing);
        index.recordTree(dir, { fingerprint, oid, size, nfiles: entries.length });
        return { oid, size, nfiles: entries.length, hashed };
    }
    /** A single file's digest, read only when the index cannot vouch for it. */
    async statusOfFile(path, index) {
        const st = statOf(path);
        const known = index.lookup(path, st);
        if (known)
            return { sha256: known, size: Number(st.size), hashed: false };
        const digest = await hashFile(path);
        index.record(path, st, digest.sha256);
        return { ...digest, hashed: true };
    }
    /** The object's bytes, refused unless they hash to its id. */
    async readVerified(oid) {
        const bytes = await (0,promises_.readFile)(this.pathOf(oid)).catch((err) => {
            if (err.code === "ENOENT")
                throw new errors/* MlopsError */.IC("not-found", `object ${oid} is not in the cache`, { field: oid });
            throw err;
        });
        const actual = hashBytes(bytes);
        if (actual !== digestOf(oid))
            throw corruptObject(oid, actual, "the cache");
        return bytes;
    }
    async readDirListing(oid) {
        return parseListing(await this.readVerified(oid), oid);
    }
    /** Hashes the stored object again. */
    async verify(oid) {
        const path = this.pathOf(oid);
        if (!(0,external_node_fs_.existsSync)(path))
            return { ok: false, missing: true };
        const { sha256 } = await hashFile(path);
        return sha256 === digestOf(oid) ? { ok: true } : { ok: false, actual: sha256 };
    }
    /**
     * Copies an object out to `dest`, verifying the bytes on the way; `dest` appears whole or not at all.
     * With `within` (the repository root), a destination whose real path leaves it is refused first.
     */
    async checkoutFile(oid, dest, index, within) {
        if (within !== undefined)
            assertWriteInside(within, dest);
        const source = this.pathOf(oid);
        if (!(0,external_node_fs_.existsSync)(source)) {
            throw new errors/* MlopsError */.IC("not-found", `object ${oid} is not in the cache`, {
                field: oid,
                hint: "run `mlops data pull` to fetch it from the remote or its recorded source",
            });
        }
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(dest), { recursive: true });
        const temp = (0,files/* tempPathFor */.FD)(dest);
        try {
            const size = (await (0,promises_.stat)(source)).size;
            let actual;
            if (size <= smallFileLimit) {
                const bytes = (0,external_node_fs_.readFileSync)(source);
                actual = hashBytes(bytes);
                if (actual === oid)
                    (0,external_node_fs_.writeFileSync)(temp, bytes, { flag: "wx" });
            }
            else {
                actual = (await copyHashing(source, temp)).sha256;
            }
            if (actual !== oid)
                throw corruptObject(oid, actual, "the cache");
            await (0,promises_.rename)(temp, dest);
        }
        catch (err) {
            await (0,promises_.rm)(temp, { force: true });
            throw err;
        }
        index?.record(dest, statOf(dest), oid);
    }
    /**
     * Makes `destDir` hold exactly the tree `oid` names: files already matching (by the index or by
     * hash) stay, others are written verified, and files not in the listing are removed.
     */
    async checkoutDirectory(oid, destDir, index, logger = log/* silentLogger */.qq, within) {
        const entries = await this.readDirListing(oid);
        // The directory itself first: a symlink to elsewhere would have its files removed and replaced.
        if (within !== undefined)
            assertWriteInside(within, destDir);
        if (entries.length >= bulkCheckoutThreshold && !(0,external_node_fs_.existsSync)(destDir)) {
            return this.checkoutFreshDirectory(entries, destDir, index, logger);
        }
        const wanted = new Set(entries.map((e) => e.relpath));
        const result = { written: 0, unchanged: 0, removed: 0 };
        const present = (0,external_node_fs_.existsSync)(destDir) ? walkFiles(destDir) : [];
        for (const relpath of present) {
            if (!wanted.has(relpath)) {
                await (0,promises_.rm)((0,external_node_path_.join)(destDir, relpath), { force: true });
                result.removed += 1;
            }
        }
        const progress = logger.progress(`checking out ${destDir}`, entries.length);
        try {
            for (const entry of entries) {
                const dest = (0,external_node_path_.join)(destDir, entry.relpath);
                if ((0,external_node_fs_.existsSync)(dest) && index.lookup(dest, statOf(dest)) === entry.sha256) {
                    result.unchanged += 1;
                }
                else {
                    await this.checkoutFile(entry.sha256, dest, index, within);
                    result.written += 1;
                }
                progress.tick();
            }
        }
        finally {
            progress.done();
        }
        return result;
    }
    /**
     * Builds a tree that does not exist yet inside a temp directory beside it and renames that into
     * place once every file is in and verified: the tree appears whole or not at all, so its files need
     * no temp name and rename each, and nothing inside it can be a symbolic link leading elsewhere.
     */
    async checkoutFreshDirectory(entries, destDir, index, logger) {
        const temp = (0,files/* tempPathFor */.FD)(destDir);
        const progress = logger.progress(`checking out ${destDir}`, entries.length);
        const small = entries.filter((e) => e.size <= smallFileLimit);
        const large = entries.filter((e) => e.size > smallFileLimit);
        let stats;
        try {
            await (0,promises_.mkdir)(temp, { recursive: true });
            const outcome = await copyVerifiedMany(small.map((e) => ({ src: this.pathOf(e.sha256), dest: (0,external_node_path_.join)(temp, e.relpath), sha256: e.sha256 })), { atomic: false, stats: true });
            const failed = outcome.failure;
            if (failed) {
                const oid = small[failed.index].sha256;
                if (failed.kind === "corrupt")
                    throw corruptObject(oid, failed.actual ?? "", "the cache");
                if (failed.kind === "missing") {
                    throw new errors/* MlopsError */.IC("not-found", `object ${oid} is not in the cache`, {
                        field: oid,
                        hint: "run `mlops data pull` to fetch it from the remote or its recorded source",
                    });
                }
                throw new errors/* MlopsError */.IC("internal", `could not check ${oid} out into ${destDir}: ${failed.message}`, {
                    field: oid,
                });
            }
            stats = outcome.stats;
            progress.tick(small.length);
            for (const entry of large) {
                await this.checkoutFile(entry.sha256, (0,external_node_path_.join)(temp, entry.relpath));
                progress.tick();
            }
            await (0,promises_.rename)(temp, destDir);
        }
        catch (err) {
            await (0,promises_.rm)(temp, { recursive: true, force: true });
            throw err;
        }
        finally {
            progress.done();
        }
        // The rename kept every file's inode and mtime, so what the copy measured is what the index keys on.
        for (const [i, entry] of small.entries()) {
            const at = i * 3;
            const st = { size: stats?.[at] ?? 0, mtimeMs: stats?.[at + 1] ?? 0, ino: stats?.[at + 2] ?? 0 };
            index.record((0,external_node_path_.join)(destDir, entry.relpath), st, entry.sha256);
        }
        for (const entry of large) {
            const dest = (0,external_node_path_.join)(destDir, entry.relpath);
            index.record(dest, statOf(dest), entry.sha256);
        }
        return { written: entries.length, unchanged: 0, removed: 0 };
    }
    /** Every object in the store (temp files and scratch space are not objects). */
    listObjects() {
        const base = (0,external_node_path_.join)(this.root, "sha256");
        if (!(0,external_node_fs_.existsSync)(base))
            return [];
        const out = [];
        for (const prefix of (0,external_node_fs_.readdirSync)(base)) {
            if (!/^[0-9a-f]{2}$/.test(prefix))
                continue;
            for (const rest of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(base, prefix))) {
                if ((0,files/* isTempName */.Gs)(rest))
                    continue;
                const oid = prefix + rest;
                if (isObjectId(oid))
                    out.push(oid);
            }
        }
        return out.sort();
    }
    async remove(oid) {
        await (0,promises_.rm)(this.pathOf(oid), { force: true });
    }
    /** Leftovers of killed writes: temp files are never objects, so removing them is always safe. */
    async removeLeftovers() {
        const base = (0,external_node_path_.join)(this.root, "sha256");
        if (!(0,external_node_fs_.existsSync)(base))
            return 0;
        let removed = 0;
        for (const sub of (0,external_node_fs_.readdirSync)(base)) {
            const dir = (0,external_node_path_.join)(base, sub);
            // A fan-out directory a killed bulk copy was filling under a temp name (copy-many.ts).
            if ((0,files/* isTempName */.Gs)(sub)) {
                await (0,promises_.rm)(dir, { recursive: true, force: true });
                removed += 1;
                continue;
            }
            for (const name of (0,external_node_fs_.readdirSync)(dir)) {
                if ((0,files/* isTempName */.Gs)(name)) {
                    await (0,promises_.rm)((0,external_node_path_.join)(dir, name), { force: true });
                    removed += 1;
                }
            }
        }
        return removed;
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/git/index.js + 2 modules
var git = __webpack_require__(1865);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/repo/index.js + 1 modules
var repo = __webpack_require__(1196);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/record-path.js

/** Record paths are the one shape the run cache writes (`runs/ab/<key>.json`); anything else is a bug. */
function checkRecordPath(relPath) {
    if (!/^[a-z]+\/[0-9a-f]{2}\/[0-9a-f]{64}\.json$/.test(relPath)) {
        throw new errors/* MlopsError */.IC("internal", `not a record path: ${relPath}`);
    }
    return relPath;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/git-branch-remote.js












const gitBranchScheme = "git-branch:";
/**
 * GitHub refuses a push holding a file over 100 MiB
 * (https://docs.github.com/en/repositories/working-with-files/managing-large-files/about-large-files-on-github),
 * so such an object is refused before anything is sent. `MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES` lowers
 * (or, for a git server without that rule, raises) it.
 */
const defaultMaxObjectBytes = 100 * 1024 * 1024;
/** GitHub refuses a push over 2 GiB; objects are split across commits well below that. */
const maxBatchBytes = 1024 * 1024 * 1024;
/** A racing writer makes our push non-fast-forward; each retry starts from the tip it pushed. */
const maxPushAttempts = 6;
const tipRef = "refs/mlops/tip";
const emptyBlobLine = "0 0000000000000000000000000000000000000000";
const identity = {
    GIT_AUTHOR_NAME: "mlops",
    GIT_AUTHOR_EMAIL: "mlops@localhost",
    GIT_COMMITTER_NAME: "mlops",
    GIT_COMMITTER_EMAIL: "mlops@localhost",
};
/**
 * `git-branch:BRANCH` (a branch of the repository's `origin`) or `git-branch:BRANCH@GIT-URL` (a
 * branch of any git URL or path; a relative path is taken from the repository root). BRANCH cannot
 * contain `@`, so the first `@` always ends it.
 */
function parseGitBranchUrl(name, url, repoRoot) {
    const rest = url.slice(gitBranchScheme.length);
    const at = rest.indexOf("@");
    const branch = at < 0 ? rest : rest.slice(0, at);
    const location = at < 0 ? undefined : rest.slice(at + 1);
    if (!isPlainBranchName(branch) || location === "") {
        const expected = "git-branch:BRANCH or git-branch:BRANCH@GIT-URL, BRANCH made of letters, digits, '.', '_', '-' and '/'";
        throw new errors/* MlopsError */.IC("usage", `remote '${name}': '${url}' is not a git-branch remote: expected ${expected}`, {
            field: `remotes.${name}.url`,
            expected,
            got: url,
        });
    }
    return { branch, gitUrl: location === undefined ? undefined : absoluteGitUrl(location, repoRoot) };
}
/** A safe subset of git's ref-name rules: enough for an objects branch, and never an option. */
function isPlainBranchName(branch) {
    return (/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(branch) &&
        !branch.includes("..") &&
        !branch.includes("//") &&
        !branch.endsWith("/") &&
        !branch.endsWith(".") &&
        !branch.endsWith(".lock"));
}
/** URLs (`scheme://`, scp-like `user@host:path`) pass unchanged; a path is made absolute. */
function absoluteGitUrl(location, base) {
    if (location.includes("://") || /^[^/]+:/.test(location))
        return location;
    return (0,external_node_path_.isAbsolute)(location) ? location : (0,external_node_path_.resolve)(base, location);
}
function openGitBranchRemote(spec, repoRoot, env) {
    const { branch, gitUrl } = parseGitBranchUrl(spec.name, spec.url, repoRoot);
    const limitText = env.MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES?.trim();
    const maxObjectBytes = limitText ? Number(limitText) : defaultMaxObjectBytes;
    if (!Number.isSafeInteger(maxObjectBytes) || maxObjectBytes < 1) {
        throw new errors/* MlopsError */.IC("usage", "MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES must be a positive whole number of bytes", {
            got: limitText,
        });
    }
    const token = env.MLOPS_GIT_TOKEN || env.GITHUB_TOKEN || undefined;
    return new GitBranchRemote(spec.name, spec.url, {
        branch,
        gitUrl,
        repoRoot,
        mirrorDir: (0,external_node_path_.join)((0,repo.repoLayout)(repoRoot).stateDir, "git-branch", `${spec.name}.git`),
        maxObjectBytes,
        ...(token ? { token } : {}),
    });
}
function formatSize(bytes) {
    if (bytes < 1024)
        return `${bytes} bytes`;
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
/** The cache's layout with git's separators, whatever the platform's. */
function objectPath(oid) {
    return `sha256/${oid.slice(0, 2)}/${oid.slice(2)}`;
}
/**
 * Objects kept as files on a dedicated orphan branch of a git repository, laid out like the cache,
 * run-cache records at their record paths. Reachable with nothing but a workflow token that may push
 * (contents: write), and `actions/checkout` fetches only the ref it checks out, so clones of the
 * project never download it.
 *
 * Writes are staged in a private bare mirror and published by `flush()` as one commit on top of the
 * fetched tip; a racing writer makes that push non-fast-forward, and the loser fetches, re-applies
 * its changes to the new tip and pushes again.
 */
class GitBranchRemote {
    name;
    url;
    settings;
    snapshotPromise;
    mirrorPromise;
    targetPromise;
    staged = new Map();
    flushing = Promise.resolve();
    constructor(name, url, settings) {
        this.name = name;
        this.url = url;
        this.settings = settings;
    }
    async has(oids) {
        const snapshot = await this.snapshot();
        return new Set(oids.filter((oid) => this.blobAt(snapshot, objectPath(oid)) !== undefined));
    }
    async list() {
        const snapshot = await this.snapshot();
        const paths = new Set([...snapshot.files.keys(), ...this.staged.keys()]);
        const out = [];
        for (const path of paths) {
            const match = /^sha256\/([0-9a-f]{2})\/([^/]+)$/.exec(path);
            if (!match)
                continue;
            const oid = `${match[1]}${match[2]}`;
            if (isObjectId(oid) && this.blobAt(snapshot, path) !== undefined)
                out.push(oid);
        }
        return out.sort();
    }
    async upload(oid, srcPath) {
        const { size } = await (0,promises_.stat)(srcPath);
        if (size > this.settings.maxObjectBytes) {
            throw new errors/* MlopsError */.IC("refused", `object ${oid} is ${formatSize(size)}, over the ${formatSize(this.settings.maxObjectBytes)} a file may have on the git-branch remote '${this.name}' (GitHub refuses pushes of files over 100 MiB)`, {
                field: oid,
                hint: "keep large data on a directory remote (`mlops remote add NAME PATH --default`); MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES sets this limit for other git servers",
            });
        }
        const mirror = await this.mirror();
        const blob = (await (0,git/* git */.$Y)(["--git-dir", mirror, "hash-object", "-w", "--no-filters", "--", srcPath], { cwd: mirror })).trim();
        this.staged.set(objectPath(oid), { blob, size });
    }
    /**
     * Hashes many objects into the mirror with one `git hash-object --stdin-paths` instead of a
     * process each; staged like `upload`, so nothing is visible before `flush`.
     */
    async uploadMany(items) {
        const batch = [];
        for (const { oid, srcPath } of items) {
            const { size } = await (0,promises_.stat)(srcPath);
            // The one-object path refuses an object over the limit, saying why; and a path holding a
            // newline cannot go on a line of --stdin-paths.
            if (size > this.settings.maxObjectBytes || srcPath.includes("\n"))
                await this.upload(oid, srcPath);
            else
                batch.push({ oid, srcPath, size });
        }
        if (batch.length === 0)
            return;
        const mirror = await this.mirror();
        const out = await (0,git/* git */.$Y)(["--git-dir", mirror, "hash-object", "-w", "--no-filters", "--stdin-paths"], {
            cwd: mirror,
            input: Buffer.from(`${batch.map((i) => i.srcPath).join("\n")}\n`),
        });
        const blobs = out.split("\n").filter((line) => line !== "");
        if (blobs.length !== batch.length) {
            throw new errors/* MlopsError */.IC("remote", `git hash-object answered ${blobs.length} ids for ${batch.length} objects on remote '${this.name}'`);
        }
        for (const [i, { oid, size }] of batch.entries()) {
            this.staged.set(objectPath(oid), { blob: blobs[i], size });
        }
    }
    /** Many small objects' bytes through one `git cat-file --batch`; the caller verifies each. */
    async downloadManyBytes(oids) {
        const snapshot = await this.snapshot();
        const blobs = oids.map((oid) => {
            const blob = this.blobAt(snapshot, objectPath(oid));
            if (blob === undefined) {
                throw new errors/* MlopsError */.IC("not-found", `object ${oid} is not on remote '${this.name}' (${this.url})`, {
                    field: oid,
                });
            }
            return blob;
        });
        const mirror = await this.mirror();
        const contents = await (0,git/* readBlobs */.b4)(mirror, blobs);
        const out = new Map();
        for (const [i, oid] of oids.entries()) {
            const bytes = contents.get(blobs[i]);
            if (bytes === undefined) {
                throw new errors/* MlopsError */.IC("remote", `object ${oid} could not be read from remote '${this.name}' (${this.url})`, {
                    field: oid,
                });
            }
            out.set(oid, bytes);
        }
        return out;
    }
    async download(oid, destPath) {
        const blob = this.blobAt(await this.snapshot(), objectPath(oid));
        if (blob === undefined) {
            throw new errors/* MlopsError */.IC("not-found", `object ${oid} is not on remote '${this.name}' (${this.url})`, {
                field: oid,
            });
        }
        await this.catBlobToFile(blob, destPath, oid);
    }
    async remove(oid) {
        const path = objectPath(oid);
        const snapshot = await this.snapshot();
        if (snapshot.files.has(path))
            this.staged.set(path, null);
        else
            this.staged.delete(path);
    }
    async readRecord(relPath) {
        const blob = this.blobAt(await this.snapshot(), checkRecordPath(relPath));
        if (blob === undefined)
            return undefined;
        const mirror = await this.mirror();
        return (await (0,git/* gitRaw */.Pm)(["--git-dir", mirror, "cat-file", "blob", blob], { cwd: mirror })).stdout;
    }
    async writeRecord(relPath, bytes) {
        const path = checkRecordPath(relPath);
        const snapshot = await this.snapshot();
        const mirror = await this.mirror();
        const blob = (await (0,git/* git */.$Y)(["--git-dir", mirror, "hash-object", "-w", "--stdin"], {
            cwd: mirror,
            input: Buffer.from(bytes),
        })).trim();
        // An unchanged record stages nothing, so pushing the same runs again makes no commit.
        if (this.blobAt(snapshot, path) === blob)
            return;
        this.staged.set(path, { blob, size: bytes.byteLength });
    }
    /** Publishes everything staged: one commit per batch (usually one in all), none when nothing changed. */
    flush() {
        const next = this.flushing.then(() => this.flushStaged());
        this.flushing = next.catch(() => { });
        return next;
    }
    async flushStaged() {
        for (const batch of this.batches())
            await this.publish(batch);
    }
    /**
     * Removals first, then objects in the order they were staged, records last: a run-cache record
     * never lands in a commit before the outputs it names.
     */
    batches() {
        const changes = [...this.staged.entries()];
        const ordered = [
            ...changes.filter(([, change]) => change === null),
            ...changes.filter(([path, change]) => change !== null && path.startsWith("sha256/")),
            ...changes.filter(([path, change]) => change !== null && !path.startsWith("sha256/")),
        ];
        const out = [];
        let current = [];
        let bytes = 0;
        for (const entry of ordered) {
            const size = entry[1]?.size ?? 0;
            if (current.length > 0 && bytes + size > maxBatchBytes) {
                out.push(current);
                current = [];
                bytes = 0;
            }
            current.push(entry);
            bytes += size;
        }
        if (current.length > 0)
            out.push(current);
        return out;
    }
    async publish(changes) {
        const mirror = await this.mirror();
        const { url, env } = await this.target();
        let lastRefusal = "";
        for (let attempt = 1; attempt <= maxPushAttempts; attempt++) {
            const base = await this.snapshot();
            const tree = await this.buildTree(base, changes);
            if (tree === base.tree) {
                // Everything is already there (someone pushed the same objects): nothing to commit.
                this.settle(changes, base, base.commit, tree);
                return;
            }
            const commit = (await (0,git/* git */.$Y)(["--git-dir", mirror, "commit-tree", tree, ...(base.commit ? ["-p", base.commit] : [])], {
                cwd: mirror,
                input: commitMessage(changes),
                env: identity,
            })).trim();
            const result = await (0,git/* gitCapture */.RL)(["--git-dir", mirror, "push", "--porcelain", url, `${commit}:refs/heads/${this.settings.branch}`], { cwd: mirror, env });
            if (result.code === 0) {
                await (0,git/* git */.$Y)(["--git-dir", mirror, "update-ref", tipRef, commit], { cwd: mirror });
                this.settle(changes, base, commit, tree);
                return;
            }
            const refusal = result.stdout.split("\n").find((line) => line.startsWith("!"));
            if (!refusal ||
                !/fetch first|non-fast-forward|stale info|failed to (update|lock)|cannot lock|expected/.test(refusal)) {
                throw new errors/* MlopsError */.IC("remote", `could not push to branch '${this.settings.branch}' of ${this.describeTarget(url)} for remote '${this.name}': ${(0,git/* gitStderrTail */.jP)(refusal ?? result.stderr)}`, {
                    hint: this.settings.token
                        ? "check that the token may push (a workflow needs `permissions: contents: write`)"
                        : "for an HTTPS remote, set MLOPS_GIT_TOKEN or GITHUB_TOKEN, or configure git credentials",
                });
            }
            lastRefusal = refusal;
            // Someone else moved the branch: take their tip and re-apply our changes on top of it.
            this.snapshotPromise = this.fetchSnapshot();
            await (0,external_node_timers_promises_.setTimeout)(50 * attempt + Math.floor(Math.random() * 100));
        }
        throw new errors/* MlopsError */.IC("conflict", `could not push to branch '${this.settings.branch}' for remote '${this.name}': it kept moving (${maxPushAttempts} attempts; last: ${lastRefusal.trim()})`, { hint: "run the push again" });
    }
    /** After a publish: the branch now holds these changes, so they are no longer staged. */
    settle(changes, base, commit, tree) {
        const files = new Map(base.files);
        for (const [path, change] of changes) {
            if (change === null)
                files.delete(path);
            else
                files.set(path, change.blob);
            if (this.staged.get(path) === change)
                this.staged.delete(path);
        }
        this.snapshotPromise = Promise.resolve({ commit, tree, files });
    }
    /** Applies `changes` to `base`'s tree in a private index, so the staging never touches a work tree. */
    async buildTree(base, changes) {
        const mirror = await this.mirror();
        const index = (0,external_node_path_.join)(mirror, `mlops-index-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`);
        const env = { GIT_INDEX_FILE: index };
        try {
            await (0,git/* git */.$Y)(["--git-dir", mirror, "read-tree", ...(base.tree ? [base.tree] : ["--empty"])], {
                cwd: mirror,
                env,
            });
            const lines = changes.map(([path, change]) => change === null ? `${emptyBlobLine}\t${path}` : `100644 blob ${change.blob}\t${path}`);
            await (0,git/* git */.$Y)(["--git-dir", mirror, "update-index", "--index-info"], {
                cwd: mirror,
                env,
                input: `${lines.join("\n")}\n`,
            });
            return (await (0,git/* git */.$Y)(["--git-dir", mirror, "write-tree"], { cwd: mirror, env })).trim();
        }
        finally {
            await (0,promises_.rm)(index, { force: true });
        }
    }
    blobAt(snapshot, path) {
        if (this.staged.has(path))
            return this.staged.get(path)?.blob;
        return snapshot.files.get(path);
    }
    snapshot() {
        this.snapshotPromise ??= this.fetchSnapshot();
        return this.snapshotPromise;
    }
    /** Fetches only the branch's tip (depth 1: old commits hold nothing the tip lacks but removed objects). */
    async fetchSnapshot() {
        // The committed config names origin's branch; a clone with no origin (a scratch copy, a git
        // worktree) has had nothing pushed, so it reads as empty, and pull falls back to each dataset's
        // recorded source. Writing still needs the origin (publish asks for its URL and says so).
        if (this.settings.gitUrl === undefined && !(await this.hasOrigin())) {
            return { commit: undefined, tree: undefined, files: new Map() };
        }
        const mirror = await this.mirror();
        const { url, env } = await this.target();
        const fetched = await (0,git/* gitCapture */.RL)([
            "--git-dir",
            mirror,
            "fetch",
            "--quiet",
            "--no-tags",
            "--depth=1",
            url,
            `+refs/heads/${this.settings.branch}:${tipRef}`,
        ], { cwd: mirror, env });
        if (fetched.code !== 0) {
            if (/couldn't find remote ref/i.test(fetched.stderr)) {
                // No branch yet: the first flush creates it as an orphan.
                await (0,git/* gitRaw */.Pm)(["--git-dir", mirror, "update-ref", "-d", tipRef], { cwd: mirror, okCodes: [1] });
                return { commit: undefined, tree: undefined, files: new Map() };
            }
            throw new errors/* MlopsError */.IC("remote", `could not fetch branch '${this.settings.branch}' of ${this.describeTarget(url)} for remote '${this.name}': ${(0,git/* gitStderrTail */.jP)(fetched.stderr)}`, {
                hint: this.settings.token
                    ? "check the token and the repository URL"
                    : "for an HTTPS remote, set MLOPS_GIT_TOKEN or GITHUB_TOKEN, or configure git credentials",
            });
        }
        const commit = (await (0,git/* git */.$Y)(["--git-dir", mirror, "rev-parse", `${tipRef}^{commit}`], { cwd: mirror })).trim();
        const tree = (await (0,git/* git */.$Y)(["--git-dir", mirror, "rev-parse", `${commit}^{tree}`], { cwd: mirror })).trim();
        const listing = await (0,git/* git */.$Y)(["--git-dir", mirror, "ls-tree", "-r", "-z", "--full-tree", tree], {
            cwd: mirror,
        });
        const files = new Map();
        for (const record of listing.split("\0")) {
            const tab = record.indexOf("\t");
            if (tab < 0)
                continue;
            const [, type, blob] = record.slice(0, tab).split(" ");
            if (type === "blob" && blob)
                files.set(record.slice(tab + 1), blob);
        }
        return { commit, tree, files };
    }
    mirror() {
        this.mirrorPromise ??= (async () => {
            const dir = this.settings.mirrorDir;
            if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, "HEAD"))) {
                await (0,promises_.mkdir)(dir, { recursive: true });
                await (0,git/* git */.$Y)(["init", "--quiet", "--bare", dir], { cwd: dir });
            }
            return dir;
        })();
        return this.mirrorPromise;
    }
    /**
     * The URL and the environment to reach it with. A token (MLOPS_GIT_TOKEN / GITHUB_TOKEN) goes the
     * registry's way; without one, the mirror borrows the work tree's `http.*.extraheader` settings,
     * which is where `actions/checkout` keeps the workflow token, since the mirror has no config of its own.
     */
    target() {
        this.targetPromise ??= (async () => {
            const url = this.settings.gitUrl ?? (await this.originUrl());
            const isHttp = /^https?:\/\//i.test(url);
            if (this.settings.token && isHttp)
                return { url, env: (0,git/* remoteEnv */._D)({ remote: url, token: this.settings.token }) };
            const env = { ...(0,git/* remoteEnv */._D)({ remote: url }), ...(await this.borrowedHeaders()) };
            return { url, env };
        })();
        return this.targetPromise;
    }
    async hasOrigin() {
        const result = await (0,git/* gitCapture */.RL)(["remote", "get-url", "origin"], { cwd: this.settings.repoRoot });
        return result.code === 0 && result.stdout.trim() !== "";
    }
    async originUrl() {
        const result = await (0,git/* gitCapture */.RL)(["remote", "get-url", "origin"], { cwd: this.settings.repoRoot });
        const url = result.stdout.trim();
        if (result.code !== 0 || !url) {
            throw new errors/* MlopsError */.IC("not-found", `remote '${this.name}' (${this.url}) uses the repository's 'origin', and ${this.settings.repoRoot} has none`, { hint: `name the repository: git-branch:${this.settings.branch}@URL` });
        }
        return absoluteGitUrl(url, this.settings.repoRoot);
    }
    async borrowedHeaders() {
        const result = await (0,git/* gitRaw */.Pm)(["config", "--local", "--includes", "--null", "--get-regexp", "^http\\..*extraheader$"], { cwd: this.settings.repoRoot, okCodes: [1, 128] });
        if (result.code !== 0)
            return {};
        const env = {};
        let count = 0;
        for (const item of result.stdout.toString("utf8").split("\0")) {
            const newline = item.indexOf("\n");
            if (newline < 0)
                continue;
            env[`GIT_CONFIG_KEY_${count}`] = item.slice(0, newline);
            env[`GIT_CONFIG_VALUE_${count}`] = item.slice(newline + 1);
            count++;
        }
        if (count > 0)
            env.GIT_CONFIG_COUNT = String(count);
        return env;
    }
    /** Credentials never belong in a message: strip any `user:pass@` from a URL before showing it. */
    describeTarget(url) {
        return url.replace(/\/\/[^/@]*@/, "//");
    }
    /**
     * Streams the blob into `destPath`: objects run to 100 MiB and several download at once, so they
     * are not held in memory as the git wrapper's captured output would be.
     */
    async catBlobToFile(blob, destPath, oid) {
        const mirror = await this.mirror();
        const child = (0,external_node_child_process_.spawn)("git", ["--git-dir", mirror, "cat-file", "blob", blob], {
            cwd: mirror,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr.on("data", (chunk) => {
            stderr += chunk.toString("utf8");
        });
        const exited = new Promise((resolveExit, reject) => {
            child.on("error", reject);
            child.on("close", (code) => resolveExit(code ?? 1));
        });
        try {
            const [, code] = await Promise.all([(0,external_node_stream_promises_.pipeline)(child.stdout, (0,external_node_fs_.createWriteStream)(destPath)), exited]);
            if (code !== 0)
                throw new Error((0,git/* gitStderrTail */.jP)(stderr));
        }
        catch (err) {
            throw new errors/* MlopsError */.IC("remote", `object ${oid} could not be read from remote '${this.name}' (${this.url})`, {
                cause: err,
                field: oid,
            });
        }
    }
}
function commitMessage(changes) {
    const objects = changes.filter(([path, change]) => change !== null && path.startsWith("sha256/")).length;
    const records = changes.filter(([path, change]) => change !== null && !path.startsWith("sha256/")).length;
    const removed = changes.filter(([, change]) => change === null).length;
    const parts = [
        objects ? `${objects} object(s)` : "",
        records ? `${records} record(s)` : "",
        removed ? `${removed} removal(s)` : "",
    ].filter(Boolean);
    return `mlops: ${parts.join(", ")}\n`;
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/remote.js







/** From this many objects on, `has` lists prefix directories instead of looking each object up. */
const listingThreshold = 64;
/** A directory on a local or mounted file system, laid out like the cache. */
class LocalRemote {
    name;
    url;
    root;
    objectsDir;
    constructor(name, url, root) {
        this.name = name;
        this.url = url;
        this.root = root;
        this.objectsDir = (0,external_node_path_.join)(root, "sha256");
    }
    pathOf(oid) {
        return objectPathIn(this.objectsDir, oid);
    }
    localReadPath(oid) {
        return this.pathOf(oid);
    }
    localWritePath(oid) {
        return this.pathOf(oid);
    }
    recordPath(relPath) {
        return (0,external_node_path_.join)(this.root, checkRecordPath(relPath));
    }
    async readRecord(relPath) {
        const path = this.recordPath(relPath);
        return (0,external_node_fs_.existsSync)(path) ? (0,promises_.readFile)(path) : undefined;
    }
    async writeRecord(relPath, bytes) {
        const target = this.recordPath(relPath);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
        const temp = (0,files/* tempPathFor */.FD)(target);
        try {
            await (0,promises_.writeFile)(temp, bytes);
            await (0,promises_.rename)(temp, target);
        }
        catch (err) {
            await (0,promises_.rm)(temp, { force: true });
            throw new errors/* MlopsError */.IC("remote", `could not write ${relPath} to remote '${this.name}' (${this.url})`, {
                cause: err,
            });
        }
    }
    /**
     * Asks the file system once per object for a few, and reads each prefix directory once for many:
     * 10,000 objects spread over at most 256 directories, so a listing costs a fraction of the lookups.
     */
    async has(oids) {
        if (oids.length < listingThreshold)
            return new Set(oids.filter((oid) => (0,external_node_fs_.existsSync)(this.pathOf(oid))));
        const byPrefix = new Map();
        for (const oid of oids) {
            const prefix = oid.slice(0, 2);
            const group = byPrefix.get(prefix);
            if (group)
                group.push(oid);
            else
                byPrefix.set(prefix, [oid]);
        }
        const present = new Set();
        try {
            // Which prefix directories exist, first: a fresh remote answers with one call, not 256
            // that each fail. Synchronous: a few hundred small listings cost less than their promises.
            const base = this.objectsDir;
            const prefixes = new Set((0,external_node_fs_.existsSync)(base) ? (0,external_node_fs_.readdirSync)(base) : []);
            for (const [prefix, group] of byPrefix) {
                if (!prefixes.has(prefix))
                    continue;
                const names = new Set((0,external_node_fs_.readdirSync)((0,external_node_path_.join)(base, prefix)));
                for (const oid of group)
                    if (names.has(oid.slice(2)))
                        present.add(oid);
            }
        }
        catch (err) {
            // Removed meanwhile (a gc): asked again one at a time.
            if (err.code === "ENOENT")
                return new Set(oids.filter((oid) => (0,external_node_fs_.existsSync)(this.pathOf(oid))));
            throw new errors/* MlopsError */.IC("remote", `could not list remote '${this.name}' (${this.url})`, { cause: err });
        }
        return present;
    }
    async list() {
        const base = (0,external_node_path_.join)(this.root, "sha256");
        if (!(0,external_node_fs_.existsSync)(base))
            return [];
        const out = [];
        for (const prefix of (0,external_node_fs_.readdirSync)(base)) {
            if (!/^[0-9a-f]{2}$/.test(prefix))
                continue;
            for (const rest of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(base, prefix))) {
                if (!(0,files/* isTempName */.Gs)(rest) && isObjectId(prefix + rest))
                    out.push(prefix + rest);
            }
        }
        return out.sort();
    }
    madeDirs = new Set();
    async ensureDir(dir) {
        if (this.madeDirs.has(dir))
            return;
        await (0,promises_.mkdir)(dir, { recursive: true });
        this.madeDirs.add(dir);
    }
    async uploadBytes(oid, bytes) {
        await this.place(oid, (temp) => (0,promises_.writeFile)(temp, bytes, { flag: "wx" }));
    }
    /** Writes an object under a temporary name and renames it into place, so it appears whole or not at all. */
    async place(oid, write) {
        const target = this.pathOf(oid);
        await this.ensureDir((0,external_node_path_.dirname)(target));
        const temp = (0,files/* tempPathFor */.FD)(target);
        try {
            await write(temp);
            await (0,promises_.rename)(temp, target);
        }
        catch (err) {
            await (0,promises_.rm)(temp, { force: true });
            throw new errors/* MlopsError */.IC("remote", `could not upload ${oid} to remote '${this.name}' (${this.url})`, {
                cause: err,
                field: oid,
            });
        }
    }
    async downloadBytes(oid) {
        try {
            return await (0,promises_.readFile)(this.pathOf(oid));
        }
        catch (err) {
            const missing = err.code === "ENOENT";
            throw new errors/* MlopsError */.IC(missing ? "not-found" : "remote", `object ${oid} ${missing ? "is not on" : "could not be read from"} remote '${this.name}' (${this.url})`, { cause: err, field: oid });
        }
    }
    async upload(oid, srcPath) {
        await this.place(oid, (temp) => (0,promises_.copyFile)(srcPath, temp));
    }
    async download(oid, destPath) {
        try {
            await (0,promises_.copyFile)(this.pathOf(oid), destPath);
        }
        catch (err) {
            const missing = err.code === "ENOENT";
            throw new errors/* MlopsError */.IC(missing ? "not-found" : "remote", `object ${oid} ${missing ? "is not on" : "could not be read from"} remote '${this.name}' (${this.url})`, {
                cause: err,
                field: oid,
            });
        }
    }
    async remove(oid) {
        await (0,promises_.rm)(this.pathOf(oid), { force: true });
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/s3-client.js

const s3Scheme = "s3://";
/**
 * Bucket names follow S3's rules for new buckets (3–63 characters of lowercase letters, digits,
 * '.' and '-', starting and ending with a letter or digit); the prefix may not climb (`..`) or
 * hold empty segments, so a key is always `prefix + relative path`.
 */
function parseS3Url(url) {
    if (!url.startsWith(s3Scheme))
        return undefined;
    const rest = url.slice(s3Scheme.length);
    const slash = rest.indexOf("/");
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const path = slash < 0 ? "" : rest.slice(slash + 1);
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes(".."))
        return undefined;
    const segments = path.split("/").filter((s, i, all) => !(s === "" && i === all.length - 1));
    if (path !== "" && segments.some((s) => s === "" || s === "." || s === ".." || /[\\\0]/.test(s)))
        return undefined;
    return { bucket, prefix: path === "" ? "" : `${segments.join("/")}/` };
}
const s3UrlExpected = "s3://BUCKET or s3://BUCKET/PREFIX (BUCKET: 3-63 lowercase letters, digits, '.' or '-')";
/**
 * The SDK's own client with its standard credential chain (environment, shared config and
 * profiles, the web-identity token file an OIDC role provides, container and instance metadata):
 * nothing here reads or stores a secret. Loaded on first use so commands that never touch S3 do
 * not pay for the SDK's import.
 */
async function createS3Client(location, options = {}) {
    const { S3Client: Client } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
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
    client.middlewareStack.add((next) => async (args) => {
        const headers = args.request.headers;
        const checksum = headers?.[sha256ChecksumHeader];
        if (headers && checksum && headers[payloadHashHeader] === undefined)
            headers[payloadHashHeader] = Buffer.from(checksum, "base64").toString("hex");
        return next(args);
    }, { step: "build", name: "mlopsSignTheChecksum" });
    return client;
}
const sha256ChecksumHeader = "x-amz-checksum-sha256";
const payloadHashHeader = "x-amz-content-sha256";
/** The S3 error code of an SDK error (its name for modelled errors, `Code` otherwise). */
function s3ErrorCode(err) {
    const e = err;
    return e?.Code ?? e?.name;
}
function s3Status(err) {
    return err?.$metadata?.httpStatusCode;
}
function isS3NotFound(err) {
    const code = s3ErrorCode(err);
    return code === "NoSuchKey" || code === "NotFound" || (s3Status(err) === 404 && code !== "NoSuchBucket");
}
/**
 * One clear message for what a person can fix (credentials, the bucket, the endpoint), naming the
 * remote; anything else keeps the server's words. Secrets never appear: the SDK's messages name
 * the access key id at most.
 */
function s3Failure(err, what, where, bucket) {
    if (err instanceof errors/* MlopsError */.IC)
        return err;
    const code = s3ErrorCode(err);
    const status = s3Status(err);
    const detail = err?.message ?? String(err);
    if (code === "CredentialsProviderError" || /Could not load credentials/i.test(detail)) {
        return new errors/* MlopsError */.IC("remote", `${where}: no AWS credentials were found while ${what}`, {
            cause: err,
            hint: "set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or use an OIDC role (aws-actions/configure-aws-credentials) in a workflow",
        });
    }
    if (code === "InvalidAccessKeyId" ||
        code === "SignatureDoesNotMatch" ||
        code === "InvalidToken" ||
        code === "ExpiredToken") {
        return new errors/* MlopsError */.IC("remote", `${where} refused the credentials (${code}) while ${what}`, {
            cause: err,
            hint: "check the access key and secret (or the role) the AWS SDK picks up: environment, AWS_PROFILE, or the web-identity token",
        });
    }
    if (code === "NoSuchBucket") {
        return new errors/* MlopsError */.IC("not-found", `${where}: the bucket '${bucket}' does not exist`, {
            cause: err,
            hint: "create it first, or fix the bucket name (and --endpoint / --region) with `mlops remote add NAME s3://BUCKET/PREFIX --force`",
        });
    }
    if (code === "AccessDenied" || code === "Forbidden" || status === 403) {
        return new errors/* MlopsError */.IC("refused", `${where} denied access while ${what} (${code ?? "403"})`, {
            cause: err,
            hint: "the identity needs s3:ListBucket on the bucket and s3:GetObject, s3:PutObject (and for gc s3:DeleteObject, s3:AbortMultipartUpload) on the prefix",
        });
    }
    if (code === "BadDigest" ||
        code === "XAmzContentChecksumMismatch" ||
        code === "XAmzContentSHA256Mismatch" ||
        code === "InvalidDigest") {
        return new errors/* MlopsError */.IC("hash-mismatch", `${where} refused the bytes sent while ${what}: their checksum did not match (${code})`, {
            cause: err,
        });
    }
    const reason = err?.code ?? code;
    if (reason === "ECONNREFUSED" ||
        reason === "ENOTFOUND" ||
        reason === "ETIMEDOUT" ||
        reason === "ECONNRESET") {
        return new errors/* MlopsError */.IC("remote", `${where} could not be reached while ${what} (${reason})`, {
            cause: err,
            hint: "check --endpoint (and the network); the request was retried with backoff",
        });
    }
    if (code === "Region is missing" || /Region is missing/.test(detail)) {
        return new errors/* MlopsError */.IC("usage", `${where}: no AWS region is configured`, {
            cause: err,
            hint: "pass --region to `mlops remote add`, or set AWS_REGION",
        });
    }
    return new errors/* MlopsError */.IC("remote", `${where}: ${what} failed: ${code ?? ""}${status ? ` (HTTP ${status})` : ""} ${detail}`
        .replace(/\s+/g, " ")
        .trim(), {
        cause: err,
    });
}

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/s3-remote.js










/**
 * Objects at or below this size go up in one PutObject carrying their sha256 (already known: it is
 * the object's name), which S3 checks before the object exists. Larger ones go up in parts.
 */
const multipartThreshold = 16 * 1024 * 1024;
/** 16 MiB parts: a 1 GiB object is 64 parts, far below S3's 10,000, and each part is retried alone. */
const partSize = 16 * 1024 * 1024;
/**
 * Parts in flight at once, across every large object this remote is sending: memory stays at
 * `partsInFlight × partSize` (128 MiB) however many large objects `-j` sends side by side.
 */
const partsInFlight = 8;
/** One listing request covers up to 1,000 keys; one HEAD covers one. */
const keysPerListing = 1000;
/** Fills `into` from `file` at `position`; a file that ends early changed under us. */
async function readFully(file, into, position, path) {
    let filled = 0;
    while (filled < into.byteLength) {
        const { bytesRead } = await file.read(into, filled, into.byteLength - filled, position + filled);
        if (bytesRead === 0) {
            throw new errors/* MlopsError */.IC("io", `${path} became shorter while it was being uploaded`, {
                hint: "something changed the cache object mid-push: run `mlops data verify --repair`",
            });
        }
        filled += bytesRead;
    }
}
/** Writes a response body into `file` from `position` on, chunk by chunk as it arrives. */
async function writeBodyAt(file, body, position) {
    let at = position;
    for await (const chunk of body) {
        let written = 0;
        while (written < chunk.byteLength) {
            const { bytesWritten } = await file.write(chunk, written, chunk.byteLength - written, at + written);
            written += bytesWritten;
        }
        at += chunk.byteLength;
    }
}
function base64OfHex(hex) {
    return Buffer.from(hex, "hex").toString("base64");
}
/**
 * A bucket (and prefix) of S3 or of any store that speaks its protocol, laid out like the cache:
 * `PREFIX/sha256/ab/cdef…[.dir]` and run-cache records at `PREFIX/runs/ab/<key>.json`.
 *
 * Every upload carries its SHA-256, which the server checks before the object exists; a PUT and a
 * completed multipart upload are atomic on S3, so a reader sees an object whole or not at all.
 */
class S3Remote {
    name;
    url;
    location;
    clientPromise;
    where;
    limit;
    journalDir;
    partSlots = (0,p_limit/* default */.A)(partsInFlight);
    /** Part buffers not in use, kept for the next part rather than allocated and collected each time. */
    partBuffers = [];
    cleanupPromise;
    constructor(name, url, location, options = {}) {
        this.name = name;
        this.url = url;
        this.location = location;
        this.journalDir = options.journalDir;
        this.where = `remote '${name}' (${url}${location.endpoint ? ` at ${location.endpoint}` : ""})`;
        // Existence checks fan out through here; transfers are limited by their caller's -j.
        this.limit = (0,p_limit/* default */.A)(options.jobs ?? 16);
    }
    /**
     * The client, after one listing request that proves the bucket exists and the credentials work:
     * a wrong secret or a missing bucket is then one clear error before any transfer starts, rather
     * than one per object.
     */
    client() {
        this.clientPromise ??= (async () => {
            const client = await createS3Client(this.location);
            // Every multipart upload is journaled before its first part is sent, so a push killed midway
            // leaves a note the next push uses to abort it (stores without ListMultipartUploads included).
            client.middlewareStack.add((next, context) => async (args) => {
                const result = await next(args);
                if (context.commandName === "CreateMultipartUploadCommand") {
                    const input = args.input;
                    const uploadId = result.output.UploadId;
                    if (input.Key && uploadId)
                        this.journal(input.Key, uploadId);
                }
                return result;
            }, { step: "initialize", name: "mlopsJournalMultipart" });
            const { ListObjectsV2Command } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
            try {
                await client.send(new ListObjectsV2Command({
                    Bucket: this.location.bucket,
                    Prefix: this.location.prefix,
                    MaxKeys: 1,
                }));
            }
            catch (err) {
                client.destroy();
                throw s3Failure(err, "checking the bucket", this.where, this.location.bucket);
            }
            return client;
        })();
        // A failed check is not cached: the next call (after the person fixed the cause) tries again.
        this.clientPromise.catch(() => {
            this.clientPromise = undefined;
        });
        return this.clientPromise;
    }
    journalPath(uploadId) {
        return this.journalDir
            ? (0,external_node_path_.join)(this.journalDir, `${uploadId.replace(/[^A-Za-z0-9._-]/g, "_")}.json`)
            : undefined;
    }
    journal(key, uploadId) {
        const path = this.journalPath(uploadId);
        if (!path)
            return;
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        (0,external_node_fs_.writeFileSync)(path, JSON.stringify({ bucket: this.location.bucket, key, uploadId }));
    }
    unjournal(uploadId) {
        const path = uploadId ? this.journalPath(uploadId) : undefined;
        if (path)
            (0,external_node_fs_.rmSync)(path, { force: true });
    }
    /** Once per process before the first write: abort the uploads earlier pushes journaled and never finished. */
    cleanUpInterrupted() {
        this.cleanupPromise ??= (async () => {
            if (!this.journalDir || !(0,external_node_fs_.existsSync)(this.journalDir))
                return;
            const client = await this.client();
            const { AbortMultipartUploadCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
            for (const name of (0,external_node_fs_.readdirSync)(this.journalDir)) {
                if (!name.endsWith(".json"))
                    continue;
                const path = (0,external_node_path_.join)(this.journalDir, name);
                let note;
                try {
                    note = JSON.parse((0,external_node_fs_.readFileSync)(path, "utf8"));
                }
                catch {
                    (0,external_node_fs_.rmSync)(path, { force: true });
                    continue;
                }
                if (note.bucket !== this.location.bucket || !note.key || !note.uploadId)
                    continue;
                try {
                    await client.send(new AbortMultipartUploadCommand({ Bucket: note.bucket, Key: note.key, UploadId: note.uploadId }));
                }
                catch (err) {
                    // Already completed or aborted: nothing is left to clean.
                    if (!isS3NotFound(err) && s3ErrorCode(err) !== "NoSuchUpload")
                        throw this.fail(err, `aborting an unfinished upload of ${note.key}`);
                }
                (0,external_node_fs_.rmSync)(path, { force: true });
            }
        })();
        return this.cleanupPromise;
    }
    keyOf(oid) {
        return `${this.location.prefix}sha256/${oid.slice(0, 2)}/${oid.slice(2)}`;
    }
    oidOfKey(key) {
        const rest = key.slice(this.location.prefix.length);
        const match = /^sha256\/([0-9a-f]{2})\/([^/]+)$/.exec(rest);
        if (!match)
            return undefined;
        const oid = `${match[1]}${match[2]}`;
        return isObjectId(oid) ? oid : undefined;
    }
    fail(err, what, oid) {
        const failure = s3Failure(err, what, this.where, this.location.bucket);
        return oid && !failure.field
            ? new errors/* MlopsError */.IC(failure.code, failure.message, {
                field: oid,
                ...(failure.hint ? { hint: failure.hint } : {}),
                cause: failure.cause,
            })
            : failure;
    }
    /**
     * Keys under one `sha256/ab/` prefix come back sorted, so the ones asked about are found by listing
     * from just before the first to past the last: one request per 1,000 keys in that range instead of
     * one per object. A sparse question about a crowded prefix is answered by HEAD instead.
     */
    async has(oids) {
        const client = await this.client();
        const { HeadObjectCommand, ListObjectsV2Command } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        const groups = new Map();
        for (const oid of new Set(oids)) {
            const key = this.keyOf(oid);
            const dir = key.slice(0, key.lastIndexOf("/") + 1);
            const group = groups.get(dir);
            if (group)
                group.push(key);
            else
                groups.set(dir, [key]);
        }
        const found = new Set();
        const head = async (key) => {
            try {
                await client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: key }));
                const oid = this.oidOfKey(key);
                if (oid)
                    found.add(oid);
            }
            catch (err) {
                if (!isS3NotFound(err))
                    throw this.fail(err, `checking ${key}`);
            }
        };
        const listRange = async (dir, keys) => {
            keys.sort();
            const wanted = new Set(keys);
            const last = keys[keys.length - 1];
            let token;
            let pages = 0;
            let unseen = keys.length;
            let lastListed = "";
            do {
                // Cheaper to ask about the rest one by one than to keep paging through a crowded prefix.
                if (pages > 0 && pages * 2 >= unseen) {
                    const rest = keys.filter((k) => k > lastListed);
                    const one = (0,p_limit/* default */.A)(4);
                    await Promise.all(rest.map((k) => one(() => head(k))));
                    return;
                }
                let page;
                try {
                    page = await client.send(new ListObjectsV2Command({
                        Bucket: this.location.bucket,
                        Prefix: dir,
                        // A strict prefix of the first key sorts just before it.
                        ...(token ? { ContinuationToken: token } : { StartAfter: keys[0].slice(0, -1) }),
                        MaxKeys: keysPerListing,
                    }));
                }
                catch (err) {
                    throw this.fail(err, `listing ${dir}`);
                }
                pages += 1;
                let pastLast = false;
                for (const entry of page.Contents ?? []) {
                    const key = entry.Key ?? "";
                    if (wanted.has(key)) {
                        const oid = this.oidOfKey(key);
                        if (oid)
                            found.add(oid);
                        unseen -= 1;
                    }
                    if (key >= last)
                        pastLast = true;
                    lastListed = key;
                }
                if (pastLast || !page.IsTruncated)
                    return;
                token = page.NextContinuationToken;
            } while (token);
        };
        await Promise.all([...groups].map(([dir, keys]) => keys.length <= 2
            ? Promise.all(keys.map((key) => this.limit(() => head(key))))
            : this.limit(() => listRange(dir, keys))));
        return found;
    }
    async list() {
        const client = await this.client();
        const { ListObjectsV2Command } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        // The 256 `sha256/ab/` prefixes are listed side by side: a big remote lists in 1/16 of the time.
        const hex = [..."0123456789abcdef"];
        const dirs = hex.flatMap((a) => hex.map((b) => `${this.location.prefix}sha256/${a}${b}/`));
        const out = [];
        await Promise.all(dirs.map((dir) => this.limit(async () => {
            let token;
            do {
                let page;
                try {
                    page = await client.send(new ListObjectsV2Command({
                        Bucket: this.location.bucket,
                        Prefix: dir,
                        ...(token ? { ContinuationToken: token } : {}),
                    }));
                }
                catch (err) {
                    throw this.fail(err, `listing ${dir}`);
                }
                for (const entry of page.Contents ?? []) {
                    const oid = this.oidOfKey(entry.Key ?? "");
                    if (oid)
                        out.push(oid);
                }
                token = page.IsTruncated ? page.NextContinuationToken : undefined;
            } while (token);
        })));
        return out.sort();
    }
    /** Every upload here checks what it sends (see `uploadChecked`): it reads every byte anyway. */
    upload(oid, srcPath) {
        return this.uploadChecked(oid, srcPath);
    }
    async uploadChecked(oid, srcPath) {
        const client = await this.client();
        await this.cleanUpInterrupted();
        const key = this.keyOf(oid);
        const { size } = await (0,promises_.stat)(srcPath);
        if (size > multipartThreshold)
            return this.uploadInParts(client, oid, key, srcPath, size);
        const bytes = await (0,promises_.readFile)(srcPath);
        const digest = (0,external_node_crypto_.createHash)("sha256").update(bytes).digest("hex");
        if (digest !== digestOf(oid))
            throw corruptInCache(oid, digest);
        await this.uploadBytes(oid, bytes);
    }
    /**
     * Parts go up side by side, each read straight from the file into a part buffer. They are read
     * in order, one at a time (quick, next to sending them), so the object's SHA-256 follows the very
     * bytes that leave; the upload completes, and the object appears, only if that matches its name.
     * Each part carries its own SHA-256, which the server checks (and which signs the part, see
     * createS3Client). Afterwards any other unfinished upload of the same key (one a killed push left behind)
     * is aborted, so its parts stop costing storage: the key now holds the whole object.
     *
     * The SDK's commands are used directly rather than lib-storage's `Upload`: that helper copies
     * each part out of a stream into a fresh buffer and hashes it again through the SDK's checksum
     * path, which made a 1 GiB push cost 2.5 s more CPU here (scripts/bench, s3-push-1gib), and it
     * could not check the whole object's hash before completing.
     */
    async uploadInParts(client, oid, key, srcPath, size) {
        const { AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateMultipartUploadCommand, UploadPartCommand, } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        const Bucket = this.location.bucket;
        const file = await (0,promises_.open)(srcPath, "r");
        let uploadId;
        try {
            try {
                const created = await client.send(new CreateMultipartUploadCommand({ Bucket, Key: key, ChecksumAlgorithm: "SHA256" }));
                uploadId = created.UploadId;
            }
            catch (err) {
                throw this.fail(err, `uploading ${oid}`, oid);
            }
            if (!uploadId) {
                throw new errors/* MlopsError */.IC("remote", `${this.where} started no multipart upload for ${oid} (no UploadId)`, {
                    field: oid,
                });
            }
            const UploadId = uploadId;
            const count = Math.ceil(size / partSize);
            const parts = new Array(count);
            const whole = (0,external_node_crypto_.createHash)("sha256");
            let reading = Promise.resolve();
            const sendPart = async (index) => {
                const buffer = this.partBuffers.pop() ?? Buffer.allocUnsafe(partSize);
                try {
                    const start = index * partSize;
                    const body = buffer.subarray(0, Math.min(partSize, size - start));
                    // Slots start parts in index order, so chaining the reads keeps them in file order.
                    reading = reading.then(async () => {
                        await readFully(file, body, start, srcPath);
                        whole.update(body);
                    });
                    await reading;
                    const checksum = (0,external_node_crypto_.createHash)("sha256").update(body).digest("base64");
                    const answer = await client.send(new UploadPartCommand({
                        Bucket,
                        Key: key,
                        UploadId,
                        PartNumber: index + 1,
                        Body: body,
                        ContentLength: body.byteLength,
                        ChecksumSHA256: checksum,
                    }));
                    parts[index] = { PartNumber: index + 1, ETag: answer.ETag, ChecksumSHA256: checksum };
                }
                finally {
                    this.partBuffers.push(buffer);
                }
            };
            try {
                await this.inPartSlots(count, sendPart);
                const digest = whole.digest("hex");
                if (digest !== digestOf(oid))
                    throw corruptInCache(oid, digest);
                await client.send(new CompleteMultipartUploadCommand({
                    Bucket,
                    Key: key,
                    UploadId,
                    MultipartUpload: { Parts: parts },
                }));
            }
            catch (err) {
                // Our parts stop costing storage now; if even that fails, the journal lets the next push try.
                const aborted = await client
                    .send(new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId }))
                    .then(() => true, (abortErr) => s3ErrorCode(abortErr) === "NoSuchUpload");
                if (aborted)
                    this.unjournal(UploadId);
                // A racing push of the same object may have completed it and aborted ours: the key is whole.
                if (!(err instanceof errors/* MlopsError */.IC) && (await this.exists(client, key)))
                    return;
                throw this.fail(err, `uploading ${oid}`, oid);
            }
        }
        finally {
            await file.close();
        }
        this.unjournal(uploadId);
        await this.abortUnfinishedUploads(key);
    }
    /**
     * Runs `task(0 … count-1)` through the part slots (uploads' parts and downloads' ranges share
     * them). After the first failure no further task starts; the ones running are waited for, so
     * none still writes when the caller cleans up, and the first failure is thrown.
     */
    async inPartSlots(count, task) {
        let failed = false;
        const settled = await Promise.allSettled(Array.from({ length: count }, (_, index) => this.partSlots(async () => {
            if (failed)
                return;
            try {
                await task(index);
            }
            catch (err) {
                failed = true;
                throw err;
            }
        })));
        const rejected = settled.find((outcome) => outcome.status === "rejected");
        if (rejected)
            throw rejected.reason;
    }
    async exists(client, key) {
        const { HeadObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        try {
            await client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: key }));
            return true;
        }
        catch {
            return false;
        }
    }
    /**
     * Aborts unfinished multipart uploads under `keyPrefix` (one key, or the whole remote for gc);
     * returns how many. An upload started by a push that is still running is aborted too when it is
     * the same key: that push then finds the key whole and succeeds (S3 objects here are immutable).
     */
    async abortUnfinishedUploads(keyPrefix = this.location.prefix) {
        const client = await this.client();
        await this.cleanUpInterrupted();
        const { AbortMultipartUploadCommand, ListMultipartUploadsCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        let aborted = 0;
        let keyMarker;
        let uploadIdMarker;
        for (;;) {
            let page;
            try {
                page = await client.send(new ListMultipartUploadsCommand({
                    Bucket: this.location.bucket,
                    Prefix: keyPrefix,
                    ...(keyMarker ? { KeyMarker: keyMarker } : {}),
                    ...(uploadIdMarker ? { UploadIdMarker: uploadIdMarker } : {}),
                }));
            }
            catch (err) {
                // Some stores (s3s-fs among them) cannot list uploads; the journal still cleans ours.
                if (s3ErrorCode(err) === "NotImplemented" || s3Status(err) === 501)
                    return aborted;
                throw this.fail(err, "listing unfinished uploads");
            }
            for (const item of page.Uploads ?? []) {
                if (!item.Key || !item.UploadId)
                    continue;
                try {
                    await client.send(new AbortMultipartUploadCommand({
                        Bucket: this.location.bucket,
                        Key: item.Key,
                        UploadId: item.UploadId,
                    }));
                    aborted += 1;
                }
                catch (err) {
                    // Finished or aborted by someone else meanwhile: either way it is gone.
                    if (!isS3NotFound(err) && err.name !== "NoSuchUpload")
                        throw err;
                }
            }
            if (!page.IsTruncated)
                return aborted;
            keyMarker = page.NextKeyMarker;
            uploadIdMarker = page.NextUploadIdMarker;
        }
    }
    async uploadBytes(oid, bytes) {
        const client = await this.client();
        await this.cleanUpInterrupted();
        const { PutObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        try {
            await client.send(new PutObjectCommand({
                Bucket: this.location.bucket,
                Key: this.keyOf(oid),
                Body: bytes,
                ContentLength: bytes.byteLength,
                ChecksumSHA256: base64OfHex(digestOf(oid)),
            }));
        }
        catch (err) {
            throw this.fail(err, `uploading ${oid}`, oid);
        }
    }
    async downloadBytes(oid) {
        return this.readObject(oid, async (body) => Buffer.from(await body.transformToByteArray()));
    }
    /**
     * The first `partSize` bytes come with the object's size; the rest, if any, come down in ranges
     * of that size, `partsInFlight` at once (shared with uploads' parts), each written at its place
     * in the scratch file. Objects are immutable here, so ranges cannot mix two versions.
     */
    async download(oid, destPath) {
        const file = await (0,promises_.open)(destPath, "w");
        try {
            const first = await this.readObject(oid, async (body, total) => {
                await writeBodyAt(file, body, 0);
                return total;
            }, { start: 0, end: partSize - 1 });
            const rest = Math.max(0, Math.ceil(first / partSize) - 1);
            await this.inPartSlots(rest, (index) => {
                const start = (index + 1) * partSize;
                return this.readObject(oid, (body) => writeBodyAt(file, body, start), {
                    start,
                    end: Math.min(start + partSize, first) - 1,
                });
            });
        }
        finally {
            await file.close();
        }
    }
    /**
     * Gets the object (or a range of it) and hands its body and the whole object's size to
     * `consume`; a missing object is a not-found error. An empty object has no first byte to ask
     * for, so a refused range (416) is asked again whole.
     */
    async readObject(oid, consume, range) {
        const client = await this.client();
        const { GetObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        try {
            let response;
            try {
                response = await client.send(new GetObjectCommand({
                    Bucket: this.location.bucket,
                    Key: this.keyOf(oid),
                    ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
                }));
            }
            catch (err) {
                if (range?.start !== 0 || s3Status(err) !== 416)
                    throw err;
                response = await client.send(new GetObjectCommand({ Bucket: this.location.bucket, Key: this.keyOf(oid) }));
            }
            // "bytes 0-15/1024": the size after the slash; a whole-object answer has its length.
            const total = Number(/\/(\d+)$/.exec(response.ContentRange ?? "")?.[1] ?? response.ContentLength ?? 0);
            return await consume(response.Body, total);
        }
        catch (err) {
            if (isS3NotFound(err)) {
                throw new errors/* MlopsError */.IC("not-found", `object ${oid} is not on ${this.where}`, {
                    cause: err,
                    field: oid,
                });
            }
            throw this.fail(err, `downloading ${oid}`, oid);
        }
    }
    async remove(oid) {
        await this.removeMany([oid]);
    }
    /** DeleteObjects takes up to 1,000 keys a request. */
    async removeMany(oids, onRemoved) {
        if (oids.length === 0)
            return;
        const client = await this.client();
        const { DeleteObjectsCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        for (let i = 0; i < oids.length; i += 1000) {
            const batch = oids.slice(i, i + 1000);
            let failed = [];
            try {
                const response = await client.send(new DeleteObjectsCommand({
                    Bucket: this.location.bucket,
                    Delete: { Objects: batch.map((oid) => ({ Key: this.keyOf(oid) })), Quiet: true },
                }));
                failed = response.Errors ?? [];
            }
            catch (err) {
                throw this.fail(err, `removing ${batch.length} objects`);
            }
            if (failed.length > 0) {
                const first = failed[0];
                throw new errors/* MlopsError */.IC("remote", `${this.where}: ${failed.length} of ${batch.length} objects could not be removed (first: ${first?.Key}: ${first?.Code} ${first?.Message ?? ""})`.trim());
            }
            onRemoved?.(batch.length);
        }
    }
    async readRecord(relPath) {
        const client = await this.client();
        const { GetObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        try {
            const response = await client.send(new GetObjectCommand({
                Bucket: this.location.bucket,
                Key: this.location.prefix + checkRecordPath(relPath),
            }));
            return Buffer.from(await response.Body.transformToByteArray());
        }
        catch (err) {
            if (isS3NotFound(err))
                return undefined;
            throw this.fail(err, `reading ${relPath}`);
        }
    }
    async writeRecord(relPath, bytes) {
        const client = await this.client();
        const { PutObjectCommand } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        const { createHash } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7598, 19));
        try {
            await client.send(new PutObjectCommand({
                Bucket: this.location.bucket,
                Key: this.location.prefix + checkRecordPath(relPath),
                Body: bytes,
                ContentLength: bytes.byteLength,
                ChecksumSHA256: createHash("sha256").update(bytes).digest("base64"),
            }));
        }
        catch (err) {
            throw this.fail(err, `writing ${relPath}`);
        }
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/write-guard.js

/**
 * Events whose runs execute code nobody trusted has merged yet: every `pull_request*` event (forks
 * included) and the merge queue, whose temporary branch is PR code too. Their results are
 * recomputed by the push to `main` that follows, so nothing is lost by keeping them read-only.
 */
function isUntrustedEvent(event) {
    return event.startsWith("pull_request") || event === "merge_group";
}
/**
 * Why writes to remotes are refused in this environment (worded to follow "read-only"), or
 * undefined when they are allowed.
 */
function remoteWritesBlockedBy(env) {
    const forced = env.MLOPS_REMOTE_READ_ONLY?.trim().toLowerCase();
    if (forced && !["0", "false", "no", "off"].includes(forced))
        return "(MLOPS_REMOTE_READ_ONLY is set)";
    const event = env.GITHUB_EVENT_NAME?.trim();
    if (event && isUntrustedEvent(event))
        return `in pull-request runs (GITHUB_EVENT_NAME=${event})`;
    return undefined;
}
function remoteWritesAllowed(env) {
    return remoteWritesBlockedBy(env) === undefined;
}
/** A remote whose reads pass through and whose every write throws, naming the remote and the reason. */
class ReadOnlyRemote {
    inner;
    reason;
    constructor(inner, reason) {
        this.inner = inner;
        this.reason = reason;
    }
    get name() {
        return this.inner.name;
    }
    get url() {
        return this.inner.url;
    }
    refuse(what) {
        throw new errors/* MlopsError */.IC("refused", `remote '${this.name}' is read-only ${this.reason}: ${what} is refused`, {
            hint: "only trusted runs (pushes to main, releases, the schedule) write objects and run-cache entries; pull-request runs only read",
        });
    }
    has(oids) {
        return this.inner.has(oids);
    }
    list() {
        return this.inner.list();
    }
    download(oid, destPath) {
        return this.inner.download(oid, destPath);
    }
    readRecord(relPath) {
        return this.inner.readRecord(relPath);
    }
    get downloadBytes() {
        const inner = this.inner;
        return inner.downloadBytes
            ? (oid) => inner.downloadBytes(oid)
            : undefined;
    }
    get downloadManyBytes() {
        const inner = this.inner;
        return inner.downloadManyBytes
            ? (oids) => inner.downloadManyBytes(oids)
            : undefined;
    }
    get localReadPath() {
        const inner = this.inner;
        return inner.localReadPath ? (oid) => inner.localReadPath(oid) : undefined;
    }
    async uploadBytes(oid) {
        this.refuse(`uploading ${oid}`);
    }
    async upload(oid) {
        this.refuse(`uploading ${oid}`);
    }
    async remove(oid) {
        this.refuse(`removing ${oid}`);
    }
    async removeMany(oids) {
        this.refuse(`removing ${oids.length} objects`);
    }
    async abortUnfinishedUploads() {
        this.refuse("aborting unfinished uploads");
    }
    async writeRecord(relPath) {
        this.refuse(`writing ${relPath}`);
    }
    // Refused even with nothing staged: a PR workflow that pushes is misconfigured whether or not
    // this particular run happened to have new objects, and it should hear so every time.
    async flush() {
        this.refuse("publishing");
    }
}
/** `remote` itself when writes are allowed here, else a read-only view of it. */
function guardRemoteWrites(remote, env) {
    const reason = remoteWritesBlockedBy(env);
    return reason === undefined ? remote : new ReadOnlyRemote(remote, reason);
}
/** For callers that write opportunistically (the run cache): skip rather than fail. */
function isReadOnlyRemote(remote) {
    return remote instanceof ReadOnlyRemote;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/open-remote.js









/**
 * Resolves a configured remote; a relative path is taken from the repository root. Every kind is
 * wrapped by the write guard, so a pull-request run can read any remote and write none.
 */
function openRemote(spec, repoRoot, options = {}) {
    const env = options.env ?? process.env;
    return guardRemoteWrites(openUnguarded(spec, repoRoot, env), env);
}
function openUnguarded(spec, repoRoot, env) {
    const { name, url } = spec;
    if (url.startsWith("file://"))
        return new LocalRemote(name, url, (0,external_node_url_.fileURLToPath)(url));
    if (url.startsWith(gitBranchScheme))
        return openGitBranchRemote(spec, repoRoot, env);
    if (url.startsWith(s3Scheme)) {
        const parsed = parseS3Url(url);
        if (!parsed) {
            throw new errors/* MlopsError */.IC("usage", `remote '${name}': '${url}' is not an S3 location`, {
                field: `remotes.${name}.url`,
                expected: s3UrlExpected,
                got: url,
            });
        }
        return new S3Remote(name, url, {
            ...parsed,
            ...(spec.endpoint ? { endpoint: spec.endpoint } : {}),
            ...(spec.region ? { region: spec.region } : {}),
            ...(spec.pathStyle ? { pathStyle: true } : {}),
        }, {
            ...(spec.jobs === undefined ? {} : { jobs: spec.jobs }),
            // Under .mlops/state (git-ignored): notes of multipart uploads a killed push left unfinished.
            journalDir: (0,external_node_path_.join)((0,repo.repoLayout)(repoRoot).stateDir, "s3-uploads", name),
        });
    }
    if (spec.endpoint || spec.region || spec.pathStyle) {
        throw new errors/* MlopsError */.IC("usage", `remote '${name}': --endpoint, --region and --path-style apply to s3:// remotes only`, {
            field: `remotes.${name}`,
            got: url,
        });
    }
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
    if (scheme) {
        throw new errors/* MlopsError */.IC("usage", `remote '${name}': the scheme '${scheme}://' is not supported yet`, {
            field: `remotes.${name}.url`,
            expected: "a directory path, a file:// URL, s3://BUCKET[/PREFIX] or git-branch:BRANCH[@GIT-URL]",
            got: url,
        });
    }
    return new LocalRemote(name, url, (0,external_node_path_.isAbsolute)(url) ? url : (0,external_node_path_.resolve)(repoRoot, url));
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/transfer.js









const defaultJobs = 8;
/** Objects up to this size move through memory (one read, one write) when the remote can. */
const smallObjectBytes = 1024 * 1024;
/** Objects the listing says are this small are read without leaving the thread (see readSmallForPush). */
const syncReadBytes = 64 * 1024;
function withOwner(err, item) {
    if (err instanceof errors/* MlopsError */.IC && !err.file) {
        return new errors/* MlopsError */.IC(err.code, `${err.message} (referenced by ${item.referencedBy})`, {
            file: item.referencedBy,
            field: err.field,
            expected: err.expected,
            got: err.got,
            hint: err.hint,
            cause: err.cause,
        });
    }
    return err;
}
/** From this many small objects on, a remote on this machine's file system is copied to or from in bulk. */
const bulkThreshold = 256;
/** The error a bulk copy to a remote stopped on, worded as the one-object path words it. */
function pushFailure(oid, failure, remote) {
    if (failure.kind === "missing")
        return notInCache(oid);
    if (failure.kind === "corrupt")
        return corruptInCache(oid, failure.actual ?? "");
    return new errors/* MlopsError */.IC("remote", `could not upload ${oid} to remote '${remote.name}' (${remote.url})`, {
        field: oid,
        cause: failure.message,
    });
}
/** The error a bulk copy from a remote stopped on, worded as the one-object path words it. */
function pullFailure(oid, failure, remote) {
    if (failure.kind === "corrupt")
        return corruptObject(oid, failure.actual ?? "", `remote '${remote.name}'`);
    const missing = failure.kind === "missing";
    return new errors/* MlopsError */.IC(missing ? "not-found" : "remote", `object ${oid} ${missing ? "is not on" : "could not be read from"} remote '${remote.name}' (${remote.url})`, { field: oid, cause: failure.message });
}
/**
 * Copies the small ones among `missing` in bulk between the cache and a remote directory on this
 * machine (each verified on the way and placed atomically), counting them into `result` and
 * `progress`; returns the ones left for the other paths (too large, or too few to be worth it).
 * The first failure is thrown, worded by `failure` as the one-object path words it.
 */
async function copySmallInBulk(missing, how) {
    const small = missing.filter((item) => (how.size(item) ?? Number.POSITIVE_INFINITY) <= smallObjectBytes);
    if (small.length < bulkThreshold)
        return [...missing];
    const outcome = await copyVerifiedMany(small.map(how.job), { atomic: true, threads: how.threads });
    how.result.bytes += outcome.bytes;
    const failed = outcome.failure;
    const done = failed ? failed.index : small.length;
    how.result.transferred += done;
    how.progress.tick(done);
    if (failed)
        throw how.failure(small[failed.index], failed);
    const copied = new Set(small);
    return missing.filter((item) => !copied.has(item));
}
/** From this many objects on, a remote that takes many in one call (the objects branch) gets them so. */
const batchThreshold = 16;
/** Bytes held in memory at once by a batched download. */
const batchBytes = 64 * 1024 * 1024;
function* batchesBySize(items, sizes) {
    let batch = [];
    let held = 0;
    for (const item of items) {
        const size = sizes.get(item.oid) ?? 0;
        if (batch.length > 0 && held + size > batchBytes) {
            yield batch;
            batch = [];
            held = 0;
        }
        batch.push(item);
        held += size;
    }
    if (batch.length > 0)
        yield batch;
}
/**
 * Uploads what the remote lacks. A directory's files go first and its listing last, so a remote
 * that has a listing has everything it names (pull and status rely on that).
 */
async function push(cache, remote, items, options = {}) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    // A directory's files to a directory remote go in bulk, on threads started now so that they are
    // ready once the listings are read and the remote has said what it lacks.
    if (remote.localWritePath && items.some((item) => isDirId(item.oid)))
        startCopyWorkers();
    // A directory's files share its listing's owner: one object for 10,000 files, not one each.
    const files = new Map();
    const listings = new Map();
    const sizes = new Map();
    for (const item of items) {
        if (isDirId(item.oid)) {
            listings.set(item.oid, item);
            for (const entry of await cache
                .readDirListing(item.oid)
                .catch((err) => Promise.reject(withOwner(err, item)))) {
                sizes.set(entry.sha256, entry.size);
                if (!files.has(entry.sha256))
                    files.set(entry.sha256, item);
            }
        }
        else {
            files.set(item.oid, item);
        }
    }
    const result = { transferred: 0, skipped: 0, bytes: 0 };
    const upload = async (group) => {
        const oids = [...group.keys()];
        const present = await remote.has(oids);
        let missing = oids.filter((oid) => !present.has(oid));
        result.skipped += oids.length - missing.length;
        if (missing.length === 0)
            return;
        const progress = logger.progress(`pushing to ${remote.name}`, missing.length);
        const limit = (0,p_limit/* default */.A)(options.jobs ?? defaultJobs);
        try {
            const writePath = remote.localWritePath?.bind(remote);
            if (writePath) {
                missing = await copySmallInBulk(missing, {
                    size: (oid) => sizes.get(oid),
                    job: (oid) => ({
                        src: cache.pathOf(oid),
                        dest: writePath(oid),
                        sha256: digestOf(oid),
                        size: sizes.get(oid),
                    }),
                    failure: (oid, failed) => withOwner(pushFailure(oid, failed, remote), group.get(oid)),
                    threads: options.jobs ?? defaultJobs,
                    result,
                    progress,
                });
            }
            if (remote.uploadMany && missing.length >= batchThreshold) {
                // Verified before they leave, as one at a time would be; then one call sends them all.
                let bytes = 0;
                await Promise.all(missing.map((oid) => limit(async () => {
                    try {
                        const check = await cache.verify(oid);
                        if (check.missing)
                            throw notInCache(oid);
                        if (!check.ok)
                            throw corruptInCache(oid, check.actual ?? "");
                        // Read first, added after: `bytes += await …` would lose what other checks added meanwhile.
                        const size = (await (0,promises_.stat)(cache.pathOf(oid))).size;
                        bytes += size;
                    }
                    catch (err) {
                        throw withOwner(err, group.get(oid));
                    }
                })));
                await remote.uploadMany(missing.map((oid) => ({ oid, srcPath: cache.pathOf(oid) })));
                result.bytes += bytes;
                result.transferred += missing.length;
                progress.tick(missing.length);
                return;
            }
            await Promise.all(missing.map((oid) => limit(async () => {
                const item = group.get(oid);
                try {
                    // A directory's listing already says how big its files are.
                    const size = sizes.get(oid) ??
                        (await (0,promises_.stat)(cache.pathOf(oid)).then((st) => st.size, () => undefined));
                    if (size !== undefined && size <= smallObjectBytes && remote.uploadBytes) {
                        // One read serves both the check and the upload.
                        const bytes = size <= syncReadBytes && sizes.has(oid)
                            ? cache.readSmallForPush(oid)
                            : await cache.readForPush(oid);
                        if (bytes) {
                            await remote.uploadBytes(oid, bytes);
                            result.bytes += bytes.byteLength;
                            result.transferred += 1;
                            progress.tick();
                            return;
                        }
                    }
                    // Verified before it leaves: a corrupt cache object must not become a corrupt remote one.
                    if (remote.uploadChecked) {
                        // The remote hashes what it reads as it sends, and publishes nothing that differs.
                        await remote.uploadChecked(oid, cache.pathOf(oid)).catch((err) => {
                            throw err?.code === "ENOENT" ? notInCache(oid) : err;
                        });
                    }
                    else {
                        const check = await cache.verify(oid);
                        if (check.missing)
                            throw notInCache(oid);
                        if (!check.ok)
                            throw corruptInCache(oid, check.actual ?? "");
                        await remote.upload(oid, cache.pathOf(oid));
                    }
                    // Measured before it is added: `result.bytes += await …` would read the total before
                    // the await and write it back after, losing what the other uploads added meanwhile.
                    const sent = (await (0,promises_.stat)(cache.pathOf(oid))).size;
                    result.bytes += sent;
                    result.transferred += 1;
                    progress.tick();
                }
                catch (err) {
                    throw withOwner(err, item);
                }
            })));
        }
        finally {
            progress.done();
        }
    };
    await upload(files);
    await upload(listings);
    // A batching remote (the objects branch) publishes here; nothing pushed is visible before.
    await remote.flush?.();
    return result;
}
/**
 * Downloads what the cache lacks; every object is hashed before it becomes visible in the cache,
 * and a directory's listing is adopted only after all its files are in.
 */
async function pull(cache, remote, items, options = {}) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    if (remote.localReadPath && items.some((item) => isDirId(item.oid) && !cache.has(item.oid)))
        startCopyWorkers();
    const result = { transferred: 0, skipped: 0, bytes: 0 };
    const limit = (0,p_limit/* default */.A)(options.jobs ?? defaultJobs);
    const fetchOne = async (item) => {
        const temp = await cache.scratchPath(item.oid);
        try {
            await remote.download(item.oid, temp);
            return temp;
        }
        catch (err) {
            await (0,promises_.rm)(temp, { force: true });
            throw withOwner(err, item);
        }
    };
    const files = new Map();
    const sizes = new Map();
    const pendingListings = [];
    for (const item of items) {
        if (isDirId(item.oid)) {
            if (cache.has(item.oid)) {
                result.skipped += 1;
                continue;
            }
            const temp = await fetchOne(item);
            const bytes = await (0,promises_.readFile)(temp);
            const entries = parseListing(bytes, item.oid);
            pendingListings.push({ item, temp });
            for (const entry of entries) {
                sizes.set(entry.sha256, entry.size);
                if (!files.has(entry.sha256))
                    files.set(entry.sha256, { oid: entry.sha256, referencedBy: item.referencedBy });
            }
        }
        else if (!files.has(item.oid)) {
            files.set(item.oid, item);
        }
    }
    try {
        let missing = [...files.values()].filter((item) => !cache.has(item.oid));
        result.skipped += files.size - missing.length;
        const progress = logger.progress(`pulling from ${remote.name}`, missing.length);
        try {
            const readPath = remote.localReadPath?.bind(remote);
            if (readPath) {
                // Each object is hashed as it is read and enters the cache whole or not at all: the same
                // promise as `adoptVerifiedBytes`, without a promise per file.
                missing = await copySmallInBulk(missing, {
                    size: (item) => sizes.get(item.oid),
                    job: (item) => ({
                        src: readPath(item.oid),
                        dest: cache.pathOf(item.oid),
                        sha256: item.oid,
                        size: sizes.get(item.oid),
                    }),
                    failure: (item, failed) => withOwner(pullFailure(item.oid, failed, remote), item),
                    threads: options.jobs ?? defaultJobs,
                    result,
                    progress,
                });
            }
            if (remote.downloadManyBytes) {
                const small = missing.filter((item) => (sizes.get(item.oid) ?? Number.POSITIVE_INFINITY) <= smallObjectBytes);
                if (small.length >= batchThreshold) {
                    // In batches of a bounded size: the bytes are held in memory until each is verified and stored.
                    for (const batch of batchesBySize(small, sizes)) {
                        const got = await remote.downloadManyBytes(batch.map((item) => item.oid));
                        for (const item of batch) {
                            try {
                                const bytes = got.get(item.oid);
                                if (bytes === undefined)
                                    throw pullFailure(item.oid, { index: 0, kind: "missing" }, remote);
                                await cache.adoptVerifiedBytes(item.oid, bytes, `remote '${remote.name}'`);
                                result.bytes += bytes.byteLength;
                            }
                            catch (err) {
                                throw withOwner(err, item);
                            }
                            result.transferred += 1;
                            progress.tick();
                        }
                    }
                    const fetched = new Set(small);
                    missing = missing.filter((item) => !fetched.has(item));
                }
            }
            await Promise.all(missing.map((item) => limit(async () => {
                const known = sizes.get(item.oid);
                if (known !== undefined && known <= smallObjectBytes && remote.downloadBytes) {
                    try {
                        const bytes = await remote.downloadBytes(item.oid);
                        await cache.adoptVerifiedBytes(item.oid, bytes, `remote '${remote.name}'`);
                        result.bytes += bytes.byteLength;
                    }
                    catch (err) {
                        throw withOwner(err, item);
                    }
                    result.transferred += 1;
                    progress.tick();
                    return;
                }
                const temp = await fetchOne(item);
                const size = (await (0,promises_.stat)(temp)).size;
                try {
                    await cache.adoptVerified(item.oid, temp, `remote '${remote.name}'`);
                }
                catch (err) {
                    throw withOwner(err, item);
                }
                result.transferred += 1;
                result.bytes += size;
                progress.tick();
            })));
        }
        finally {
            progress.done();
        }
        for (const { item, temp } of pendingListings) {
            try {
                await cache.adoptVerified(item.oid, temp, `remote '${remote.name}'`);
            }
            catch (err) {
                throw withOwner(err, item);
            }
            result.transferred += 1;
        }
    }
    finally {
        for (const { temp } of pendingListings)
            await (0,promises_.rm)(temp, { force: true });
    }
    return result;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/store/index.js















/***/ })

};
