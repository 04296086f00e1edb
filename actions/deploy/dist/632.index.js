export const id = 632;
export const ids = [632];
export const modules = {

/***/ 65632:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishModelImage: () => (/* reexport */ publishModelImage)
});

// UNUSED EXPORTS: annotationKeys, buildHostBaseImage, buildImage, buildModelImage, buildServingImage, defaultChunkSize, defaultCompressionLevel, defaultImageUser, defaultRetryPolicy, formatImageReference, hostPathEntries, isDigest, linuxAmd64, mediaTypes, modelLabels, onnxruntimeInputs, parseImageReference, pullManifest, pushImage, readLayoutImage, resolveDigest, servingImageBuild, servingPaths, sha256Digest, sharedLibraries

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(99936);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/log/index.js + 1 modules
var log = __webpack_require__(75765);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/files/index.js + 3 modules
var files = __webpack_require__(20558);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/digest.js




const digestPattern = /^sha256:[0-9a-f]{64}$/;
function isDigest(text) {
    return digestPattern.test(text);
}
/** `sha256:<hex>` of some bytes: the only digest algorithm we write, and the one every registry takes. */
function sha256Digest(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)("sha256").update(bytes).digest("hex")}`;
}
async function fileDigest(path) {
    const hash = (0,external_node_crypto_.createHash)("sha256");
    let size = 0;
    for await (const chunk of (0,external_node_fs_.createReadStream)(path)) {
        hash.update(chunk);
        size += chunk.length;
    }
    return { digest: `sha256:${hash.digest("hex")}`, size };
}
/** Refuses anything but a sha256 digest, so a digest can never walk out of `blobs/sha256/`. */
function assertDigest(text, field) {
    if (!isDigest(text)) {
        throw new errors/* MlopsError */.IC("invalid-file", `not a sha256 digest: ${JSON.stringify(text)}`, {
            field,
            expected: "sha256:<64 lowercase hex>",
            got: text,
        });
    }
    return text;
}
/** Where a blob lives in an OCI image layout (image-spec image-layout.md). */
function blobPath(layoutDir, digest) {
    assertDigest(digest, "digest");
    return (0,external_node_path_.join)(layoutDir, "blobs", "sha256", digest.slice("sha256:".length));
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/media-types.js
/**
 * The document shapes of the OCI image spec (https://github.com/opencontainers/image-spec) and the
 * Docker v2 schema 2 media types a base image may still use. Only the fields we read or write are
 * typed; everything else a base config carries is passed through untouched.
 */
const mediaTypes = {
    ociManifest: "application/vnd.oci.image.manifest.v1+json",
    ociIndex: "application/vnd.oci.image.index.v1+json",
    ociConfig: "application/vnd.oci.image.config.v1+json",
    ociLayerGzip: "application/vnd.oci.image.layer.v1.tar+gzip",
    ociLayerTar: "application/vnd.oci.image.layer.v1.tar",
    ociLayerNondistributableGzip: "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
    dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
    dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
    dockerConfig: "application/vnd.docker.container.image.v1+json",
    dockerLayerGzip: "application/vnd.docker.image.rootfs.diff.tar.gzip",
    dockerForeignLayerGzip: "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
};
/** What a registry is asked for when pulling a manifest: every single-image and multi-image type. */
const media_types_manifestAcceptHeader = [
    mediaTypes.ociIndex,
    mediaTypes.ociManifest,
    mediaTypes.dockerManifestList,
    mediaTypes.dockerManifest,
].join(", ");
function isIndexMediaType(mediaType) {
    return mediaType === mediaTypes.ociIndex || mediaType === mediaTypes.dockerManifestList;
}
function isImageManifestMediaType(mediaType) {
    return mediaType === mediaTypes.ociManifest || mediaType === mediaTypes.dockerManifest;
}
/**
 * The OCI name of a Docker layer type. The bytes are the same (a gzipped tar), so a Docker base
 * layer is referenced from an OCI manifest by the same digest under the OCI media type.
 */
function ociLayerMediaType(mediaType) {
    switch (mediaType) {
        case mediaTypes.dockerLayerGzip:
            return mediaTypes.ociLayerGzip;
        case mediaTypes.dockerForeignLayerGzip:
            return mediaTypes.ociLayerNondistributableGzip;
        default:
            return mediaType;
    }
}
/** The standard annotation keys we read or write (image-spec annotations.md). */
const annotationKeys = {
    refName: "org.opencontainers.image.ref.name",
    baseName: "org.opencontainers.image.base.name",
    baseDigest: "org.opencontainers.image.base.digest",
    created: "org.opencontainers.image.created",
    source: "org.opencontainers.image.source",
    revision: "org.opencontainers.image.revision",
    version: "org.opencontainers.image.version",
};

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/tar.js


const block = 512;
const endOfArchive = Buffer.alloc(block * 2);
/** Bytewise UTF-8 order: the same on every platform and locale, and a parent always sorts before its children. */
function comparePaths(a, b) {
    return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
/**
 * Adds every missing parent directory (mode 0755), refuses two different entries at one path, and
 * sorts by path, so the archive lists each directory before what it holds.
 */
function completeEntries(entries) {
    const byPath = new Map();
    for (const entry of entries) {
        const existing = byPath.get(entry.path);
        if (existing && !(existing.type === "directory" && entry.type === "directory")) {
            throw new errors/* MlopsError */.IC("conflict", `two inputs write the same path /${entry.path} in one layer`, {
                field: entry.path,
                hint: "map each input to its own container path",
            });
        }
        byPath.set(entry.path, entry);
    }
    for (const path of [...byPath.keys()]) {
        const parts = path.split("/");
        for (let i = 1; i < parts.length; i++) {
            const parent = parts.slice(0, i).join("/");
            const existing = byPath.get(parent);
            if (existing && existing.type !== "directory") {
                throw new errors/* MlopsError */.IC("conflict", `/${parent} is both a ${existing.type} and a directory in one layer`, {
                    field: parent,
                });
            }
            if (!existing)
                byPath.set(parent, { path: parent, type: "directory", mode: 0o755 });
        }
    }
    return [...byPath.values()].sort((a, b) => comparePaths(a.path, b.path));
}
function octal(value, width) {
    // width - 1 digits and a NUL, as ustar writers conventionally fill numeric fields.
    return `${value.toString(8).padStart(width - 1, "0")}\0`;
}
function writeString(buf, offset, width, text) {
    const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
    bytes.copy(buf, offset, 0, Math.min(bytes.length, width));
}
const maxOctal11 = 0o77777777777;
/** Splits a path into ustar's prefix (155 bytes) and name (100 bytes), or says it cannot. */
function splitUstarName(name) {
    if (!/^[\x20-\x7e]*$/.test(name))
        return undefined;
    if (name.length <= 100)
        return { prefix: "", name };
    // From the right, skipping a directory's trailing slash: the first cut whose prefix fits is the
    // one with the shortest name; if that name is too long, every other cut's is too.
    for (let i = name.length - 2; i > 0; i--) {
        if (name[i] !== "/")
            continue;
        const prefix = name.slice(0, i);
        const rest = name.slice(i + 1);
        if (prefix.length <= 155 && rest.length <= 100)
            return { prefix, name: rest };
        if (prefix.length > 155)
            continue;
        break;
    }
    return undefined;
}
function ustarHeader(f) {
    const h = Buffer.alloc(block);
    writeString(h, 0, 100, f.name);
    writeString(h, 100, 8, octal(f.mode, 8));
    writeString(h, 108, 8, octal(0, 8));
    writeString(h, 116, 8, octal(0, 8));
    writeString(h, 124, 12, octal(f.size, 12));
    writeString(h, 136, 12, octal(f.mtime, 12));
    h.fill(0x20, 148, 156);
    writeString(h, 156, 1, f.typeflag);
    writeString(h, 157, 100, f.linkname);
    writeString(h, 257, 6, "ustar\0");
    writeString(h, 263, 2, "00");
    // uname and gname (265, 297) stay empty: owners are ids, and the ids are 0.
    writeString(h, 329, 8, octal(0, 8));
    writeString(h, 337, 8, octal(0, 8));
    writeString(h, 345, 155, f.prefix);
    let sum = 0;
    for (const byte of h)
        sum += byte;
    writeString(h, 148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
    return h;
}
function paxRecord(key, value) {
    const body = ` ${key}=${value}\n`;
    const bodyLength = Buffer.byteLength(body, "utf8");
    let length = bodyLength + 1;
    while (String(length).length + bodyLength !== length)
        length = String(length).length + bodyLength;
    return Buffer.from(`${length}${body}`, "utf8");
}
function padding(size) {
    const rest = size % block;
    return rest === 0 ? Buffer.alloc(0) : Buffer.alloc(block - rest);
}
/** The header blocks of one entry: a PAX header first when a path, link or size does not fit ustar. */
function entryHeader(entry, mtime) {
    const fullName = entry.type === "directory" ? `${entry.path}/` : entry.path;
    const size = entry.type === "file" ? (entry.size ?? entry.data?.length ?? 0) : 0;
    const linkname = entry.type === "symlink" ? (entry.linkTarget ?? "") : "";
    const records = [];
    let split = splitUstarName(fullName);
    if (!split) {
        records.push(paxRecord("path", fullName));
        split = { prefix: "", name: fullName.replace(/[^\x20-\x7e]/g, "_").slice(-100) };
    }
    let ustarLink = linkname;
    if (Buffer.byteLength(linkname, "utf8") > 100 || !/^[\x20-\x7e]*$/.test(linkname)) {
        records.push(paxRecord("linkpath", linkname));
        ustarLink = linkname.replace(/[^\x20-\x7e]/g, "_").slice(0, 100);
    }
    let ustarSize = size;
    if (size > maxOctal11) {
        records.push(paxRecord("size", String(size)));
        ustarSize = 0;
    }
    const typeflag = entry.type === "directory" ? "5" : entry.type === "symlink" ? "2" : "0";
    const main = ustarHeader({
        ...split,
        mode: entry.mode,
        size: ustarSize,
        mtime,
        typeflag,
        linkname: ustarLink,
    });
    if (records.length === 0)
        return main;
    const pax = Buffer.concat(records);
    const base = fullName.replace(/\/$/, "").split("/").pop() ?? "";
    const paxHeader = ustarHeader({
        name: `PaxHeaders/${base.replace(/[^\x20-\x7e]/g, "_")}`.slice(0, 100),
        prefix: "",
        mode: 0o644,
        size: pax.length,
        mtime,
        typeflag: "x",
        linkname: "",
    });
    return Buffer.concat([paxHeader, pax, padding(pax.length), main]);
}
/**
 * The archive as a stream of chunks. `entries` should come from `completeEntries`; files are read
 * from disk as they are reached, so a layer of any size needs little memory.
 */
async function* tarChunks(entries, mtime) {
    for (const entry of entries) {
        yield entryHeader(entry, mtime);
        if (entry.type !== "file")
            continue;
        if (entry.data) {
            yield Buffer.from(entry.data);
            yield padding(entry.data.length);
            continue;
        }
        const expected = entry.size ?? 0;
        let seen = 0;
        if (entry.hostPath && expected > 0) {
            for await (const chunk of (0,external_node_fs_.createReadStream)(entry.hostPath, { highWaterMark: 1 << 20 })) {
                const bytes = chunk;
                seen += bytes.length;
                if (seen > expected)
                    break;
                yield bytes;
            }
        }
        if (seen !== expected) {
            throw new errors/* MlopsError */.IC("io", `${entry.hostPath} changed size while the layer was being written`, {
                file: entry.hostPath,
                expected: `${expected} bytes`,
                got: `${seen} bytes`,
                hint: "build again once nothing is writing to the inputs",
            });
        }
        yield padding(expected);
    }
    yield endOfArchive;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/layer.js












/**
 * gzip's default, and what docker and podman use: a fixed level is part of a reproducible digest.
 * The compressed bytes also depend on the zlib that compresses them (Node bundles its own), so the
 * digest is reproducible for a given Node release; the diff_id, the tar's own hash, is everywhere.
 */
const defaultCompressionLevel = 6;
/**
 * Turns `to` into a layer path: absolute, normalised, never above the root.
 * `/app/model/` → `app/model`; `/` → `` (the layer root).
 */
function containerPath(to, field) {
    if (!to.startsWith("/")) {
        throw new errors/* MlopsError */.IC("usage", `container path ${JSON.stringify(to)} is not absolute`, {
            field,
            expected: "an absolute path such as /app/model",
            got: to,
        });
    }
    if (to.split("/").includes("..")) {
        throw new errors/* MlopsError */.IC("usage", `container path ${JSON.stringify(to)} must not contain '..'`, {
            field,
            got: to,
        });
    }
    return external_node_path_.posix.normalize(to).replace(/^\/+/, "").replace(/\/+$/, "");
}
function normalisedMode(mode) {
    return mode & 0o111 ? 0o755 : 0o644;
}
function joinLayerPath(base, rel) {
    return base === "" ? rel : rel === "" ? base : `${base}/${rel}`;
}
/** Reads the host inputs of a layer into tar entries with normalised modes; missing inputs fail by name. */
async function collectLayerEntries(spec, field) {
    const entries = [...(spec.entries ?? [])];
    for (const [i, input] of (spec.files ?? []).entries()) {
        const inputField = `${field}.files[${i}]`;
        const root = containerPath(input.to, `${inputField}.to`);
        let top;
        try {
            top = await (0,promises_.stat)(input.from);
        }
        catch (err) {
            throw new errors/* MlopsError */.IC("not-found", `image input ${input.from} does not exist`, {
                file: input.from,
                field: `${inputField}.from`,
                hint: "build or fetch it first, or correct the path",
                cause: err,
            });
        }
        const excluded = new Set((input.exclude ?? []).map((e) => external_node_path_.posix.normalize(e).replace(/^\.?\/+|\/+$/g, "")));
        const isExcluded = (rel) => {
            for (const e of excluded)
                if (rel === e || rel.startsWith(`${e}/`))
                    return true;
            return false;
        };
        if (top.isFile()) {
            if (root === "")
                throw new errors/* MlopsError */.IC("usage", "a file cannot be copied to /", { field: `${inputField}.to` });
            entries.push({
                path: root,
                type: "file",
                mode: normalisedMode(top.mode),
                size: top.size,
                hostPath: input.from,
            });
            continue;
        }
        if (!top.isDirectory()) {
            throw new errors/* MlopsError */.IC("refused", `${input.from} is neither a file nor a directory`, {
                file: input.from,
                field: `${inputField}.from`,
            });
        }
        if (root !== "")
            entries.push({ path: root, type: "directory", mode: 0o755 });
        const walk = async (dir, rel) => {
            for (const dirent of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
                const childRel = rel === "" ? dirent.name : `${rel}/${dirent.name}`;
                if (isExcluded(childRel))
                    continue;
                const hostPath = (0,external_node_path_.join)(dir, dirent.name);
                const path = joinLayerPath(root, childRel);
                const st = await (0,promises_.lstat)(hostPath);
                if (st.isDirectory()) {
                    entries.push({ path, type: "directory", mode: 0o755 });
                    await walk(hostPath, childRel);
                }
                else if (st.isFile()) {
                    entries.push({ path, type: "file", mode: normalisedMode(st.mode), size: st.size, hostPath });
                }
                else if (st.isSymbolicLink()) {
                    entries.push({ path, type: "symlink", mode: 0o777, linkTarget: await (0,promises_.readlink)(hostPath) });
                }
                else {
                    throw new errors/* MlopsError */.IC("refused", `${hostPath} is a socket, fifo or device, which a layer cannot hold`, {
                        file: hostPath,
                        field: `${inputField}.from`,
                        hint: `exclude it with ${inputField}.exclude`,
                    });
                }
            }
        };
        await walk(input.from, "");
    }
    return completeEntries(entries);
}
/** Counts and hashes whatever flows through. */
class DigestTap extends external_node_stream_.Transform {
    hash = (0,external_node_crypto_.createHash)("sha256");
    size = 0;
    _transform(chunk, _enc, done) {
        this.hash.update(chunk);
        this.size += chunk.length;
        done(null, chunk);
    }
    digest() {
        return `sha256:${this.hash.digest("hex")}`;
    }
}
/**
 * zlib already writes MTIME 0 and no file name; the OS byte, though, is the build machine's (3 on
 * Linux, 19 on macOS), so it is pinned to 3 (Unix) for the same bytes everywhere (RFC 1952 §2.3).
 */
class PinGzipHeader extends external_node_stream_.Transform {
    offset = 0;
    _transform(chunk, _enc, done) {
        if (this.offset < 10) {
            const copy = Buffer.from(chunk);
            for (let i = 0; i < copy.length && this.offset + i < 10; i++) {
                const at = this.offset + i;
                if (at >= 4 && at <= 7)
                    copy[i] = 0;
                if (at === 9)
                    copy[i] = 3;
            }
            this.offset += chunk.length;
            done(null, copy);
            return;
        }
        this.offset += chunk.length;
        done(null, chunk);
    }
}
/** The uncompressed digest of a layer, reading its inputs once without compressing. */
async function layerDiffId(entries, sourceDateEpoch) {
    const tap = new DigestTap();
    await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(tarChunks(entries, sourceDateEpoch)), tap, async (source) => {
        for await (const _ of source)
            ;
    });
    return tap.digest();
}
/**
 * Writes one layer blob into the layout (temp file, then rename to its digest) and returns both
 * digests. With `known` layers, the tar is hashed first and compressed only when it is new.
 */
async function writeLayer(entries, comment, options) {
    const mediaType = mediaTypes.ociLayerGzip;
    let expectedDiffId;
    if (options.known && options.known.size > 0) {
        expectedDiffId = await layerDiffId(entries, options.sourceDateEpoch);
        const hit = options.known.get(expectedDiffId);
        if (hit &&
            (await (0,promises_.stat)(blobPath(options.layoutDir, hit.digest)).catch(() => undefined))?.size === hit.size) {
            return { ...hit, diffId: expectedDiffId, mediaType, comment, reused: true };
        }
    }
    const blobsDir = (0,external_node_path_.join)(options.layoutDir, "blobs", "sha256");
    await (0,promises_.mkdir)(blobsDir, { recursive: true });
    const temp = (0,files/* tempPathFor */.FD)((0,external_node_path_.join)(blobsDir, "layer"));
    const uncompressed = new DigestTap();
    const compressed = new DigestTap();
    try {
        await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(tarChunks(entries, options.sourceDateEpoch)), uncompressed, (0,external_node_zlib_.createGzip)({ level: options.compressionLevel ?? defaultCompressionLevel }), new PinGzipHeader(), compressed, (0,external_node_fs_.createWriteStream)(temp));
        const digest = compressed.digest();
        const diffId = uncompressed.digest();
        if (expectedDiffId && diffId !== expectedDiffId) {
            throw new errors/* MlopsError */.IC("io", `the inputs of layer "${comment}" changed while it was being built`, {
                hint: "build again once nothing is writing to the inputs",
            });
        }
        await (0,promises_.rename)(temp, blobPath(options.layoutDir, digest));
        return { digest, diffId, size: compressed.size, mediaType, comment, reused: false };
    }
    finally {
        await (0,promises_.rm)(temp, { force: true });
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/layout.js






/**
 * An OCI image layout directory (image-spec image-layout.md): `oci-layout`, `index.json` and
 * `blobs/sha256/<hex>`. Ours holds one image. Its base layers are referenced, not copied: they
 * stay in the base's registry until a push mounts or copies them, so `skopeo inspect oci:DIR`
 * works and a `skopeo copy` of the directory alone would not.
 */
const layoutVersionFile = { imageLayoutVersion: "1.0.0" };
/** JSON with no whitespace: the bytes (and so the digest) depend only on the object's key order. */
function canonicalJson(value) {
    return Buffer.from(JSON.stringify(value), "utf8");
}
async function writeBlob(layoutDir, bytes) {
    const digest = sha256Digest(bytes);
    const path = blobPath(layoutDir, digest);
    const existing = await (0,promises_.stat)(path).catch(() => undefined);
    if (existing?.size !== bytes.length)
        await (0,files/* writeFileAtomic */.Zf)(path, bytes);
    return digest;
}
async function writeLayoutIndex(layoutDir, manifest, refName) {
    const index = {
        schemaVersion: 2,
        mediaType: mediaTypes.ociIndex,
        manifests: [
            {
                mediaType: manifest.mediaType,
                digest: manifest.digest,
                size: manifest.size,
                ...(refName ? { annotations: { [annotationKeys.refName]: refName } } : {}),
            },
        ],
    };
    await (0,files/* writeFileAtomic */.Zf)((0,external_node_path_.join)(layoutDir, "oci-layout"), canonicalJson(layoutVersionFile));
    await (0,files/* writeFileAtomic */.Zf)((0,external_node_path_.join)(layoutDir, "index.json"), canonicalJson(index));
}
function invalidLayout(layoutDir, message, cause) {
    return new errors/* MlopsError */.IC("invalid-file", `${layoutDir} is not an image layout we can read: ${message}`, {
        file: (0,external_node_path_.join)(layoutDir, "index.json"),
        hint: "build the image into this directory first (buildImage / `mlops image build`)",
        cause,
    });
}
/** The one image of a layout, with its manifest and config checked against their digests. */
async function readLayoutImage(layoutDir) {
    let index;
    try {
        index = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(layoutDir, "index.json"), "utf8"));
    }
    catch (err) {
        throw invalidLayout(layoutDir, "index.json is missing or not JSON", err);
    }
    const descriptor = index.manifests?.[0];
    if (!descriptor || index.manifests.length !== 1 || !isDigest(descriptor.digest)) {
        throw invalidLayout(layoutDir, "index.json must list exactly one manifest");
    }
    const manifestBytes = await readBlob(layoutDir, descriptor.digest);
    const manifest = JSON.parse(manifestBytes.toString("utf8"));
    const configBytes = await readBlob(layoutDir, manifest.config.digest);
    const config = JSON.parse(configBytes.toString("utf8"));
    return { descriptor, manifest, manifestBytes, config, configBytes };
}
async function readBlob(layoutDir, digest) {
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(blobPath(layoutDir, digest));
    }
    catch (err) {
        throw invalidLayout(layoutDir, `blob ${digest} is missing`, err);
    }
    if (sha256Digest(bytes) !== digest) {
        throw new errors/* MlopsError */.IC("hash-mismatch", `blob ${digest} in ${layoutDir} does not match its digest`, {
            file: blobPath(layoutDir, digest),
            expected: digest,
            got: sha256Digest(bytes),
        });
    }
    return bytes;
}
/**
 * The layers a layout built before, by diff_id, so a rebuild recompresses only what changed.
 * An unreadable or absent layout simply knows nothing.
 */
async function knownLayers(layoutDir) {
    const known = new Map();
    try {
        const image = await readLayoutImage(layoutDir);
        image.manifest.layers.forEach((layer, i) => {
            const diffId = image.config.rootfs.diff_ids[i];
            if (diffId)
                known.set(diffId, { digest: layer.digest, size: layer.size });
        });
    }
    catch {
        // Nothing built here yet (or a layout from elsewhere): every layer is new.
    }
    return known;
}
/** Removes blobs the current image does not reference, so a layout rebuilt often stays one image big. */
async function pruneBlobs(layoutDir, keep) {
    const dir = (0,external_node_path_.join)(layoutDir, "blobs", "sha256");
    const names = await (0,promises_.readdir)(dir).catch(() => []);
    for (const name of names) {
        if ((0,files/* isTempName */.Gs)(name) || keep.has(`sha256:${name}`))
            continue;
        await (0,promises_.rm)((0,external_node_path_.join)(dir, name), { force: true });
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/reference.js

const pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const domainComponent = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const tagPattern = /^[\w][\w.-]{0,127}$/;
const reference_digestPattern = /^sha256:[0-9a-f]{64}$/;
const dockerHub = "docker.io";
function invalid(text, field, expected, got) {
    return new errors/* MlopsError */.IC("usage", `invalid image reference ${JSON.stringify(text)}: ${expected}`, {
        field,
        expected,
        got,
        hint: "write it as registry/repository:tag or registry/repository@sha256:<digest>",
    });
}
function reference_parseImageReference(text, field = "reference") {
    let rest = text.trim();
    if (rest === "")
        throw invalid(text, field, "a non-empty reference", "an empty string");
    let digest;
    const at = rest.lastIndexOf("@");
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!reference_digestPattern.test(digest)) {
            throw invalid(text, field, "a digest like sha256:<64 lowercase hex>", digest);
        }
    }
    let tag;
    const colon = rest.lastIndexOf(":");
    if (colon > rest.lastIndexOf("/")) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!tagPattern.test(tag))
            throw invalid(text, field, "a tag of letters, digits, '_', '.', '-'", tag);
    }
    const parts = rest.split("/");
    let registry = dockerHub;
    const first = parts[0] ?? "";
    if (parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost")) {
        registry = first;
        parts.shift();
        const [host, port, ...more] = registry.split(":");
        const hostOk = (host ?? "").split(".").every((c) => domainComponent.test(c));
        if (!hostOk || more.length > 0 || (port !== undefined && !/^\d{1,5}$/.test(port))) {
            throw invalid(text, field, "a registry host like ghcr.io or 127.0.0.1:5000", registry);
        }
    }
    if (registry === dockerHub && parts.length === 1)
        parts.unshift("library");
    for (const part of parts) {
        if (!pathComponent.test(part)) {
            throw invalid(text, field, "repository path components of lowercase letters and digits", part);
        }
    }
    const repository = parts.join("/");
    return { registry, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}
function reference_formatImageReference(ref) {
    return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`;
}
/** The host that answers the registry API: Docker Hub's name and its API host differ. */
function registryApiHost(registry) {
    return registry === dockerHub ? "registry-1.docker.io" : registry;
}
/** A base image must be pinned: a tag can move, and then the same commit builds a different image. */
function requireDigest(ref, text, field) {
    if (!ref.digest) {
        throw new errors/* MlopsError */.IC("usage", `the base image ${JSON.stringify(text)} is not pinned to a digest`, {
            field,
            expected: "registry/repository@sha256:<digest>",
            got: text,
            hint: "resolve the tag once (e.g. `skopeo inspect docker://…` shows the Digest) and write it after an @",
        });
    }
    return ref.digest;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/retry.js
const defaultRetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4_000 };
/** Thrown by an attempt to ask for another; `final` is what the caller sees when none is left. */
class RetryableFailure extends Error {
    final;
    retryAfterMs;
    constructor(final, retryAfterMs) {
        super(final instanceof Error ? final.message : String(final));
        this.final = final;
        this.retryAfterMs = retryAfterMs;
    }
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function backoffDelay(policy, attempt, retryAfterMs) {
    const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    if (retryAfterMs !== undefined && retryAfterMs <= policy.maxDelayMs)
        return Math.max(retryAfterMs, exponential);
    // Half fixed, half jitter: clients that failed together do not all come back at once.
    return exponential / 2 + Math.random() * (exponential / 2);
}
async function withRetry(policy, attempt, onRetry) {
    for (let n = 1;; n++) {
        try {
            return await attempt(n);
        }
        catch (err) {
            if (!(err instanceof RetryableFailure))
                throw err;
            if (n >= policy.attempts)
                throw err.final;
            onRetry?.(n, err.message);
            await sleep(backoffDelay(policy, n, err.retryAfterMs));
        }
    }
}
/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now. */
function parseRetryAfter(value) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value))
        return Number(value) * 1000;
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/registry-client.js




