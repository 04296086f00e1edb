export const id = 196;
export const ids = [196];
export const modules = {

/***/ 41196:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  repoLayout: () => (/* reexport */ repoLayout),
  toRepoPath: () => (/* reexport */ toRepoPath)
});

// UNUSED EXPORTS: findRepoRoot, findRepoRootOr

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/errors/index.js + 1 modules
var errors = __webpack_require__(99936);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/repo/layout.js



function repoLayout(root) {
    const abs = (0,external_node_path_.resolve)(root);
    const mlopsDir = (0,external_node_path_.join)(abs, ".mlops");
    return {
        root: abs,
        mlopsDir,
        configFile: (0,external_node_path_.join)(mlopsDir, "config.yaml"),
        localConfigFile: (0,external_node_path_.join)(mlopsDir, "config.local.yaml"),
        cacheDir: (0,external_node_path_.join)(mlopsDir, "cache"),
        stateDir: (0,external_node_path_.join)(mlopsDir, "state"),
        tmpDir: (0,external_node_path_.join)(mlopsDir, "tmp"),
        dataDir: (0,external_node_path_.join)(abs, "data"),
        pipelinesDir: (0,external_node_path_.join)(abs, "pipelines"),
        modelsDir: (0,external_node_path_.join)(abs, "models"),
    };
}
/** The nearest directory at or above `start` holding `.mlops/` or `.git`. */
function findRepoRoot(start) {
    let dir = resolve(start);
    for (;;) {
        if (existsSync(join(dir, ".mlops")) || existsSync(join(dir, ".git")))
            return dir;
        const parent = dirname(dir);
        if (parent === dir) {
            throw new MlopsError("not-found", `no repository found at or above ${start}`, {
                hint: "run inside a git checkout, or pass --repo DIR",
            });
        }
        dir = parent;
    }
}
/** A path as messages and manifests show it: relative to the repository root, `/`-separated. */
function toRepoPath(layout, abs) {
    return (0,external_node_path_.relative)(layout.root, abs).split(external_node_path_.sep).join("/");
}
/** The repository holding `start`, or `start` itself: data files need no repository. */
function findRepoRootOr(start) {
    try {
        return findRepoRoot(start);
    }
    catch {
        return resolve(start);
    }
}

;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/repo/index.js



/***/ })

};
