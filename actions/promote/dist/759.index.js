export const id = 759;
export const ids = [759];
export const modules = {

/***/ 46759:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveServableModel: () => (/* binding */ resolveServableModel)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99936);
/* harmony import */ var _git_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51865);




/**
 * `name`, `name@vX.Y.Z` or `name#stage` to a servable model: the version's manifest from the
 * registry, its ONNX file from the local store (fetched from the data remote when missing), and the
 * feature columns of the model card's serving schema as they were at the version's commit, so a
 * later edit of the schema cannot loosen the checks of an older version.
 */
async function resolveServableModel(layout, selector) {
    const { showRegistry, modelObjectPath } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 12529));
    let shown = await showRegistry(layout, selector);
    if (!("manifest" in shown)) {
        if (!shown.latest) {
            throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("not-found", `${shown.name} has no registered version to serve`, {
                hint: "register one with `mlops register`, or name a version (name@vX.Y.Z) or stage (name#staging)",
            });
        }
        shown = await showRegistry(layout, `${shown.name}@${shown.latest}`);
        if (!("manifest" in shown))
            throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("internal", `no manifest for ${selector}`);
    }
    const manifest = shown.manifest;
    const onnxPath = await modelObjectPath(layout, manifest);
    const serving = await servingColumns(layout, manifest);
    return {
        model: {
            name: manifest.model,
            version: manifest.version,
            onnxPath,
            sha256: manifest.artifact.sha256,
            ...(serving ? { columns: serving.columns } : {}),
        },
        manifest,
        ...(serving ? { schemaFile: serving.file } : {}),
    };
}
async function servingColumns(layout, manifest) {
    const { modelCard, datasetSchema, parseYaml } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 42296));
    const cardPath = `models/${manifest.model}/model.yaml`;
    const atCommit = (path) => `${manifest.commit}:${path}`;
    const blobs = await (0,_git_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readBlobs */ .b4)(layout.root, [atCommit(cardPath)]);
    // A version registered before its card existed in history (or a shallow clone) falls back to the
    // working tree's card.
    const cardText = blobs.get(atCommit(cardPath))?.toString("utf8") ??
        (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout.root, cardPath), "utf8").catch(() => undefined));
    if (cardText === undefined)
        return undefined;
    const card = parseYaml(cardText, modelCard, cardPath);
    if (!card.serving)
        return undefined;
    const schemaPath = `pipelines/${card.pipeline}/${card.serving.schema}`;
    const schemaBlob = (await (0,_git_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readBlobs */ .b4)(layout.root, [atCommit(schemaPath)])).get(atCommit(schemaPath));
    const schemaText = schemaBlob?.toString("utf8") ??
        (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout.root, schemaPath), "utf8").catch(() => undefined));
    if (schemaText === undefined) {
        throw new _errors_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MlopsError */ .IC("not-found", `the serving schema of ${manifest.model} is missing`, {
            file: schemaPath,
            field: "serving.schema",
            hint: `named by ${cardPath}; it must exist at the version's commit ${manifest.commit.slice(0, 10)}`,
        });
    }
    const schema = parseYaml(schemaText, datasetSchema, schemaPath);
    const columns = {};
    for (const [name, spec] of Object.entries(schema.columns ?? {})) {
        columns[name] = {
            type: spec.type,
            ...(spec.nullable !== undefined ? { nullable: spec.nullable } : {}),
            ...(spec.allowed ? { allowed: [...spec.allowed] } : {}),
        };
    }
    return { file: schemaPath, columns };
}


/***/ })

};