/** A token scope of the distribution auth spec: `repository:<name>:pull,push`. */
function registry_client_repositoryScope(repository, actions) {
    return `repository:${repository}:${actions.join(",")}`;
}
/**
 * One scope per resource with the union of its actions, sorted: the challenge of a HEAD asks for
 * `pull` where the push needs `pull,push`, and one token should cover both.
 */
function mergeScopes(scopes) {
    const byResource = new Map();
    for (const scope of scopes) {
        const last = scope.lastIndexOf(":");
        if (last <= 0)
            continue;
        const resource = scope.slice(0, last);
        const actions = byResource.get(resource) ?? new Set();
        for (const a of scope.slice(last + 1).split(","))
            if (a)
                actions.add(a);
        byResource.set(resource, actions);
    }
    return [...byResource.entries()]
        .map(([resource, actions]) => `${resource}:${[...actions].sort().join(",")}`)
        .sort();
}
/** `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull"` (RFC 7235). */
function parseChallenge(header) {
    if (!header)
        return undefined;
    const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header);
    if (!match)
        return undefined;
    const params = {};
    const pattern = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
    for (const m of (match[2] ?? "").matchAll(pattern)) {
        params[(m[1] ?? "").toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : (m[3] ?? "");
    }
    return { scheme: (match[1] ?? "").toLowerCase(), params };
}
/** The words of a registry's error body (`{"errors":[{"code","message"}]}`), or its status line. */
async function registryErrorText(res) {
    let text = "";
    try {
        text = await res.text();
    }
    catch {
        // The body may already be gone (HEAD, or a connection cut); the status says enough.
    }
    try {
        const body = JSON.parse(text);
        if (Array.isArray(body.errors) && body.errors.length > 0) {
            return body.errors.map((e) => [e.code, e.message].filter(Boolean).join(": ")).join("; ");
        }
        if (typeof body.details === "string")
            return body.details;
    }
    catch {
        // Not JSON: fall through to the text itself.
    }
    const trimmed = text.trim().slice(0, 300);
    return trimmed || `${res.status} ${res.statusText}`.trim();
}
async function discardBody(res) {
    try {
        await res.body?.cancel();
    }
    catch {
        // Nothing to release.
    }
}
const retryableNetworkCodes = new Set([
    "ECONNRESET",
    "ECONNREFUSED",
    "EPIPE",
    "ETIMEDOUT",
    "EAI_AGAIN",
    "ECONNABORTED",
    "UND_ERR_SOCKET",
    "UND_ERR_CONNECT_TIMEOUT",
    "UND_ERR_HEADERS_TIMEOUT",
    "UND_ERR_BODY_TIMEOUT",
]);
function networkCode(err) {
    let current = err;
    for (let depth = 0; depth < 4 && current; depth++) {
        const code = current.code;
        if (typeof code === "string")
            return code;
        current = current.cause;
    }
    return err instanceof Error ? err.message : String(err);
}
/**
 * One registry's API with its credentials: token or Basic auth on demand, a token cache per
 * scope, and the retry policy on every exchange. Credentials never reach a log line or a message.
 */
