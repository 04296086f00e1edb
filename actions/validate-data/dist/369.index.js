export const id = 369;
export const ids = [369];
export const modules = {

/***/ 5369:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  selectDatasets: () => (/* reexport */ selectDatasets)
});

// UNUSED EXPORTS: addData, addRemote, checkoutDatasets, collectGarbage, datasetStatus, datasetsCovering, describeSource, effectiveConfig, findManifestFiles, gcRoots, importData, listRemotes, loadDataset, materialiseFromSource, parseImportSpec, pullDatasets, pushDatasets, removeRemote, resolveRemote, storedObject, verifyDatasets

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/common.js
var common = __webpack_require__(3260);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/data-manifest.js
var data_manifest = __webpack_require__(3583);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/yaml-file.js
var yaml_file = __webpack_require__(7441);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/store/index.js + 19 modules
var store = __webpack_require__(1520);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/repo/index.js + 1 modules
var repo = __webpack_require__(1196);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/manifests.js





// Only the schemas this module needs: loading every kind's schema would cost each quick verb ~0.1 s.



const skippedDirs = new Set(["node_modules", ".git", ".mlops", "lib", "dist", "coverage"]);

/** Every `*.dvc` manifest under the repository, skipping dependency and build folders. */
/** Names a `.gitignore` excludes with a rooted `/name` line: workspace copies that `data add` wrote there. */
function ignoredHere(dir) {
    const file = (0,external_node_path_.join)(dir, ".gitignore");
    if (!(0,external_node_fs_.existsSync)(file))
        return new Set();
    const names = (0,external_node_fs_.readFileSync)(file, "utf8")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => /^\/[^/*?[\]!]+\/?$/.test(line))
        .map((line) => line.replace(/^\//, "").replace(/\/$/, ""));
    return new Set(names);
}
/**
 * Directories listed in `.mlopsignore` at the repository root (one repo-relative path per line, `#`
 * comments): manifests under them are not the repository's datasets, e.g. test fixtures.
 */
function excludedDirs(layout) {
    const file = (0,external_node_path_.join)(layout.root, ".mlopsignore");
    if (!(0,external_node_fs_.existsSync)(file))
        return new Set();
    return new Set((0,external_node_fs_.readFileSync)(file, "utf8")
        .split("\n")
        .map((line) => line.trim().replace(/^\/+/, "").replace(/\/+$/, ""))
        .filter((line) => line !== "" && !line.startsWith("#")));
}
/**
 * Every `*.dvc` manifest under the repository, skipping dependency and build folders and the
 * workspace copies of tracked directories (which can hold 100k files and never hold manifests).
 */
function manifests_findManifestFiles(layout) {
    const out = [];
    const excluded = excludedDirs(layout);
    const visit = (dir) => {
        const ignored = ignoredHere(dir);
        for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
            if (entry.isDirectory()) {
                if (skippedDirs.has(entry.name) || entry.name.startsWith(".venv") || ignored.has(entry.name))
                    continue;
                if (excluded.has((0,repo/* toRepoPath */.xD)(layout, (0,external_node_path_.join)(dir, entry.name))))
                    continue;
                visit((0,external_node_path_.join)(dir, entry.name));
            }
            else if (entry.isFile() && entry.name.endsWith(".dvc")) {
                if ((0,data_manifest/* isDvcOwnFile */.S$)((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, entry.name), "utf8")))
                    continue;
                out.push((0,external_node_path_.join)(dir, entry.name));
            }
        }
    };
    visit(layout.root);
    return out.sort();
}
async function loadDataset(layout, manifestPath) {
    const abs = (0,external_node_path_.resolve)(layout.root, manifestPath);
    const file = (0,repo/* toRepoPath */.xD)(layout, abs);
    const manifest = await (0,yaml_file/* readYamlFile */.kv)(abs, data_manifest/* dataManifest */.UL, file);
    const out = manifest.outs[0];
    if (!out)
        throw new errors/* MlopsError */.IC("invalid-file", "expected at least one output", { file, field: "outs" });
    return { file, name: (0,external_node_path_.basename)(abs, ".dvc"), manifest, outPath: (0,external_node_path_.resolve)((0,external_node_path_.dirname)(abs), out.path) };
}
/**
 * The datasets named by `targets` (a manifest path, a workspace path, or a dataset name), or every
 * dataset when none is given.
 */
async function selectDatasets(layout, targets = [], cwd = process.cwd()) {
    const all = await Promise.all(manifests_findManifestFiles(layout).map((f) => loadDataset(layout, f)));
    if (targets.length === 0)
        return all;
    return targets.map((target) => {
        const abs = (0,external_node_path_.resolve)(cwd, target);
        const found = all.find((d) => d.name === target ||
            (0,external_node_path_.resolve)(layout.root, d.file) === abs ||
            d.outPath === abs ||
            (0,external_node_path_.resolve)(layout.root, d.file) === `${abs}.dvc`);
        if (!found) {
            throw new errors/* MlopsError */.IC("not-found", `'${target}' is not a tracked dataset`, {
                hint: "name a dataset, its .dvc manifest or its workspace path; `mlops data status` lists them",
            });
        }
        return found;
    });
}
/** The tracked datasets whose workspace copy is, or holds, one of these repo-relative paths. */
async function datasetsCovering(layout, repoPaths) {
    return (await selectDatasets(layout)).filter((d) => {
        const out = toRepoPath(layout, d.outPath);
        return repoPaths.some((p) => p === out || p.startsWith(`${out}/`));
    });
}
async function manifests_saveManifest(absPath, manifest) {
    await writeYamlFile(absPath, dataManifest, manifest);
}
/**
 * Adds `/<name>` to the `.gitignore` next to a workspace copy, as DVC does, so the bytes never get
 * committed while the manifest does.
 */
async function manifests_ignoreInGit(workspacePath) {
    const ignoreFile = join(dirname(workspacePath), ".gitignore");
    const line = `/${basename(workspacePath)}`;
    const text = existsSync(ignoreFile) ? await readFile(ignoreFile, "utf8") : "";
    if (text.split("\n").includes(line))
        return;
    await writeFileAtomic(ignoreFile, `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${line}\n`);
}
const mlopsIgnore = (/* unused pure expression or super */ null && (`# Written by mlops: machine-local state never belongs in git.
/cache/
/state/
/tmp/
/venvs/
/config.local.yaml
`));
/** Makes sure `.mlops/.gitignore` keeps the cache, state and local config out of commits. */
async function manifests_ensureStateIgnored(layout) {
    const file = join(layout.mlopsDir, ".gitignore");
    if (!existsSync(file))
        await writeFileAtomic(file, mlopsIgnore);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/source.js










const execFileAsync = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** `name[@version]/path`: the name and version are checked on their own below, for a clear message. */
const packagePattern = /^((?:@[^/@]+\/)?[^/@]+)(?:@([^/]*))?\/(.+)$/;
const packageExpected = "PACKAGE[@VERSION]/PATH (e.g. vega-datasets@3.2.1/data/cars.json) or https://…";
/** How a person reads a recorded source: its URL, `s3://…` location, or `package@version/path`. */
function source_describeSource(source) {
    if ("url" in source)
        return source.url;
    if ("s3" in source)
        return source.s3;
    return `${source.package}@${source.version}/${source.path}`;
}
function source_parseImportSpec(spec) {
    if (/^https?:\/\//.test(spec) || /^data:/.test(spec))
        return { url: spec };
    if (spec.startsWith("s3://")) {
        if (!parseS3Object(spec)) {
            throw new MlopsError("usage", `'${spec}' is not an S3 object or prefix`, {
                expected: "s3://BUCKET/KEY or s3://BUCKET/PREFIX/ (BUCKET: 3-63 lowercase letters, digits, '.' or '-')",
            });
        }
        return { s3: spec };
    }
    const match = packagePattern.exec(spec);
    if (!match) {
        throw new MlopsError("usage", `'${spec}' is neither an http(s) or data: URL nor an npm package path`, {
            expected: packageExpected,
        });
    }
    const [, pkg, version, path] = match;
    // Only a registry package at an exact version: a git, file:, tarball or alias spec would have
    // `npm pack` fetch (and build, running its scripts) code from wherever the spec points.
    if (pkg.length > 214 || !npmPackageNamePattern.test(pkg)) {
        throw new MlopsError("usage", `refusing the npm source '${spec}': '${pkg}' is not a registry package name`, {
            expected: "PACKAGE@VERSION/PATH with a registry package name (lowercase, optionally @scope/name); git, file: and URL specs are refused",
            got: spec,
        });
    }
    if (version !== undefined && !exactSemverPattern.test(version)) {
        throw new MlopsError("usage", `refusing the npm source '${spec}': the version of ${pkg} is not exact`, {
            expected: "an exact version such as 3.2.1; git, file:, URL, range and tag specs are refused",
            got: spec,
        });
    }
    const normal = posix.normalize(path);
    if (normal.startsWith("..") || normal.startsWith("/")) {
        throw new MlopsError("usage", `the path inside the package must stay inside it, got '${path}'`);
    }
    return version === undefined ? { package: pkg, path: normal } : { package: pkg, version, path: normal };
}
async function installedVersion(layout, pkg) {
    const manifest = join(layout.root, "node_modules", pkg, "package.json");
    if (!existsSync(manifest))
        return undefined;
    const parsed = JSON.parse(await readFile(manifest, "utf8"));
    return typeof parsed.version === "string" ? parsed.version : undefined;
}
/** The exact version to record: the one asked for, else the one installed, else the registry's latest. */
async function source_resolvePackageVersion(layout, spec) {
    if (spec.version)
        return spec.version;
    if (!spec.version) {
        const installed = await installedVersion(layout, spec.package);
        if (installed)
            return installed;
    }
    const wanted = spec.version ? `${spec.package}@${spec.version}` : spec.package;
    try {
        const { stdout } = await execFileAsync("npm", ["view", wanted, "version", "--json"], {
            cwd: layout.root,
        });
        const parsed = JSON.parse(stdout);
        const version = Array.isArray(parsed) ? parsed.at(-1) : parsed;
        if (typeof version === "string" && exactSemverPattern.test(version))
            return version;
    }
    catch (cause) {
        throw new MlopsError("remote", `could not resolve a version of ${wanted} from the npm registry`, {
            cause,
        });
    }
    throw new MlopsError("not-found", `no version of ${wanted} on the npm registry`);
}
/**
 * Writes the source's bytes to `dest` (a file or a directory, which must not exist yet). A package
 * comes from `node_modules` when the installed version is the recorded one, else from `npm pack`
 * of that exact version; the caller verifies the bytes against the manifest's hash.
 */
async function source_fetchFromSource(layout, source, dest) {
    if ("s3" in source) {
        await fetchFromS3(source, dest);
        return;
    }
    if ("url" in source) {
        let response;
        try {
            response = await fetch(source.url);
        }
        catch (cause) {
            throw new MlopsError("remote", `could not download ${source.url}`, { cause });
        }
        if (!response.ok || !response.body) {
            throw new MlopsError("remote", `downloading ${source.url} failed: HTTP ${response.status}`);
        }
        await pipeline(Readable.fromWeb(response.body), createWriteStream(dest, { flags: "wx" }));
        return;
    }
    // Manifests are schema-checked on load; this guards every other caller the same way.
    source_parseImportSpec(`${source.package}@${source.version}/${source.path}`);
    const installed = await installedVersion(layout, source.package);
    if (installed === source.version) {
        const from = join(layout.root, "node_modules", source.package, source.path);
        if (existsSync(from)) {
            await cp(from, dest, { recursive: statSync(from).isDirectory(), errorOnExist: true, force: false });
            return;
        }
    }
    await mkdir(layout.tmpDir, { recursive: true });
    const scratch = await mkdtemp(join(layout.tmpDir, "pack-"));
    try {
        const spec = `${source.package}@${source.version}`;
        let tarball;
        try {
            // Scripts disabled: a registry tarball needs none to be unpacked, and none may run in a trusted job.
            const { stdout } = await execFileAsync("npm", ["pack", spec, "--ignore-scripts", "--json", "--pack-destination", scratch], {
                cwd: scratch,
            });
            const parsed = JSON.parse(stdout);
            tarball = join(scratch, parsed[0]?.filename ?? "");
        }
        catch (cause) {
            throw new MlopsError("remote", `could not fetch ${spec} from the npm registry`, { cause });
        }
        const inside = `package/${source.path}`;
        const tar = await __webpack_require__.e(/* import() */ 697).then(__webpack_require__.bind(__webpack_require__, 8697));
        await tar.x({ file: tarball, cwd: scratch, filter: (p) => p === inside || p.startsWith(`${inside}/`) });
        const extracted = join(scratch, inside);
        if (!existsSync(extracted)) {
            throw new MlopsError("not-found", `${spec} has no '${source.path}'`);
        }
        await cp(extracted, dest, { recursive: true, errorOnExist: true, force: false });
    }
    finally {
        await rm(scratch, { recursive: true, force: true });
    }
}
/** `s3://BUCKET/KEY` (an object, or a prefix when it ends in `/` or holds no such object). */
function parseS3Object(url) {
    const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.+)$/.exec(url);
    if (!match)
        return undefined;
    const [, bucket, path] = match;
    const key = path.replace(/\/+$/, "");
    const segments = key.split("/");
    if (key === "" || segments.some((s) => s === "" || s === "." || s === ".."))
        return undefined;
    return { bucket, key, isPrefix: path.endsWith("/") };
}
/**
 * Downloads one object to `dest`, or every object under a prefix into the directory `dest`
 * (keys become relative paths; a key that would climb out is refused). The caller hashes the result
 * against the manifest.
 */
async function fetchFromS3(source, dest) {
    const parsed = parseS3Object(source.s3);
    if (!parsed)
        throw new MlopsError("usage", `'${source.s3}' is not an S3 object or prefix`);
    const where = `${source.s3}${source.endpoint ? ` at ${source.endpoint}` : ""}`;
    const client = await createS3Client({
        bucket: parsed.bucket,
        prefix: "",
        ...(source.endpoint ? { endpoint: source.endpoint } : {}),
        ...(source.region ? { region: source.region } : {}),
        ...(source.pathStyle ? { pathStyle: true } : {}),
    });
    const { GetObjectCommand, ListObjectsV2Command } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const getTo = async (key, path) => {
        const response = await client.send(new GetObjectCommand({ Bucket: parsed.bucket, Key: key }));
        await pipeline(response.Body, createWriteStream(path, { flags: "wx" }));
    };
    try {
        if (!parsed.isPrefix) {
            try {
                await getTo(parsed.key, dest);
                return;
            }
            catch (err) {
                if (!isS3NotFound(err))
                    throw err;
                await rm(dest, { force: true });
            }
        }
        const prefix = `${parsed.key}/`;
        const keys = [];
        let token;
        do {
            const page = await client.send(new ListObjectsV2Command({
                Bucket: parsed.bucket,
                Prefix: prefix,
                ...(token ? { ContinuationToken: token } : {}),
            }));
            for (const entry of page.Contents ?? [])
                if (entry.Key && !entry.Key.endsWith("/"))
                    keys.push(entry.Key);
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        if (keys.length === 0) {
            throw new MlopsError("not-found", `${where} is neither an object nor a prefix holding objects`);
        }
        await mkdir(dest);
        for (const key of keys) {
            const rel = key.slice(prefix.length);
            const normal = posix.normalize(rel);
            if (normal !== rel || normal.startsWith("../") || normal.startsWith("/")) {
                throw new MlopsError("refused", `${where}: the key '${key}' does not map to a path inside the dataset`);
            }
            const target = join(dest, ...normal.split("/"));
            await mkdir(dirname(target), { recursive: true });
            await getTo(key, target);
        }
    }
    catch (err) {
        throw s3Failure(err, `downloading ${source.s3}`, where, parsed.bucket);
    }
    finally {
        client.destroy();
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/add.js












function defaultName(path) {
    const base = basename(path);
    const ext = extname(base);
    return (ext && ext !== base ? base.slice(0, -ext.length) : base).toLowerCase();
}
/** Hashes a file or directory into the cache and writes its manifest next to it; git ignores the bytes. */
async function addData(layout, path, options = {}) {
    const abs = resolve(options.cwd ?? process.cwd(), path);
    const shown = toRepoPath(layout, abs);
    if (shown.startsWith("..") || abs === layout.root) {
        throw new MlopsError("usage", `${path} is not inside the repository ${layout.root}`);
    }
    if (shown === ".mlops" || shown.startsWith(".mlops/") || shown.split("/").includes(".git")) {
        throw new MlopsError("usage", `${shown} is the repository's own state and cannot be tracked`);
    }
    if (!existsSync(abs))
        throw new MlopsError("not-found", `${shown} does not exist`, { file: shown });
    const name = options.name ?? defaultName(abs);
    if (!nameSlug.safeParse(name).success) {
        throw new MlopsError("usage", `'${name}' is not a valid dataset name`, {
            expected: "lowercase letters, digits, '.', '_' or '-'",
            hint: "pass --name NAME",
        });
    }
    const manifestPath = join(dirname(abs), `${name}.dvc`);
    const manifestShown = toRepoPath(layout, manifestPath);
    let previous;
    if (existsSync(manifestPath)) {
        previous = await readYamlFile(manifestPath, dataManifest, manifestShown);
        const tracked = previous.outs[0]?.path;
        if (tracked !== undefined && resolve(dirname(manifestPath), tracked) !== abs) {
            throw new MlopsError("conflict", `${manifestShown} already tracks ${tracked}, not ${basename(abs)}`, {
                file: manifestShown,
                hint: "pick another --name",
            });
        }
    }
    await ensureStateIgnored(layout);
    const cache = new Cache(layout.cacheDir);
    const index = await HashIndex.open(layout.stateDir);
    const logger = options.logger ?? silentLogger;
    let out;
    let hashed;
    const outPath = relative(dirname(manifestPath), abs).split("\\").join("/");
    if (statSync(abs).isDirectory()) {
        const tree = await cache.addDirectory(abs, index, logger);
        out = { path: outPath, hash: "sha256", sha256: tree.oid, size: tree.size, nfiles: tree.nfiles };
        hashed = tree.hashed;
    }
    else {
        const file = await cache.addFile(abs, index);
        out = { path: outPath, hash: "sha256", sha256: file.sha256, size: file.size };
        hashed = file.hashed ? 1 : 0;
    }
    await index.save();
    const source = options.source ?? previous?.source;
    const manifest = {
        outs: [out],
        ...(source ? { source } : {}),
        ...(previous?.schema ? { schema: previous.schema } : {}),
        ...(previous?.desc ? { desc: previous.desc } : {}),
        ...(previous?.meta ? { meta: previous.meta } : {}),
    };
    await saveManifest(manifestPath, manifest);
    await ignoreInGit(abs);
    return {
        name,
        manifest: manifestShown,
        path: shown,
        sha256: out.sha256,
        size: out.size,
        ...(out.nfiles === undefined ? {} : { nfiles: out.nfiles }),
        hashed,
    };
}
/**
 * Copies a dataset from an npm package or a URL into the workspace and tracks it with its source
 * recorded, so a clone that has neither cache nor remote can fetch the same bytes again.
 */
async function importData(layout, spec, path, options = {}) {
    const parsed = parseImportSpec(spec);
    let source;
    if ("url" in parsed) {
        source = { url: parsed.url };
    }
    else if ("s3" in parsed) {
        source = { s3: parsed.s3 };
    }
    else {
        const pkg = parsed;
        source = { package: pkg.package, version: await resolvePackageVersion(layout, pkg), path: pkg.path };
    }
    const defaultDest = join(layout.dataDir, basename("url" in source
        ? new URL(source.url).pathname
        : "s3" in source
            ? source.s3.replace(/\/+$/, "")
            : source.path));
    const dest = path === undefined ? defaultDest : resolve(options.cwd ?? process.cwd(), path);
    if ("s3" in source) {
        const manifest = join(dirname(dest), `${options.name ?? defaultName(dest)}.dvc`);
        source = { ...source, ...(options.s3 ?? (await recordedS3Settings(manifest, source.s3))) };
    }
    if (existsSync(dest) && !options.force) {
        throw new MlopsError("conflict", `${toRepoPath(layout, dest)} already exists`, {
            hint: "pass --force to replace it",
        });
    }
    await mkdir(dirname(dest), { recursive: true });
    const temp = tempPathFor(dest);
    options.logger?.info(`fetching ${describeSource(source)}`);
    try {
        await fetchFromSource(layout, source, temp);
        await rm(dest, { recursive: true, force: true });
        await rename(temp, dest);
    }
    catch (err) {
        await rm(temp, { recursive: true, force: true });
        throw err;
    }
    const added = await addData(layout, dest, { ...options, source });
    return { ...added, source };
}
/** The endpoint settings a manifest already records for this S3 URL: a refresh reaches the same store. */
async function recordedS3Settings(manifestPath, url) {
    if (!existsSync(manifestPath))
        return {};
    const recorded = (await readYamlFile(manifestPath, dataManifest, manifestPath)).source;
    if (!recorded || !("s3" in recorded) || recorded.s3 !== url)
        return {};
    const { s3: _url, ...settings } = recorded;
    return settings;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/deploy-settings.js

/**
 * Kubernetes resource quantities as mlops accepts them: CPU in cores or millicores (`2`, `0.5`,
 * `250m`), memory in bytes with a binary or decimal suffix (`512Mi`, `1Gi`, `500M`). A subset of
 * the API's quantity grammar (no exponents, no `n`/`u` suffixes), so every accepted value means
 * the same thing here and in the cluster, and can be compared with its limit.
 */
const cpuPattern = /^(\d+(\.\d{1,3})?|\d+m)$/;
const memoryPattern = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;
const memoryFactor = {
    "": 1,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
};
/** Millicores of a CPU quantity accepted by `cpuQuantity`. */
function cpuMillicores(text) {
    return text.endsWith("m") ? Number(text.slice(0, -1)) : Math.round(Number(text) * 1000);
}
/** Bytes of a memory quantity accepted by `memoryQuantity`. */
function memoryBytes(text) {
    const match = /^(\d+(?:\.\d+)?)([A-Za-z]*)$/.exec(text);
    return Number(match?.[1]) * (memoryFactor[match?.[2] ?? ""] ?? Number.NaN);
}
// YAML reads `cpu: 1` as a number; the quantity is its text either way.
const quantityText = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()]).transform((v) => String(v));
const cpuQuantity = quantityText
    .refine((v) => cpuPattern.test(v), "expected CPU as cores or millicores, like 0.5, 2 or 250m")
    .refine((v) => !cpuPattern.test(v) || cpuMillicores(v) > 0, "expected more than zero CPU")
    .refine((v) => !cpuPattern.test(v) || cpuMillicores(v) <= 512_000, "expected at most 512 cores (no node has more)");
/** The server (Node.js with onnxruntime and the model) does not start in less. */
const minimumMemoryBytes = 64 * 2 ** 20;
const memoryQuantity = quantityText
    .refine((v) => memoryPattern.test(v), "expected memory in bytes with a suffix, like 256Mi, 1Gi or 500M")
    .refine((v) => !memoryPattern.test(v) || memoryBytes(v) >= minimumMemoryBytes, "expected at least 64Mi: the server (Node.js, onnxruntime and the model) needs that much to start")
    .refine((v) => !memoryPattern.test(v) || memoryBytes(v) <= 2 ** 50, "expected at most 1Pi");
const resourceAmounts = schemas/* strictObject */.rej({
    cpu: cpuQuantity.optional(),
    memory: memoryQuantity.optional(),
});
const resourceSettings = schemas/* strictObject */.rej({
    requests: resourceAmounts
        .prefault({})
        .describe("what the scheduler reserves per pod (default cpu 250m, memory 256Mi)"),
    limits: resourceAmounts
        .prefault({})
        .describe("what a pod may use at most (default cpu 1, memory 512Mi); at least the request"),
})
    .describe("Kubernetes resource requests and limits of the serving container");
const deployKind = schemas/* enum */.k5n(["deployment", "kserve"], { error: "expected one of: deployment, kserve" })
    .describe("deployment: a Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget; kserve: one KServe InferenceService (V2 protocol)");
const positiveInt = (what) => schemas/* number */.aig({ error: `expected ${what}` })
    .int(`expected ${what}`)
    .positive(`expected ${what}`);
/** `deploy:` in a model card: how `mlops deploy render` runs the model's serving image. */
const modelDeploySettings = schemas/* strictObject */.rej({
    kind: deployKind.optional().describe("overrides deploy.kind of .mlops/config.yaml for this model"),
    replicas: schemas/* strictObject */.rej({
        min: positiveInt("a whole number of pods >= 1").default(1),
        max: positiveInt("a whole number of pods >= 1").default(3),
    })
        .prefault({})
        .describe("the autoscaler's range of pods"),
    target_cpu_utilization: schemas/* number */.aig({ error: "expected a percentage" })
        .int("expected a whole percentage")
        .min(1, "expected a percentage 1–100")
        .max(100, "expected a percentage 1–100")
        .default(70)
        .describe("the average CPU use (percent of the request) the autoscaler keeps pods at"),
    resources: resourceSettings.prefault({}),
    port: schemas/* number */.aig({ error: "expected a port number" })
        .int("expected a port number")
        .min(1024, "expected a port 1024–65535 (the server runs as a non-root user)")
        .max(65535, "expected a port 1024–65535 (the server runs as a non-root user)")
        .default(8080)
        .describe("the port the server listens on in the pod (PORT)"),
    workers: schemas/* number */.aig({ error: "expected a whole number of processes" })
        .int("expected a whole number of processes")
        .min(1, "expected 1–64 processes")
        .max(64, "expected 1–64 processes")
        .default(1)
        .describe("server processes per pod (MLOPS_WORKERS)"),
    max_batch: positiveInt("a positive number of rows").optional().describe("MLOPS_MAX_BATCH"),
    max_delay_ms: schemas/* number */.aig({ error: "expected milliseconds" })
        .min(0, "expected 0 ms or more")
        .optional()
        .describe("MLOPS_MAX_DELAY_MS"),
    threads: positiveInt("a positive number of threads").optional().describe("MLOPS_THREADS"),
    prediction_log: schemas/* strictObject */.rej({
        sample_rate: schemas/* number */.aig({ error: "expected a fraction 0–1" })
            .min(0, "expected a fraction 0–1")
            .max(1, "expected a fraction 0–1")
            .default(0.01),
        claim: schemas/* string */.YjP()
            .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "expected a PersistentVolumeClaim name (lowercase letters, digits, '-')")
            .optional()
            .describe("write the log to /var/log/mlops/predictions.jsonl on this PersistentVolumeClaim instead of standard output"),
    })
        .prefault({})
        .describe("sampled requests as JSON lines: on standard output (the default) or on a volume"),
    alerts: schemas/* strictObject */.rej({
        latency_p99_ms: schemas/* number */.aig({ error: "expected milliseconds" })
            .positive("expected a positive number of milliseconds")
            .default(250)
            .describe("the latency target: alert when the p99 of inference requests stays above it"),
        error_ratio: schemas/* number */.aig({ error: "expected a fraction 0–1" })
            .positive("expected a fraction above 0")
            .max(1, "expected a fraction 0–1")
            .default(0.05)
            .describe("alert when this share of inference requests is not answered 2xx"),
        drift_psi: schemas/* number */.aig({ error: "expected a PSI" })
            .positive("expected a PSI above 0")
            .default(0.2)
            .describe("alert when a feature's live input drift PSI stays above this"),
        drift_min_rows: positiveInt("a positive number of rows")
            .default(100)
            .describe("rows a feature's drift window must hold before its PSI can alert"),
        no_traffic_minutes: positiveInt("a whole number of minutes")
            .default(15)
            .describe("alert when a serving model got no inference request for this long"),
        prometheus_operator: schemas/* boolean */.zMY({ error: "expected true or false" })
            .default(false)
            .describe("add the PrometheusRule, PodMonitor and Grafana dashboard ConfigMap to the model's kustomization (the cluster needs the Prometheus Operator's CRDs)"),
    })
        .prefault({})
        .describe("Prometheus alerts and the Grafana dashboard rendered beside the manifests"),
})
    .superRefine((d, ctx) => {
    if (d.replicas.min > d.replicas.max) {
        ctx.addIssue({
            code: "custom",
            path: ["replicas", "min"],
            message: `expected at most replicas.max (${d.replicas.max}), got ${d.replicas.min}`,
        });
    }
    const { requests, limits } = d.resources;
    if (requests.cpu && limits.cpu && cpuMillicores(requests.cpu) > cpuMillicores(limits.cpu)) {
        ctx.addIssue({
            code: "custom",
            path: ["resources", "requests", "cpu"],
            message: `expected at most the limit (${limits.cpu}), got ${requests.cpu}`,
        });
    }
    if (requests.memory && limits.memory && memoryBytes(requests.memory) > memoryBytes(limits.memory)) {
        ctx.addIssue({
            code: "custom",
            path: ["resources", "requests", "memory"],
            message: `expected at most the limit (${limits.memory}), got ${requests.memory}`,
        });
    }
})
    .describe("how the model runs in Kubernetes: `mlops deploy render` and the environments branch");
/** `deploy:` in .mlops/config.yaml: where each environment's manifests are committed. */
const repoDeploySettings = schemas/* strictObject */.rej({
    branch: schemas/* string */.YjP()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, "expected a branch name of letters, digits, '.', '_', '-' and '/'")
        .refine((b) => b !== "main" && b !== "master", "expected a branch other than main: the flows push to it")
        .default("environments")
        .describe("the branch holding every environment's manifests (never main)"),
    path: schemas/* string */.YjP()
        .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, "expected a relative directory like deploy")
        .refine((p) => !p.split("/").includes(".."), "expected a directory inside the branch")
        .default("deploy")
        .describe("the directory in that branch: <path>/<environment>/kustomization.yaml"),
    repository: schemas/* string */.YjP()
        .min(1, "expected a git URL or path")
        .optional()
        .describe("another git repository holding the branch (default: the repository's origin)"),
    kind: deployKind.default("deployment"),
    namespace: schemas/* string */.YjP()
        .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "expected a Kubernetes namespace name")
        .optional()
        .describe("the namespace each environment's kustomization sets"),
})
    .describe("GitOps deployment: the flows commit each environment's manifests to this branch");

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/repo-config.js