class registry_client_RegistryClient {
    registry;
    origin;
    auth;
    retry;
    logger;
    tokens = new Map();
    useBasic = false;
    constructor(registry, options = {}) {
        this.registry = registry;
        const insecure = options.insecure ?? isLoopbackRegistry(registry);
        this.origin = `${insecure ? "http" : "https"}://${registryApiHost(registry)}`;
        this.auth = options.auth;
        this.retry = options.retry ?? defaultRetryPolicy;
        this.logger = options.logger ?? log/* silentLogger */.qq;
    }
    async request(spec) {
        const key = spec.scopes.join(" ");
        const url = new URL(spec.url, this.origin);
        let res = await this.exchange(spec.method, url, this.headersFor(key, spec.headers), spec.body, spec.what);
        if (res.status === 401 && !("token" in (this.auth ?? {}))) {
            const challenge = parseChallenge(res.headers.get("www-authenticate"));
            const refusal = await registryErrorText(res);
            if (await this.authenticate(challenge, spec.scopes, key, spec.what, refusal)) {
                res = await this.exchange(spec.method, url, this.headersFor(key, spec.headers), spec.body, spec.what);
            }
            else {
                throw this.authFailure(401, spec.what, refusal);
            }
        }
        if (spec.ok.includes(res.status))
            return res;
        throw await this.failure(res, spec.what);
    }
    headersFor(key, extra = {}) {
        const headers = { ...extra };
        const auth = this.auth;
        if (auth && "token" in auth)
            headers.authorization = `Bearer ${auth.token}`;
        else if (this.tokens.has(key))
            headers.authorization = `Bearer ${this.tokens.get(key)}`;
        else if (this.useBasic && auth)
            headers.authorization = basicAuthorization(auth);
        return headers;
    }
    /** Answers a 401: fetches a bearer token for the scopes, or switches to Basic. False when nothing can help. */
    async authenticate(challenge, scopes, key, what, refusal) {
        const auth = this.auth;
        if (challenge?.scheme === "basic") {
            if (!auth || this.useBasic)
                return false;
            this.useBasic = true;
            return true;
        }
        if (challenge?.scheme !== "bearer" || !challenge.params.realm)
            return false;
        if (this.tokens.has(key)) {
            // A token we already hold was refused: fetching the same again would not change the answer.
            if (/insufficient_scope/.test(challenge.params.error ?? ""))
                throw this.authFailure(403, what, refusal);
            this.tokens.delete(key);
        }
        const challenged = (challenge.params.scope ?? "").split(" ").filter(Boolean);
        this.tokens.set(key, await this.fetchToken(challenge.params, mergeScopes([...scopes, ...challenged]), what));
        return true;
    }
    async fetchToken(params, scopes, what) {
        let realm;
        try {
            realm = new URL(params.realm ?? "");
        }
        catch {
            throw new errors/* MlopsError */.IC("remote", `the registry ${this.registry} named an invalid token service`, {
                got: params.realm,
            });
        }
        if (params.service)
            realm.searchParams.set("service", params.service);
        for (const scope of scopes)
            realm.searchParams.append("scope", scope);
        const headers = {};
        if (this.auth && "username" in this.auth)
            headers.authorization = basicAuthorization(this.auth);
        const res = await this.exchange("GET", realm, headers, undefined, `get a token for: ${what}`);
        if (!res.ok) {
            const message = await registryErrorText(res);
            throw new errors/* MlopsError */.IC("remote", `the token service of ${this.registry} (${realm.origin}) refused to issue a token for ${what}: ${message}`, {
                got: String(res.status),
                hint: this.auth
                    ? "check the username and password or token, and that they may access this repository"
                    : "this registry needs credentials: pass a username and password or token",
            });
        }
        const body = (await res.json());
        const token = body.token ?? body.access_token;
        if (!token) {
            throw new errors/* MlopsError */.IC("remote", `the token service of ${this.registry} answered without a token`, {
                expected: "a JSON body with `token` or `access_token`",
            });
        }
        this.logger.debug(`registry ${this.registry}: token issued for ${scopes.join(" ")}`);
        return token;
    }
    /** One HTTP exchange under the retry policy: connection errors, 5xx and 429 are tried again. */
    exchange(method, url, headers, body, what) {
        return withRetry(this.retry, async () => {
            let res;
            try {
                res = await fetch(url, { method, headers, body, redirect: "follow" });
            }
            catch (err) {
                const failure = this.unreachable(url, err);
                if (retryableNetworkCodes.has(networkCode(err)))
                    throw new RetryableFailure(failure);
                throw failure;
            }
            this.logger.debug(`${method} ${url.pathname} → ${res.status}`);
            if ((res.status >= 500 && res.status !== 501) || res.status === 429) {
                const retryAfter = parseRetryAfter(res.headers.get("retry-after"));
                throw new RetryableFailure(await this.failure(res, what), retryAfter);
            }
            return res;
        }, (n, reason) => this.logger.debug(`retrying ${what} after attempt ${n}: ${reason}`));
    }
    unreachable(url, err) {
        const code = networkCode(err);
        const tlsMismatch = /SSL|TLS|EPROTO/i.test(code);
        return new errors/* MlopsError */.IC("remote", `cannot reach the registry ${this.registry} at ${url.origin}: ${code}`, {
            got: code,
            hint: tlsMismatch
                ? "the server does not speak HTTPS here; for a plain-HTTP registry (loopback, CI service) set insecure"
                : "check that the registry is running and the host and port are right",
            cause: err,
        });
    }
    authFailure(status, what, message) {
        if (status === 403) {
            return new errors/* MlopsError */.IC("remote", `the registry ${this.registry} denied ${what}: ${message}`, {
                got: "403",
                hint: "the credentials are valid but may not do this; for ghcr.io the token needs write:packages",
            });
        }
        return new errors/* MlopsError */.IC("remote", `the registry ${this.registry} refused ${what} (401): ${message}`, {
            got: "401",
            hint: this.auth
                ? "check the username and password or token, and that they may access this repository"
                : "this registry needs credentials: pass a username and password or token",
        });
    }
    async failure(res, what) {
        const message = await registryErrorText(res);
        if (res.status === 401 || res.status === 403)
            return this.authFailure(res.status, what, message);
        if (res.status === 404) {
            return new errors/* MlopsError */.IC("not-found", `${what}: not found on ${this.registry}: ${message}`, {
                got: "404",
            });
        }
        return new errors/* MlopsError */.IC("remote", `the registry ${this.registry} answered ${res.status} to ${what}: ${message}`, {
            got: String(res.status),
        });
    }
}
function isLoopbackRegistry(registry) {
    const host = registry.replace(/:\d+$/, "");
    return host === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(host) || host === "[::1]";
}
function basicAuthorization(auth) {
    return `Basic ${Buffer.from(`${auth.username}:${auth.password}`, "utf8").toString("base64")}`;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/pull.js





/** Manifests are small documents; a bigger answer is not one (distribution caps them at 4 MiB). */
const maxManifestBytes = 4 << 20;
const maxConfigBytes = 8 << 20;
const linuxAmd64 = { os: "linux", architecture: "amd64" };
async function readLimited(res, limit, what) {
    const declared = Number(res.headers.get("content-length") ?? "0");
    if (declared > limit) {
        throw new errors/* MlopsError */.IC("remote", `${what} is ${declared} bytes, more than the ${limit} allowed`);
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    if (bytes.length > limit)
        throw new errors/* MlopsError */.IC("remote", `${what} is more than the ${limit} bytes allowed`);
    return bytes;
}
function verifyDigest(bytes, expected, what) {
    const actual = sha256Digest(bytes);
    if (actual !== expected) {
        throw new errors/* MlopsError */.IC("hash-mismatch", `${what} does not match its digest`, {
            expected,
            got: actual,
            hint: "the registry served other bytes than the digest names: a broken mirror or a tampered image",
        });
    }
    return actual;
}
/** GETs one manifest by tag or digest; a digest is checked against the bytes received. */
async function getManifest(client, repository, reference) {
    const what = `pull manifest ${repository}${reference.startsWith("sha256:") ? "@" : ":"}${reference}`;
    const res = await client.request({
        method: "GET",
        url: `/v2/${repository}/manifests/${reference}`,
        scopes: [registry_client_repositoryScope(repository, ["pull"])],
        headers: { accept: media_types_manifestAcceptHeader },
        ok: [200],
        what,
    });
    const bytes = await readLimited(res, maxManifestBytes, what);
    const digest = reference.startsWith("sha256:")
        ? verifyDigest(bytes, reference, `the manifest of ${client.registry}/${repository}`)
        : sha256Digest(bytes);
    let parsed;
    try {
        parsed = JSON.parse(bytes.toString("utf8"));
    }
    catch {
        throw new errors/* MlopsError */.IC("remote", `${what}: the registry answered with something that is not JSON`);
    }
    const headerType = (res.headers.get("content-type") ?? "").split(";")[0]?.trim();
    const mediaType = parsed.mediaType ?? headerType ?? "";
    return { bytes, digest, mediaType };
}
function platformName(p) {
    return p ? `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ""}` : "unknown";
}
function choosePlatform(index, platform, what) {
    const candidates = index.manifests.filter((m) => m.platform?.os === platform.os &&
        m.platform?.architecture === platform.architecture &&
        (platform.variant === undefined || m.platform?.variant === platform.variant));
    const chosen = candidates[0];
    if (!chosen) {
        throw new errors/* MlopsError */.IC("not-found", `${what} has no image for ${platformName(platform)}`, {
            expected: platformName(platform),
            got: index.manifests.map((m) => platformName(m.platform)).join(", ") || "no manifests",
        });
    }
    return chosen;
}
/**
 * Resolves a reference to one single-platform image manifest: an OCI index or a Docker manifest
 * list is narrowed to `platform` (linux/amd64 unless told), and every document fetched by digest
 * is checked against that digest.
 */
async function pullImageManifest(client, ref, platform = linuxAmd64) {
    const top = await getManifest(client, ref.repository, ref.digest ?? ref.tag ?? "latest");
    const name = reference_formatImageReference(ref);
    if (isIndexMediaType(top.mediaType)) {
        const index = JSON.parse(top.bytes.toString("utf8"));
        const chosen = choosePlatform(index, platform, name);
        const child = await getManifest(client, ref.repository, chosen.digest);
        if (!isImageManifestMediaType(child.mediaType)) {
            throw new errors/* MlopsError */.IC("remote", `${name}: the ${platformName(platform)} entry is not an image manifest`, {
                got: child.mediaType,
            });
        }
        return {
            reference: ref,
            digest: top.digest,
            mediaType: top.mediaType,
            manifest: JSON.parse(child.bytes.toString("utf8")),
            manifestDigest: child.digest,
            manifestMediaType: child.mediaType,
            manifestSize: child.bytes.length,
        };
    }
    if (!isImageManifestMediaType(top.mediaType)) {
        throw new errors/* MlopsError */.IC("remote", `${name} is not an image (media type ${top.mediaType || "missing"})`, {
            expected: "an OCI image manifest or index, or a Docker v2 schema 2 manifest or manifest list",
            got: top.mediaType,
        });
    }
    return {
        reference: ref,
        digest: top.digest,
        mediaType: top.mediaType,
        manifest: JSON.parse(top.bytes.toString("utf8")),
        manifestDigest: top.digest,
        manifestMediaType: top.mediaType,
        manifestSize: top.bytes.length,
    };
}
/** Fetches a small blob (an image config) whole and checks it against its digest. */
async function fetchSmallBlob(client, repository, digest) {
    const what = `pull blob ${digest} from ${repository}`;
    const res = await client.request({
        method: "GET",
        url: `/v2/${repository}/blobs/${digest}`,
        scopes: [registry_client_repositoryScope(repository, ["pull"])],
        ok: [200],
        what,
    });
    const bytes = await readLimited(res, maxConfigBytes, what);
    verifyDigest(bytes, digest, `blob ${digest} of ${client.registry}/${repository}`);
    return bytes;
}
async function fetchImageConfig(client, repository, descriptor) {
    const bytes = await fetchSmallBlob(client, repository, descriptor.digest);
    return JSON.parse(bytes.toString("utf8"));
}
/** The manifest a reference names, narrowed to one platform; see `pullImageManifest`. */
function pullManifest(reference, options = {}) {
    const ref = parseImageReference(reference);
    return pullImageManifest(new RegistryClient(ref.registry, options), ref, options.platform);
}
/**
 * The digest a tag points at now (what to pin a base image to). A HEAD is enough where the
 * registry sends `Docker-Content-Digest`; otherwise the manifest is fetched and hashed.
 */
async function resolveDigest(reference, options = {}) {
    const ref = parseImageReference(reference);
    if (ref.digest)
        return ref.digest;
    const client = new RegistryClient(ref.registry, options);
    const res = await client.request({
        method: "HEAD",
        url: `/v2/${ref.repository}/manifests/${ref.tag ?? "latest"}`,
        scopes: [repositoryScope(ref.repository, ["pull"])],
        headers: { accept: manifestAcceptHeader },
        ok: [200],
        what: `resolve ${formatImageReference(ref)}`,
    });
    const header = res.headers.get("docker-content-digest");
    if (header && /^sha256:[0-9a-f]{64}$/.test(header))
        return header;
    return (await getManifest(client, ref.repository, ref.tag ?? "latest")).digest;
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/build.js









/** Config fields docker writes that describe the build container, not the image: dropped. */
const dockerBuildOnlyFields = ["container", "container_config", "docker_version", "id", "parent", "Size"];
function isoTime(epochSeconds) {
    return new Date(epochSeconds * 1000).toISOString().replace(/\.000Z$/, "Z");
}
async function loadBase(options, platform) {
    if (options.base === "scratch")
        return undefined;
    const ref = reference_parseImageReference(options.base, "base");
    const digest = requireDigest(ref, options.base, "base");
    const client = new registry_client_RegistryClient(ref.registry, { ...options.registry, logger: options.logger });
    const pulled = await pullImageManifest(client, ref, platform);
    const config = await fetchImageConfig(client, ref.repository, pulled.manifest.config);
    const diffIds = config.rootfs?.diff_ids ?? [];
    if (diffIds.length !== pulled.manifest.layers.length) {
        throw new errors/* MlopsError */.IC("remote", `the base image ${options.base} is inconsistent`, {
            expected: `${pulled.manifest.layers.length} diff_ids, one per layer`,
            got: `${diffIds.length}`,
        });
    }
    if (config.os !== platform.os || config.architecture !== platform.architecture) {
        throw new errors/* MlopsError */.IC("refused", `the base image ${options.base} is for ${config.os}/${config.architecture}`, {
            field: "base",
            expected: `${platform.os}/${platform.architecture}`,
            got: `${config.os}/${config.architecture}`,
        });
    }
    return {
        reference: reference_formatImageReference({ ...ref, digest: undefined }),
        digest,
        manifestDigest: pulled.manifestDigest,
        config,
        layers: pulled.manifest.layers.map((layer, i) => ({
            digest: layer.digest,
            diffId: diffIds[i],
            size: layer.size,
            mediaType: ociLayerMediaType(layer.mediaType),
            origin: "base",
            ...(layer.urls ? { urls: layer.urls } : {}),
        })),
    };
}
function mergeEnv(base, extra) {
    const out = [...base];
    for (const [name, value] of Object.entries(extra)) {
        const at = out.findIndex((e) => e.split("=", 1)[0] === name);
        if (at >= 0)
            out[at] = `${name}=${value}`;
        else
            out.push(`${name}=${value}`);
    }
    return out;
}
function sortedRecord(record) {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
function containerConfig(base, runtime, labels) {
    const out = { ...(base ?? {}) };
    delete out.Image;
    if (runtime.user !== undefined)
        out.User = runtime.user;
    if (runtime.exposedPorts) {
        const ports = { ...(out.ExposedPorts ?? {}) };
        for (const p of runtime.exposedPorts)
            ports[typeof p === "number" ? `${p}/tcp` : p] = {};
        out.ExposedPorts = sortedRecord(ports);
    }
    if (runtime.env)
        out.Env = mergeEnv(out.Env ?? [], runtime.env);
    if (runtime.entrypoint) {
        out.Entrypoint = runtime.entrypoint;
        // As in a Dockerfile: a new ENTRYPOINT drops the base's CMD unless a CMD is given too.
        if (!runtime.cmd)
            delete out.Cmd;
    }
    if (runtime.cmd)
        out.Cmd = runtime.cmd;
    if (runtime.workingDir !== undefined)
        out.WorkingDir = runtime.workingDir;
    if (runtime.stopSignal !== undefined)
        out.StopSignal = runtime.stopSignal;
    const merged = sortedRecord({ ...(out.Labels ?? {}), ...labels });
    if (Object.keys(merged).length > 0)
        out.Labels = merged;
    return out;
}
function describeInputs(spec) {
    const files = (spec.files ?? []).map((f) => f.to);
    return files.length > 0 ? `COPY ${files.join(" ")}` : "ADD rootfs";
}
/**
 * Builds an image without a daemon: pulls only the base's manifest and config, writes each layer
 * as a reproducible tar.gz (same inputs and epoch → same digests), and writes an OCI image layout.
 * Base layers are referenced by digest and never downloaded.
 */
async function build_buildImage(options) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    const platform = options.platform ?? linuxAmd64;
    if (!Number.isInteger(options.sourceDateEpoch) || options.sourceDateEpoch < 0) {
        throw new errors/* MlopsError */.IC("usage", "sourceDateEpoch must be whole seconds since 1970", {
            field: "sourceDateEpoch",
            expected: "a non-negative integer (the commit time: git show -s --format=%ct)",
            got: String(options.sourceDateEpoch),
        });
    }
    const created = isoTime(options.sourceDateEpoch);
    // Read every input before any network call, so a missing file fails fast and by name.
    const entries = await Promise.all(options.layers.map((spec, i) => collectLayerEntries(spec, `layers[${i}]`)));
    const base = await loadBase(options, platform);
    await (0,promises_.mkdir)(options.layoutDir, { recursive: true });
    const known = await knownLayers(options.layoutDir);
    const progress = logger.progress("layers", options.layers.length);
    let built;
    try {
        // Layers compress in parallel: zlib runs on libuv's thread pool, one layer per thread.
        built = await Promise.all(entries.map(async (layerEntries, i) => {
            const spec = options.layers[i];
            const layer = await writeLayer(layerEntries, spec.comment, {
                layoutDir: options.layoutDir,
                sourceDateEpoch: options.sourceDateEpoch,
                compressionLevel: options.compressionLevel,
                known,
            });
            progress.tick();
            logger.debug(`layer ${spec.comment}: ${layer.digest} (${layer.reused ? "unchanged" : "written"})`);
            return layer;
        }));
    }
    finally {
        progress.done();
    }
    const layers = [
        ...(base?.layers ?? []),
        ...built.map((l) => ({
            digest: l.digest,
            diffId: l.diffId,
            size: l.size,
            mediaType: l.mediaType,
            origin: "built",
            comment: l.comment,
            reused: l.reused,
        })),
    ];
    const baseConfig = base?.config;
    const passThrough = { ...(baseConfig ?? {}) };
    for (const field of dockerBuildOnlyFields)
        delete passThrough[field];
    const history = [
        ...(baseConfig?.history ?? []),
        ...options.layers.map((spec) => ({
            created,
            created_by: `mlops image build: ${describeInputs(spec)}`,
            comment: spec.comment,
        })),
    ];
    const config = {
        ...passThrough,
        created,
        architecture: platform.architecture,
        os: platform.os,
        ...(platform.variant ? { variant: platform.variant } : {}),
        config: containerConfig(baseConfig?.config, options.config ?? {}, options.labels ?? {}),
        rootfs: { type: "layers", diff_ids: layers.map((l) => l.diffId) },
        history,
    };
    const configBytes = canonicalJson(config);
    const configDigest = await writeBlob(options.layoutDir, configBytes);
    const manifest = {
        schemaVersion: 2,
        mediaType: mediaTypes.ociManifest,
        config: { mediaType: mediaTypes.ociConfig, digest: configDigest, size: configBytes.length },
        layers: layers.map((l) => ({
            mediaType: l.mediaType,
            digest: l.digest,
            size: l.size,
            ...(l.urls ? { urls: l.urls } : {}),
        })),
        ...(base
            ? {
                annotations: {
                    [annotationKeys.baseDigest]: base.digest,
                    [annotationKeys.baseName]: base.reference,
                },
            }
            : {}),
    };
    const manifestBytes = canonicalJson(manifest);
    const manifestDigest = await writeBlob(options.layoutDir, manifestBytes);
    await writeLayoutIndex(options.layoutDir, { mediaType: mediaTypes.ociManifest, digest: manifestDigest, size: manifestBytes.length }, options.tag);
    await pruneBlobs(options.layoutDir, new Set([manifestDigest, configDigest, ...built.map((l) => l.digest)]));
    logger.info(`built ${manifestDigest} (${layers.length} layers, ${built.filter((l) => !l.reused).length} new)`);
    return {
        layoutDir: options.layoutDir,
        manifestDigest,
        manifestSize: manifestBytes.length,
        configDigest,
        layers,
        size: manifestBytes.length + configBytes.length + layers.reduce((sum, l) => sum + l.size, 0),
        ...(base
            ? { base: { reference: base.reference, digest: base.digest, manifestDigest: base.manifestDigest } }
            : {}),
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/host-base-image.js






const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
const defaultImageUser = { name: "mlops", uid: 10001, gid: 10001 };
/** The libraries `ldd` resolves for one ELF file, skipping the vDSO and those shipped next to the file. */
async function sharedLibraries(elf) {
    let stdout;
    try {
        ({ stdout } = await run("ldd", [elf], { encoding: "utf8" }));
    }
    catch (err) {
        throw new MlopsError("command-failed", `ldd could not list the libraries of ${elf}`, {
            file: elf,
            hint: "the base image is made from a Linux host with glibc's ldd",
            cause: err,
        });
    }
    const own = dirname(resolve(elf));
    const libs = [];
    for (const line of stdout.split("\n")) {
        const arrow = /=>\s*(\/\S+)/.exec(line);
        const bare = /^\s*(\/\S+)\s+\(0x/.exec(line);
        const path = arrow?.[1] ?? bare?.[1];
        if (!path) {
            if (/not found/.test(line)) {
                throw new MlopsError("not-found", `a library of ${elf} is missing on this machine: ${line.trim()}`, {
                    file: elf,
                });
            }
            continue;
        }
        if (dirname(path) === own)
            continue;
        libs.push(path);
    }
    return libs;
}
/**
 * Tar entries that reproduce `paths` as the host has them: every symlink met on the way (`/lib` →
 * `usr/lib` on merged-/usr systems, the loader's own link) becomes a symlink entry, and the files
 * they lead to are copied. Directories come out as 0755.
 */
async function hostPathEntries(paths) {
    const entries = new Map();
    const visit = async (start, hops) => {
        if (hops > 40)
            throw new MlopsError("io", `too many symlinks resolving ${start}`, { file: start });
        const parts = posix.normalize(start).split("/").filter(Boolean);
        let current = "";
        for (const [i, part] of parts.entries()) {
            current = `${current}/${part}`;
            const st = await lstat(current);
            const rel = current.slice(1);
            if (st.isSymbolicLink()) {
                const target = await readlink(current);
                entries.set(rel, { path: rel, type: "symlink", mode: 0o777, linkTarget: target });
                const rest = parts.slice(i + 1).join("/");
                const resolved = posix.resolve(posix.dirname(current), target);
                await visit(rest ? `${resolved}/${rest}` : resolved, hops + 1);
                return;
            }
            if (i < parts.length - 1)
                continue;
            if (st.isFile()) {
                entries.set(rel, {
                    path: rel,
                    type: "file",
                    mode: st.mode & 0o111 ? 0o755 : 0o644,
                    size: st.size,
                    hostPath: current,
                });
            }
            else if (!st.isDirectory()) {
                throw new MlopsError("refused", `${current} is not a file, directory or symlink`, { file: current });
            }
        }
    };
    for (const path of paths)
        await visit(resolve(path), 0);
    return [...entries.values()];
}
function host_base_image_text(path, content, mode = 0o644) {
    return { path, type: "file", mode, data: Buffer.from(content, "utf8") };
}
/** Builds the host base image into an OCI layout (base `scratch`, one layer). */
async function buildHostBaseImage(options) {
    const user = options.user ?? defaultImageUser;
    const libraries = new Set();
    for (const elf of [options.nodeBinary, ...(options.libraryProbes ?? [])]) {
        for (const lib of await sharedLibraries(elf))
            libraries.add(lib);
    }
    const files = await hostPathEntries([options.nodeBinary, ...[...libraries].sort()]);
    const home = `home/${user.name}`;
    const entries = [
        ...files,
        host_base_image_text("etc/passwd", `root:x:0:0:root:/root:/sbin/nologin\n${user.name}:x:${user.uid}:${user.gid}:${user.name}:/${home}:/sbin/nologin\n`),
        host_base_image_text("etc/group", `root:x:0:\n${user.name}:x:${user.gid}:\n`),
        { path: "tmp", type: "directory", mode: 0o1777 },
        { path: home, type: "directory", mode: 0o755 },
    ];
    return buildImage({
        base: "scratch",
        layoutDir: options.layoutDir,
        sourceDateEpoch: options.sourceDateEpoch,
        layers: [
            {
                comment: `node${options.nodeVersion ? ` ${options.nodeVersion}` : ""} and its shared libraries from the build host`,
                entries,
            },
        ],
        config: {
            env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
            entrypoint: [posix.resolve(options.nodeBinary)],
            workingDir: "/",
            user: `${user.uid}:${user.gid}`,
        },
        labels: {
            "org.opencontainers.image.description": "node and the shared libraries it needs, copied from the build host",
            ...(options.nodeVersion ? { "io.mlops.node.version": options.nodeVersion } : {}),
        },
        tag: options.tag,
        compressionLevel: options.compressionLevel,
        logger: options.logger,
    });
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/git/index.js + 2 modules
var git = __webpack_require__(51865);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/pipeline/stable-json.js
var stable_json = __webpack_require__(87514);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/serving-image.js








/** Where things live in the serving image; the server finds the model through the environment. */
const servingPaths = {
    app: "/app",
    server: "/app/server",
    nodeModules: "/app/node_modules",
    model: "/app/model/model.onnx",
    versionManifest: "/app/model/version.yaml",
    /** What the server checks and serves: name, version, sha256 and the feature columns (JSON). */
    servingDescriptor: "/app/model/serving.json",
};
const modelLabels = {
    name: "io.mlops.model.name",
    version: "io.mlops.model.version",
    sha256: "io.mlops.model.sha256",
};
/** onnxruntime-node's name for a platform's native binaries: `linux/x64`. */
function onnxruntimePlatform(platform) {
    const arch = platform.architecture === "amd64" ? "x64" : platform.architecture;
    return `${platform.os}/${arch}`;
}
/**
 * onnxruntime-node and onnxruntime-common as layer inputs, with the native binaries of every other
 * platform left out (they are most of the package: 288 MB, of which linux/x64 is 46 MB).
 */
async function onnxruntimeInputs(nodeModulesDir, platform = linuxAmd64) {
    const nodeDir = (0,external_node_path_.join)(nodeModulesDir, "onnxruntime-node");
    const wanted = onnxruntimePlatform(platform);
    const exclude = [];
    const binDir = (0,external_node_path_.join)(nodeDir, "bin");
    let found = false;
    for (const napi of await (0,promises_.readdir)(binDir).catch(() => [])) {
        for (const os of await (0,promises_.readdir)((0,external_node_path_.join)(binDir, napi)).catch(() => [])) {
            for (const arch of await (0,promises_.readdir)((0,external_node_path_.join)(binDir, napi, os)).catch(() => [])) {
                if (`${os}/${arch}` === wanted)
                    found = true;
                else
                    exclude.push(external_node_path_.posix.join("bin", napi, os, arch));
            }
        }
    }
    if (!found) {
        throw new errors/* MlopsError */.IC("not-found", `onnxruntime-node in ${nodeModulesDir} has no ${wanted} binaries`, {
            file: binDir,
            hint: "run `npm ci` so onnxruntime-node's install step fetches its binaries",
        });
    }
    return [
        { from: nodeDir, to: external_node_path_.posix.join(servingPaths.nodeModules, "onnxruntime-node"), exclude: exclude.sort() },
        {
            from: (0,external_node_path_.join)(nodeModulesDir, "onnxruntime-common"),
            to: external_node_path_.posix.join(servingPaths.nodeModules, "onnxruntime-common"),
        },
    ];
}
async function packageVersion(dir) {
    try {
        return (JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, "package.json"), "utf8")).version ?? "?");
    }
    catch {
        return "?";
    }
}
function serving_image_isoTime(epochSeconds) {
    return new Date(epochSeconds * 1000).toISOString().replace(/\.000Z$/, "Z");
}
/**
 * The build of a model-serving image: onnxruntime (changes on a dependency bump), then the server
 * bundle (changes with the server's code), then the model and its version manifest (changes with
 * every version), so a new model version is one new layer on top of layers every node has cached.
 */
async function servingImageBuild(options) {
    const platform = options.platform ?? linuxAmd64;
    const ort = await onnxruntimeInputs(options.nodeModulesDir, platform);
    const model = await fileDigest(options.model.file).catch((err) => {
        throw new errors/* MlopsError */.IC("not-found", `the model file ${options.model.file} does not exist`, {
            file: options.model.file,
            field: "model.file",
            hint: "run the pipeline (mlops run) or fetch the version's artifact first",
            cause: err,
        });
    });
    const modelSha256 = model.digest.slice("sha256:".length);
    const port = options.port ?? 8080;
    const layers = [
        {
            comment: `onnxruntime-node ${await packageVersion((0,external_node_path_.join)(options.nodeModulesDir, "onnxruntime-node"))} (${onnxruntimePlatform(platform)})`,
            files: ort,
        },
        { comment: "server bundle", files: [{ from: options.server.bundleDir, to: servingPaths.server }] },
        {
            comment: `model ${options.model.name} ${options.model.version}`,
            files: [
                { from: options.model.file, to: servingPaths.model },
                ...(options.model.versionManifest
                    ? [{ from: options.model.versionManifest, to: servingPaths.versionManifest }]
                    : []),
                ...(options.model.servingDescriptor
                    ? [{ from: options.model.servingDescriptor, to: servingPaths.servingDescriptor }]
                    : []),
            ],
        },
    ];
    const labels = {
        [annotationKeys.created]: serving_image_isoTime(options.sourceDateEpoch),
        [annotationKeys.version]: options.model.version,
        ...(options.source?.url ? { [annotationKeys.source]: options.source.url } : {}),
        ...(options.source?.revision ? { [annotationKeys.revision]: options.source.revision } : {}),
        [modelLabels.name]: options.model.name,
        [modelLabels.version]: options.model.version,
        [modelLabels.sha256]: modelSha256,
    };
    return {
        base: options.base,
        layoutDir: options.layoutDir,
        sourceDateEpoch: options.sourceDateEpoch,
        layers,
        labels,
        config: {
            entrypoint: ["node", external_node_path_.posix.join(servingPaths.server, options.server.entry)],
            env: {
                NODE_ENV: "production",
                PORT: String(port),
                MODEL_NAME: options.model.name,
                MODEL_VERSION: options.model.version,
                MODEL_PATH: servingPaths.model,
                ...(options.model.versionManifest ? { MODEL_MANIFEST: servingPaths.versionManifest } : {}),
                ...(options.model.servingDescriptor ? { MLOPS_SERVING: servingPaths.servingDescriptor } : {}),
                ...options.env,
            },
            workingDir: servingPaths.app,
            exposedPorts: [port],
            user: options.user ?? "10001:10001",
        },
        tag: options.tag,
        platform,
        registry: options.registry,
        compressionLevel: options.compressionLevel,
        logger: options.logger ?? log/* silentLogger */.qq,
    };
}
/** Builds the model-serving image into an OCI layout; see `servingImageBuild` for its shape. */
async function buildServingImage(options) {
    return build_buildImage(await servingImageBuild(options));
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/model-image.js







/**
 * The serving image of a registered version: its model file (checked against the manifest's hash
 * when the store hands it out), the version manifest and the server's model description, on the
 * server bundle and onnxruntime. Every input is fixed by the version, so the same version, base and
 * server give the same digest on any machine with the same Node release.
 */
async function buildModelImage(layout, options) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    const { resolveServableModel } = await __webpack_require__.e(/* import() */ 759).then(__webpack_require__.bind(__webpack_require__, 46759));
    const resolved = await resolveServableModel(layout, options.selector);
    const { manifest, model } = resolved;
    const epoch = Number((await (0,git/* git */.$Y)(["log", "-1", "--format=%ct", manifest.commit], { cwd: layout.root })).trim());
    const annotation = await (0,git/* git */.$Y)(["tag", "-l", "--format=%(contents)", `${manifest.model}@${manifest.version}`], { cwd: layout.root });
    const staging = (0,external_node_path_.join)(layout.mlopsDir, "tmp", `image-${manifest.model}-${manifest.version}`);
    await (0,promises_.rm)(staging, { recursive: true, force: true });
    await (0,promises_.mkdir)(staging, { recursive: true });
    try {
        const versionFile = (0,external_node_path_.join)(staging, "version.yaml");
        const servingFile = (0,external_node_path_.join)(staging, "serving.json");
        await (0,files/* writeFileAtomic */.Zf)(versionFile, annotation.endsWith("\n") ? annotation : `${annotation}\n`);
        const { onnxPath: _hostPath, ...describe } = model;
        await (0,files/* writeFileAtomic */.Zf)(servingFile, `${(0,stable_json/* stableJson */._)({ ...describe, file: "model.onnx" })}\n`);
        const layoutDir = options.layoutDir ?? (0,external_node_path_.join)(layout.mlopsDir, "images", manifest.model, manifest.version);
        logger.info(`building the image of ${manifest.model} ${manifest.version} on ${options.base}`);
        const build = await buildServingImage({
            base: options.base,
            layoutDir,
            sourceDateEpoch: epoch,
            server: { bundleDir: options.serverBundleDir, entry: options.serverEntry ?? "index.js" },
            nodeModulesDir: options.nodeModulesDir,
            model: {
                name: manifest.model,
                version: manifest.version,
                file: model.onnxPath,
                versionManifest: versionFile,
                servingDescriptor: servingFile,
            },
            source: { ...(options.sourceUrl ? { url: options.sourceUrl } : {}), revision: manifest.commit },
            ...(options.port ? { port: options.port } : {}),
            ...(options.tag ? { tag: options.tag } : {}),
            ...(options.registry ? { registry: options.registry } : {}),
            logger,
        });
        return {
            model: manifest.model,
            version: manifest.version,
            commit: manifest.commit,
            sourceDateEpoch: epoch,
            build,
        };
    }
    finally {
        await (0,promises_.rm)(staging, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/push.js









const defaultChunkSize = 16 << 20;
/** Regroups a stream into chunks of exactly `size` bytes (the last may be shorter). */
async function* rechunk(source, size) {
    let parts = [];
    let length = 0;
    for await (const piece of source) {
        let rest = piece;
        while (length + rest.length >= size) {
            const take = size - length;
            parts.push(rest.subarray(0, take));
            yield Buffer.concat(parts);
            parts = [];
            length = 0;
            rest = rest.subarray(take);
        }
        if (rest.length > 0) {
            parts.push(rest);
            length += rest.length;
        }
    }
    if (length > 0)
        yield Buffer.concat(parts);
}
function withDigestParam(location, base, digest) {
    const url = new URL(location, base);
    url.searchParams.set("digest", digest);
    return url.toString();
}
function requireLocation(res, what) {
    const location = res.headers.get("location");
    if (!location)
        throw new errors/* MlopsError */.IC("remote", `${what}: the registry answered without a Location header`);
    return location;
}
/** Statuses that mean the upload session is broken and the blob must be sent again from its start. */
const restartStatuses = new Set(["400", "404", "416"]);
class BlobPusher {
    target;
    repository;
    chunkSize;
    onBytes;
    bytesUploaded = 0;
    scopes;
    constructor(target, repository, chunkSize, onBytes) {
        this.target = target;
        this.repository = repository;
        this.chunkSize = chunkSize;
        this.onBytes = onBytes;
        this.scopes = [registry_client_repositoryScope(repository, ["pull", "push"])];
    }
    async exists(descriptor) {
        const res = await this.target.request({
            method: "HEAD",
            url: `/v2/${this.repository}/blobs/${descriptor.digest}`,
            scopes: this.scopes,
            ok: [200, 404],
            what: `check blob ${descriptor.digest} in ${this.repository}`,
        });
        await discardBody(res);
        return res.status === 200;
    }
    /** Asks the registry to link a blob from another of its repositories; else returns the upload session it opened. */
    async mount(digest, from) {
        const what = `mount blob ${digest} from ${from} into ${this.repository}`;
        const res = await this.target.request({
            method: "POST",
            url: `/v2/${this.repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`,
            scopes: [...this.scopes, registry_client_repositoryScope(from, ["pull"])],
            ok: [201, 202],
            what,
        });
        await discardBody(res);
        return res.status === 201 ? { mounted: true } : { mounted: false, location: requireLocation(res, what) };
    }
    /** POST, PATCH per chunk with Content-Range, PUT ?digest= (distribution spec, "Pushing a blob in chunks"). */
    async upload(descriptor, source, session) {
        for (let attempt = 1;; attempt++) {
            try {
                await this.uploadOnce(descriptor, source, attempt === 1 ? session : undefined);
                return;
            }
            catch (err) {
                // Retries of single requests live in the client; this restarts a session the registry lost
                // or a blob that arrived damaged (a PATCH replayed after a connection cut).
                const status = err instanceof errors/* MlopsError */.IC ? err.got : undefined;
                if (attempt >= 2 || !status || !restartStatuses.has(status))
                    throw err;
            }
        }
    }
    async uploadOnce(descriptor, source, session) {
        const what = `push blob ${descriptor.digest} to ${this.repository}`;
        let location = session;
        if (!location) {
            const started = await this.target.request({
                method: "POST",
                url: `/v2/${this.repository}/blobs/uploads/`,
                scopes: this.scopes,
                ok: [202],
                what,
            });
            await discardBody(started);
            location = requireLocation(started, what);
        }
        let offset = 0;
        for await (const chunk of rechunk(source.open(0), this.chunkSize)) {
            const res = await this.target.request({
                method: "PATCH",
                url: location,
                scopes: this.scopes,
                headers: {
                    "content-type": "application/octet-stream",
                    "content-range": `${offset}-${offset + chunk.length - 1}`,
                    "content-length": String(chunk.length),
                },
                body: chunk,
                ok: [202],
                what,
            });
            await discardBody(res);
            location = requireLocation(res, what);
            offset += chunk.length;
            this.bytesUploaded += chunk.length;
            this.onBytes(chunk.length);
        }
        if (offset !== source.size) {
            throw new errors/* MlopsError */.IC("io", `${what}: sent ${offset} bytes, but the blob has ${source.size}`);
        }
        const done = await this.target.request({
            method: "PUT",
            url: withDigestParam(location, this.target.origin, descriptor.digest),
            scopes: this.scopes,
            headers: { "content-length": "0" },
            ok: [201],
            what,
        });
        await discardBody(done);
    }
}
function fileSource(path, size) {
    return { size, open: (offset) => (0,external_node_fs_.createReadStream)(path, { start: offset, highWaterMark: 1 << 20 }) };
}
/** A base layer read straight from the base's registry, for a push to another registry. */
function registrySource(client, repository, descriptor) {
    return {
        size: descriptor.size,
        async *open(offset) {
            const res = await client.request({
                method: "GET",
                url: `/v2/${repository}/blobs/${descriptor.digest}`,
                scopes: [registry_client_repositoryScope(repository, ["pull"])],
                headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
                ok: [200, 206],
                what: `pull base layer ${descriptor.digest} from ${client.registry}/${repository}`,
            });
            if (!res.body)
                return;
            for await (const chunk of res.body)
                yield Buffer.from(chunk);
        },
    };
}
async function runPool(items, limit, work) {
    let next = 0;
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
        while (next < items.length) {
            const item = items[next++];
            await work(item);
        }
    });
    await Promise.all(workers);
}
function baseOf(annotations) {
    const name = annotations?.[annotationKeys.baseName];
    if (!name)
        return undefined;
    try {
        return reference_parseImageReference(name);
    }
    catch {
        return undefined;
    }
}
/**
 * Pushes the image of an OCI layout with the distribution API: blobs the repository has are
 * skipped (HEAD), base layers are mounted from the base's repository on the same registry or
 * streamed from the base's registry, the rest is uploaded in chunks, then the manifest is put
 * by tag. Pushing the same image again sends no blob.
 */
async function pushImage(options) {
    const logger = options.logger ?? log/* silentLogger */.qq;
    const target = reference_parseImageReference(options.reference, "reference");
    const image = await readLayoutImage(options.layoutDir);
    if (target.digest && target.digest !== image.descriptor.digest) {
        throw new errors/* MlopsError */.IC("usage", `the reference names ${target.digest}, but the layout holds another image`, {
            field: "reference",
            expected: image.descriptor.digest,
            got: target.digest,
        });
    }
    const client = new registry_client_RegistryClient(target.registry, { ...options, logger });
    const base = baseOf(image.manifest.annotations);
    const sameRegistry = base?.registry === target.registry;
    const baseClient = base && !sameRegistry
        ? new registry_client_RegistryClient(base.registry, { ...options.baseRegistry, logger })
        : undefined;
    // By digest: an image may hold the same layer twice (two empty layers), and it is sent once.
    const blobs = [
        ...new Map([...image.manifest.layers, image.manifest.config].map((b) => [b.digest, b])).values(),
    ];
    const progress = logger.progress("push", blobs.reduce((sum, b) => sum + b.size, 0));
    const pusher = new BlobPusher(client, target.repository, options.chunkSize ?? defaultChunkSize, (n) => progress.tick(n));
    const result = {};
    try {
        const missing = [];
        // HEADs one by one: the first fetches the token that all the others then share.
        for (const blob of blobs) {
            if (await pusher.exists(blob)) {
                result[blob.digest] = "skipped";
                progress.tick(blob.size);
            }
            else {
                missing.push(blob);
            }
        }
        await runPool(missing, options.concurrency ?? 3, async (blob) => {
            const local = blobPath(options.layoutDir, blob.digest);
            const onDisk = await (0,promises_.stat)(local).catch(() => undefined);
            if (onDisk) {
                if (onDisk.size !== blob.size) {
                    throw new errors/* MlopsError */.IC("hash-mismatch", `blob ${blob.digest} in the layout has the wrong size`, {
                        file: local,
                        expected: String(blob.size),
                        got: String(onDisk.size),
                    });
                }
                await pusher.upload(blob, fileSource(local, blob.size));
                result[blob.digest] = "uploaded";
                return;
            }
            if (!base) {
                throw new errors/* MlopsError */.IC("invalid-file", `blob ${blob.digest} is neither in the layout nor in a base image`, {
                    file: local,
                });
            }
            let session;
            if (sameRegistry && base.repository !== target.repository) {
                const mount = await pusher.mount(blob.digest, base.repository);
                if (mount.mounted) {
                    result[blob.digest] = "mounted";
                    progress.tick(blob.size);
                    return;
                }
                session = mount.location;
            }
            const source = sameRegistry
                ? registrySource(client, base.repository, blob)
                : registrySource(baseClient, base.repository, blob);
            await pusher.upload(blob, source, session);
            result[blob.digest] = "uploaded";
        });
        const what = `push manifest ${reference_formatImageReference(target)}`;
        const res = await client.request({
            method: "PUT",
            url: `/v2/${target.repository}/manifests/${target.tag ?? image.descriptor.digest}`,
            scopes: [registry_client_repositoryScope(target.repository, ["pull", "push"])],
            headers: { "content-type": mediaTypes.ociManifest },
            body: image.manifestBytes,
            ok: [201],
            what,
        });
        await discardBody(res);
        const confirmed = res.headers.get("docker-content-digest");
        if (confirmed && confirmed !== image.descriptor.digest) {
            throw new errors/* MlopsError */.IC("hash-mismatch", `${what}: the registry stored another digest`, {
                expected: image.descriptor.digest,
                got: confirmed,
            });
        }
    }
    finally {
        progress.done();
    }
    const pick = (state) => blobs.map((b) => b.digest).filter((d) => result[d] === state);
    const pushed = reference_formatImageReference({ ...target, digest: image.descriptor.digest });
    logger.info(`pushed ${pushed}`);
    return {
        reference: pushed,
        digest: image.descriptor.digest,
        uploaded: pick("uploaded"),
        mounted: pick("mounted"),
        skipped: pick("skipped"),
        bytesUploaded: pusher.bytesUploaded,
    };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/publish-model-image.js


/** Builds a registered version's serving image and, when asked, pushes it: one door for the CLI and actions. */
async function publishModelImage(layout, options) {
    const image = await buildModelImage(layout, options);
    if (!options.pushTo)
        return { image };
    const pushed = await pushImage({
        layoutDir: image.build.layoutDir,
        reference: options.pushTo,
        ...(options.registry ?? {}),
        ...(options.logger ? { logger: options.logger } : {}),
    });
    return { image, pushed };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/image/index.js















/***/ })

};