const repo_config_remoteConfig = schemas/* strictObject */.rej({
    url: schemas/* string */.YjP().min(1, "expected a remote URL or directory path"),
    /** Concurrent transfers for this remote. */
    jobs: schemas/* number */.aig().int().min(1).max(64).optional(),
    /** s3:// remotes: an S3-compatible endpoint (MinIO, Cloudflare R2, Ceph…). Never credentials. */
    endpoint: schemas/* url */.OZ5({ protocol: /^https?$/, error: "expected an http(s) endpoint URL" }).optional(),
    /** s3:// remotes: the bucket's region. */
    region: schemas/* string */.YjP()
        .regex(/^[a-z0-9-]{2,32}$/, "expected a region name like eu-west-1 (or auto for R2)")
        .optional(),
    /** s3:// remotes: path-style addressing (endpoint/bucket/key). */
    pathStyle: schemas/* boolean */.zMY().optional(),
});
/**
 * Where a stage deploys: the GitHub environment its deployments are recorded in (so that
 * environment's protection rules, such as required reviewers, apply to the job that promotes to it)
 * and the URL people reach it at. Targets are configuration: a team whose ladder is dev → preprod →
 * prod maps `staging` to `preprod` here, without touching a workflow.
 */
const stageTarget = schemas/* strictObject */.rej({
    environment: schemas/* string */.YjP().min(1, "expected a GitHub environment name").max(255),
    url: schemas/* url */.OZ5({ error: "expected the environment's URL" }).optional(),
});
/** The serving images: where they are pushed (the model name is appended) and what they are built on. */
const imagesConfig = schemas/* strictObject */.rej({
    repository: common/* imageRepositoryName */.pU.optional(),
    base: schemas/* string */.YjP()
        .regex(/@sha256:[0-9a-f]{64}$/, "expected a base image pinned by digest (…@sha256:<64 hex>)")
        .optional(),
});
/** `.mlops/config.yaml` (tracked) and `.mlops/config.local.yaml` (per machine, merged over it). */
const repo_config_repoConfig = schemas/* strictObject */.rej({
    remotes: schemas/* record */.g1P(common/* nameSlug */.Ng, repo_config_remoteConfig).default({}),
    defaults: schemas/* strictObject */.rej({
        remote: common/* nameSlug */.Ng.optional(),
        jobs: schemas/* number */.aig().int().min(1).max(64).optional(),
    })
        .default({}),
    stages: schemas/* record */.g1P(common/* nameSlug */.Ng, stageTarget).optional(),
    images: imagesConfig.optional(),
    deploy: repoDeploySettings.optional(),
});
/** Stage → GitHub environment when the config names none: the two names GitHub users expect. */
const defaultStageEnvironments = {
    staging: "staging",
    prod: "production",
};

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/config.js








function fileFor(layout, scope) {
    return scope === "local" ? layout.localConfigFile : layout.configFile;
}
async function readConfigFile(layout, scope) {
    const file = fileFor(layout, scope);
    if (!existsSync(file))
        return repoConfig.parse({});
    return readYamlFile(file, repoConfig, relative(layout.root, file));
}
async function writeConfigFile(layout, scope, config) {
    await ensureStateIgnored(layout);
    await writeYamlFile(fileFor(layout, scope), repoConfig, config);
}
/** The tracked config with the machine-local one laid over it (a local remote of the same name wins). */
async function effectiveConfig(layout) {
    const shared = await readConfigFile(layout, "repo");
    const local = await readConfigFile(layout, "local");
    const scopes = {};
    for (const name of Object.keys(shared.remotes))
        scopes[name] = "repo";
    for (const name of Object.keys(local.remotes))
        scopes[name] = "local";
    return {
        remotes: { ...shared.remotes, ...local.remotes },
        defaults: { ...shared.defaults, ...local.defaults },
        stages: { ...shared.stages, ...local.stages },
        images: { ...shared.images, ...local.images },
        ...(shared.deploy || local.deploy
            ? { deploy: { ...shared.deploy, ...local.deploy } }
            : {}),
        scopes,
    };
}
function s3SettingsOf(remote) {
    return {
        ...(remote.endpoint === undefined ? {} : { endpoint: remote.endpoint }),
        ...(remote.region === undefined ? {} : { region: remote.region }),
        ...(remote.pathStyle ? { pathStyle: true } : {}),
    };
}
async function listRemotes(layout) {
    const config = await effectiveConfig(layout);
    return Object.entries(config.remotes)
        .map(([name, remote]) => ({
        name,
        url: remote.url,
        scope: config.scopes[name] ?? "repo",
        default: config.defaults.remote === name,
        ...(remote.jobs === undefined ? {} : { jobs: remote.jobs }),
        ...s3SettingsOf(remote),
    }))
        .sort((a, b) => a.name.localeCompare(b.name));
}
async function addRemote(layout, name, url, options = {}) {
    const scope = options.scope ?? "repo";
    if (!nameSlug.safeParse(name).success) {
        throw new MlopsError("usage", `'${name}' is not a valid remote name`, {
            expected: "lowercase letters, digits, '.', '_' or '-', starting with a letter or digit",
        });
    }
    const config = await readConfigFile(layout, scope);
    if (config.remotes[name] && !options.force) {
        throw new MlopsError("conflict", `remote '${name}' already exists (${config.remotes[name].url})`, {
            hint: "pass --force to replace it, or `mlops remote remove` it first",
        });
    }
    const s3 = s3SettingsOf(options);
    const entry = remoteConfig.safeParse({
        url,
        ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
        ...s3,
    });
    if (!entry.success) {
        const issue = entry.error.issues[0];
        throw new MlopsError("usage", `remote '${name}': ${issue?.path.join(".") || "url"}: ${issue?.message}`, {
            field: `remotes.${name}.${issue?.path.join(".") ?? ""}`,
        });
    }
    // Validates the URL and refuses schemes we cannot talk to yet (no request is made).
    openRemote({ name, url, ...s3 }, layout.root);
    config.remotes[name] = entry.data;
    const everyRemote = await effectiveConfig(layout);
    if (options.makeDefault ||
        (Object.keys(everyRemote.remotes).length === 0 && !everyRemote.defaults.remote)) {
        config.defaults.remote = name;
    }
    await writeConfigFile(layout, scope, config);
    const listed = (await listRemotes(layout)).find((r) => r.name === name);
    return listed ?? { name, url, scope, default: config.defaults.remote === name };
}
async function removeRemote(layout, name) {
    for (const scope of ["local", "repo"]) {
        const config = await readConfigFile(layout, scope);
        if (!config.remotes[name])
            continue;
        delete config.remotes[name];
        if (config.defaults.remote === name)
            delete config.defaults.remote;
        await writeConfigFile(layout, scope, config);
        return { name, scope };
    }
    throw new MlopsError("not-found", `no remote named '${name}'`, { hint: "see `mlops remote list`" });
}
/** The remote named, else the default one, else the only one; `undefined` when none is configured. */
async function config_resolveRemote(layout, name) {
    const config = await effectiveConfig(layout);
    const names = Object.keys(config.remotes);
    const chosen = name ?? config.defaults.remote ?? (names.length === 1 ? names[0] : undefined);
    if (chosen === undefined) {
        if (names.length > 1) {
            throw new MlopsError("usage", `several remotes are configured (${names.join(", ")}) and none is the default`, {
                hint: "pass --remote NAME or run `mlops remote add NAME URL --default --force`",
            });
        }
        return undefined;
    }
    const spec = config.remotes[chosen];
    if (!spec)
        throw new MlopsError("not-found", `no remote named '${chosen}'`, { hint: "see `mlops remote list`" });
    const jobs = spec.jobs ?? config.defaults.jobs;
    return {
        remote: openRemote({ name: chosen, url: spec.url, ...s3SettingsOf(spec), ...(jobs === undefined ? {} : { jobs }) }, layout.root),
        ...(jobs === undefined ? {} : { jobs }),
    };
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/git/index.js + 1 modules
var src_git = __webpack_require__(3919);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/gc.js







const objectIdInText = /\b[0-9a-f]{64}(?:\.dir)?\b/g;
/** Files whose text names objects: data manifests and pipeline locks (and later, anything like them). */
function namesObjects(path) {
    return path.endsWith(".dvc") || path.endsWith("pipeline.lock");
}
function collectIds(text, into) {
    for (const match of text.matchAll(objectIdInText))
        into.add(match[0]);
}
/**
 * Everything that must survive a gc: objects named by the working tree's manifests, by manifests
 * and locks at the tip of every branch and tag (or in every commit with `allCommits`), by tag
 * annotations (registered model versions), and by the run cache.
 */
async function gcRoots(layout, options = {}) {
    const ids = new Set();
    for (const file of findManifestFiles(layout))
        collectIds(readFileSync(file, "utf8"), ids);
    const pipelines = layout.pipelinesDir;
    if (existsSync(pipelines)) {
        for (const name of readdirSync(pipelines)) {
            const lock = join(pipelines, name, "pipeline.lock");
            if (existsSync(lock))
                collectIds(readFileSync(lock, "utf8"), ids);
        }
    }
    const runs = join(layout.cacheDir, "runs");
    if (existsSync(runs)) {
        const visit = (dir) => {
            for (const name of readdirSync(dir)) {
                const path = join(dir, name);
                if (statSync(path).isDirectory())
                    visit(path);
                else
                    collectIds(readFileSync(path, "utf8"), ids);
            }
        };
        visit(runs);
    }
    let commits = 0;
    if (await isGitRepo(layout.root)) {
        const cwd = layout.root;
        const refs = (await git(["for-each-ref", "--format=%(objectname) %(objecttype) %(*objectname)"], { cwd }))
            .split("\n")
            .filter(Boolean);
        const tips = new Set();
        for (const line of refs) {
            const [name, type, peeled] = line.split(" ");
            if (type === "commit" && name)
                tips.add(name);
            if (type === "tag" && peeled)
                tips.add(peeled);
        }
        const head = (await git(["rev-parse", "--verify", "--quiet", "HEAD"], { cwd, okCodes: [1] })).trim();
        if (head)
            tips.add(head);
        let commitList = [...tips];
        if (options.allCommits && commitList.length > 0) {
            commitList = (await git(["rev-list", ...commitList], { cwd })).split("\n").filter(Boolean);
        }
        commits = commitList.length;
        const blobs = new Set();
        for (const commit of commitList) {
            const tree = await git(["ls-tree", "-r", "-z", commit], { cwd });
            for (const record of tree.split("\0")) {
                const tab = record.indexOf("\t");
                if (tab < 0)
                    continue;
                const [, type, blob] = record.slice(0, tab).split(" ");
                if (type === "blob" && blob && namesObjects(record.slice(tab + 1)))
                    blobs.add(blob);
            }
        }
        for (const content of (await readBlobs(cwd, [...blobs])).values())
            collectIds(content.toString("utf8"), ids);
        // Annotated tags carry registered versions and stage assignments, which name model artifacts.
        collectIds(await git(["for-each-ref", "refs/tags", "--format=%(contents)"], { cwd }), ids);
    }
    return { commits, ids };
}
async function expandDirs(ids, readListing) {
    for (const oid of [...ids]) {
        if (!isDirId(oid))
            continue;
        const bytes = await readListing(oid);
        if (!bytes)
            continue;
        for (const entry of parseListing(bytes, oid))
            ids.add(entry.sha256);
    }
}
/**
 * Lists (and with `yes`, removes) objects nothing references. Without `yes` it is a dry run: the
 * same list, nothing deleted.
 */
async function collectGarbage(layout, options = {}) {
    const logger = options.logger ?? silentLogger;
    const roots = await gcRoots(layout, options);
    const cache = new Cache(layout.cacheDir);
    const keep = new Set(roots.ids);
    await expandDirs(keep, async (oid) => (cache.has(oid) ? cache.readVerified(oid) : undefined));
    const plans = [];
    const cacheObjects = cache.listObjects();
    const unreferenced = cacheObjects.filter((oid) => !keep.has(oid));
    if (options.yes) {
        for (const oid of unreferenced)
            await cache.remove(oid);
        await cache.removeLeftovers();
    }
    plans.push({
        where: "cache",
        unreferenced,
        kept: cacheObjects.length - unreferenced.length,
        removed: options.yes === true,
    });
    if (options.remote) {
        const remote = options.remote;
        const remoteKeep = new Set(keep);
        await expandDirs(remoteKeep, async (oid) => {
            if (cache.has(oid))
                return cache.readVerified(oid);
            const temp = await cache.scratchPath(oid);
            try {
                await remote.download(oid, temp);
                return readFileSync(temp);
            }
            catch {
                return undefined;
            }
            finally {
                await rm(temp, { force: true });
            }
        });
        const listed = await remote.list();
        const gone = listed.filter((oid) => !remoteKeep.has(oid));
        if (options.yes) {
            const progress = logger.progress(`removing from ${remote.name}`, gone.length);
            try {
                if (remote.removeMany) {
                    await remote.removeMany(gone, (n) => progress.tick(n));
                }
                else {
                    for (const oid of gone) {
                        await remote.remove(oid);
                        progress.tick();
                    }
                }
                // A remote that batches writes (a git branch) publishes the removals here.
                await remote.flush?.();
            }
            finally {
                progress.done();
            }
            // Parts of uploads a killed push never finished are invisible garbage too.
            const aborted = (await remote.abortUnfinishedUploads?.()) ?? 0;
            if (aborted > 0)
                logger.info(`aborted ${aborted} unfinished upload(s) on ${remote.name}`);
        }
        plans.push({
            where: `remote:${remote.name}`,
            unreferenced: gone,
            kept: listed.length - gone.length,
            removed: options.yes === true,
        });
    }
    return { roots: roots.ids.size, commits: roots.commits, plans };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/status.js



/**
 * Compares each workspace copy with its manifest. The hash index makes this cost one stat per
 * unchanged file; a directory counts as cached when its listing object is stored (which the store
 * writes only after every file it names).
 */
async function status_datasetStatus(layout, datasets, options = {}) {
    const cache = new Cache(layout.cacheDir);
    const index = await HashIndex.open(layout.stateDir);
    let hashed = 0;
    const out = [];
    const remoteHas = options.remote
        ? await options.remote.has(datasets.map((d) => d.manifest.outs[0]?.sha256 ?? ""))
        : undefined;
    for (const dataset of datasets) {
        const expected = dataset.manifest.outs[0]?.sha256 ?? "";
        let workspace = "missing";
        let actual;
        if (existsSync(dataset.outPath)) {
            const isDir = statSync(dataset.outPath).isDirectory();
            if (isDir !== expected.endsWith(".dir")) {
                workspace = "modified";
            }
            else if (isDir) {
                const tree = await cache.statusOfDirectory(dataset.outPath, index, options.logger);
                hashed += tree.hashed;
                actual = tree.oid;
            }
            else {
                const file = await cache.statusOfFile(dataset.outPath, index);
                hashed += file.hashed ? 1 : 0;
                actual = file.sha256;
            }
            if (actual !== undefined)
                workspace = actual === expected ? "ok" : "modified";
        }
        const source = dataset.manifest.source;
        out.push({
            name: dataset.name,
            manifest: dataset.file,
            path: dataset.manifest.outs[0]?.path ?? "",
            sha256: expected,
            workspace,
            ...(workspace === "modified" && actual ? { actual } : {}),
            inCache: cache.has(expected),
            ...(remoteHas ? { onRemote: remoteHas.has(expected) } : {}),
            ...(source ? { source: describeSource(source) } : {}),
        });
    }
    await index.save();
    return {
        datasets: out,
        hashed,
        clean: out.every((d) => d.workspace === "ok" && d.inCache && d.onRemote !== false),
    };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/stored-object.js



/**
 * The path of an object in the local store, pulled from the default data remote when it is not there,
 * and verified either way: what a model file, a training split or a base dataset is read from.
 * `what` names the object in errors ("the model of fuel-efficiency@v1.2.0").
 */
async function storedObject(layout, oid, options) {
    const cache = new Cache(layout.cacheDir);
    if (!cache.has(oid)) {
        const resolved = await resolveRemote(layout);
        if (!resolved) {
            throw new MlopsError("not-found", `${options.what} (sha256 ${oid.slice(0, 12)}…) is not in the local store`, {
                hint: "configure the data remote it was pushed to (`mlops remote add`), or run `mlops data pull`",
            });
        }
        try {
            await pull(cache, resolved.remote, [{ oid, referencedBy: options.referencedBy }]);
        }
        catch (err) {
            throw new MlopsError("not-found", `${options.what} could not be fetched from the data remote`, {
                expected: `object sha256 ${oid}`,
                hint: "a trusted run pushes pipeline outputs and datasets with `mlops data push`",
                cause: err,
            });
        }
    }
    const check = await cache.verify(oid);
    if (!check.ok) {
        throw new MlopsError("hash-mismatch", `the stored copy of ${options.what} is corrupt`, {
            expected: oid,
            got: check.actual ?? "unreadable",
            hint: "`mlops data verify --repair` removes it so the next pull fetches a good copy",
        });
    }
    return cache.pathOf(oid);
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/sync.js










function itemsOf(datasets) {
    return datasets.map((d) => ({ oid: d.manifest.outs[0]?.sha256 ?? "", referencedBy: d.file }));
}
async function pushDatasets(layout, datasets, remote, options = {}) {
    const cache = new Cache(layout.cacheDir);
    for (const dataset of datasets) {
        const oid = dataset.manifest.outs[0]?.sha256 ?? "";
        if (!cache.has(oid)) {
            throw new MlopsError("not-found", `${dataset.name} (${oid}) is not in the cache, so it cannot be pushed`, {
                file: dataset.file,
                hint: "run `mlops data add` on its workspace copy, or `mlops data pull` it first",
            });
        }
    }
    return pushObjects(cache, remote, itemsOf(datasets), options);
}
/**
 * Restores workspace copies from the cache, verifying every byte. A workspace copy that differs
 * from its manifest is someone's unsaved work: it is replaced only with `force`.
 */
async function checkoutDatasets(layout, datasets, options = {}) {
    const logger = options.logger ?? silentLogger;
    const status = await datasetStatus(layout, datasets, { logger });
    const modified = status.datasets.filter((d) => d.workspace === "modified");
    if (modified.length > 0 && !options.force) {
        throw new MlopsError("conflict", `refusing to overwrite changed workspace copies: ${modified.map((d) => d.path).join(", ")}`, {
            file: modified[0]?.manifest,
            hint: "`mlops data add` them to keep the changes, or pass --force to discard them",
        });
    }
    const cache = new Cache(layout.cacheDir);
    const index = await HashIndex.open(layout.stateDir);
    const report = { datasets: [] };
    try {
        for (const [i, dataset] of datasets.entries()) {
            const state = status.datasets[i];
            const oid = dataset.manifest.outs[0]?.sha256 ?? "";
            if (state?.workspace === "ok") {
                report.datasets.push({ name: dataset.name, manifest: dataset.file, action: "unchanged" });
                continue;
            }
            try {
                // Before anything is removed or created: the workspace copy must really be in the repository.
                assertWriteInside(layout.root, dataset.outPath, toRepoPath(layout, dataset.outPath));
                if (isDirId(oid)) {
                    if (existsSync(dataset.outPath) && !statSync(dataset.outPath).isDirectory())
                        await rm(dataset.outPath);
                    const result = await cache.checkoutDirectory(oid, dataset.outPath, index, logger, layout.root);
                    report.datasets.push({
                        name: dataset.name,
                        manifest: dataset.file,
                        action: "written",
                        files: result.written,
                    });
                }
                else {
                    if (existsSync(dataset.outPath) && statSync(dataset.outPath).isDirectory()) {
                        await rm(dataset.outPath, { recursive: true });
                    }
                    await cache.checkoutFile(oid, dataset.outPath, index, layout.root);
                    report.datasets.push({ name: dataset.name, manifest: dataset.file, action: "written", files: 1 });
                }
            }
            catch (err) {
                throw nameManifest(err, dataset);
            }
        }
    }
    finally {
        await index.save();
    }
    return report;
}
function nameManifest(err, dataset) {
    if (err instanceof MlopsError && !err.file) {
        return new MlopsError(err.code, `${err.message} (referenced by ${dataset.file})`, {
            file: dataset.file,
            field: err.field,
            expected: err.expected,
            got: err.got,
            hint: err.hint,
            cause: err.cause,
        });
    }
    return err;
}
/**
 * Fetches an imported dataset again from its recorded source and stores it, refusing bytes whose
 * hash is not the manifest's: the source may have changed since it was recorded.
 */
async function materialiseFromSource(layout, dataset, logger = silentLogger) {
    const source = dataset.manifest.source;
    const expected = dataset.manifest.outs[0]?.sha256 ?? "";
    if (!source) {
        throw new MlopsError("not-found", `${dataset.name} (${expected}) is in neither the cache nor a remote, and has no recorded source`, {
            file: dataset.file,
            hint: "configure the remote it was pushed to with `mlops remote add`, then pull again",
        });
    }
    const described = describeSource(source);
    logger.info(`materialising ${dataset.name} from ${described}`);
    await mkdir(layout.tmpDir, { recursive: true });
    const scratch = await mkdtemp(join(layout.tmpDir, "source-"));
    try {
        const landing = join(scratch, "data");
        await fetchFromSource(layout, source, landing);
        const cache = new Cache(layout.cacheDir);
        // A throwaway index: these scratch paths must not linger in the real one.
        const index = await HashIndex.open(join(scratch, "state"));
        const actual = statSync(landing).isDirectory()
            ? (await cache.addDirectory(landing, index)).oid
            : (await cache.addFile(landing)).sha256;
        if (actual !== expected) {
            throw new MlopsError("hash-mismatch", `the recorded source of ${dataset.name} no longer matches its manifest`, {
                file: dataset.file,
                field: "outs[0].sha256",
                expected,
                got: actual,
                hint: `the bytes at ${described} changed; import the new version deliberately with \`mlops data import --force\``,
            });
        }
    }
    finally {
        await rm(scratch, { recursive: true, force: true });
    }
}
/**
 * Brings every selected dataset into the cache (from the remote, else from its recorded source),
 * then checks the workspace copies out.
 */
async function pullDatasets(layout, datasets, remote, options = {}) {
    const logger = options.logger ?? silentLogger;
    await ensureStateIgnored(layout);
    const cache = new Cache(layout.cacheDir);
    const missing = datasets.filter((d) => !cache.has(d.manifest.outs[0]?.sha256 ?? ""));
    let fromRemote = {
        transferred: 0,
        skipped: datasets.length - missing.length,
        bytes: 0,
    };
    let remaining = missing;
    if (remote && missing.length > 0) {
        const present = await remote.has(missing.map((d) => d.manifest.outs[0]?.sha256 ?? ""));
        const onRemote = missing.filter((d) => present.has(d.manifest.outs[0]?.sha256 ?? ""));
        const result = await pullObjects(cache, remote, itemsOf(onRemote), options);
        fromRemote = { ...result, skipped: result.skipped + fromRemote.skipped, remote: remote.name };
        remaining = missing.filter((d) => !present.has(d.manifest.outs[0]?.sha256 ?? ""));
    }
    const fromSource = [];
    for (const dataset of remaining) {
        await materialiseFromSource(layout, dataset, logger);
        fromSource.push(dataset.name);
    }
    const checkout = await checkoutDatasets(layout, datasets, options);
    return { fromRemote, fromSource, checkout };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/verify.js



/**
 * Hashes every object the manifests reference, in the cache and optionally on a remote, and names
 * each bad one with the manifest that needs it. `repair` drops corrupt cache objects so the next
 * pull fetches good copies.
 */
async function verifyDatasets(layout, datasets, options = {}) {
    const logger = options.logger ?? silentLogger;
    const cache = new Cache(layout.cacheDir);
    const wanted = new Map();
    const problems = [];
    for (const dataset of datasets) {
        const oid = dataset.manifest.outs[0]?.sha256 ?? "";
        wanted.set(oid, dataset.file);
        if (isDirId(oid) && cache.has(oid)) {
            try {
                for (const entry of await cache.readDirListing(oid))
                    if (!wanted.has(entry.sha256))
                        wanted.set(entry.sha256, dataset.file);
            }
            catch {
                // Reported below when the listing itself is hashed.
            }
        }
    }
    const progress = logger.progress("verifying cache", wanted.size);
    try {
        for (const [oid, manifest] of wanted) {
            const result = await cache.verify(oid);
            if (result.missing)
                problems.push({ oid, manifest, where: "cache", problem: "missing" });
            else if (!result.ok) {
                const problem = {
                    oid,
                    manifest,
                    where: "cache",
                    problem: "corrupt",
                    ...(result.actual ? { actual: result.actual } : {}),
                };
                if (options.repair) {
                    await cache.remove(oid);
                    problem.repaired = true;
                }
                problems.push(problem);
            }
            progress.tick();
        }
    }
    finally {
        progress.done();
    }
    let checked = wanted.size;
    const remote = options.remote;
    if (remote) {
        const remoteWanted = new Map();
        for (const dataset of datasets)
            remoteWanted.set(dataset.manifest.outs[0]?.sha256 ?? "", dataset.file);
        const where = `remote:${remote.name}`;
        const check = async (oid, manifest) => {
            const present = await remote.has([oid]);
            if (!present.has(oid)) {
                problems.push({ oid, manifest, where, problem: "missing" });
                return undefined;
            }
            const temp = await cache.scratchPath(oid);
            try {
                await remote.download(oid, temp);
                const { sha256 } = await hashFile(temp);
                if (sha256 !== digestOf(oid)) {
                    problems.push({ oid, manifest, where, problem: "corrupt", actual: sha256 });
                    return undefined;
                }
                return isDirId(oid) ? await readFile(temp) : undefined;
            }
            finally {
                await rm(temp, { force: true });
            }
        };
        for (const [oid, manifest] of [...remoteWanted]) {
            const listing = await check(oid, manifest);
            checked += 1;
            if (listing) {
                for (const entry of parseListing(listing, oid)) {
                    await check(entry.sha256, manifest);
                    checked += 1;
                }
            }
        }
    }
    return { checked, problems, ok: problems.every((p) => p.problem !== "corrupt") };
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/tracking/index.js











/***/ })

};
