export const id = 319;
export const ids = [319];
export const modules = {

/***/ 71319:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   candidateManifest: () => (/* binding */ candidateManifest),
/* harmony export */   evaluateOnData: () => (/* binding */ evaluateOnData),
/* harmony export */   stageManifest: () => (/* binding */ stageManifest)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var _registry_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(84402);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41196);
/* harmony import */ var _store_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9569);




/**
 * What the working tree would register, without registering it: enough of a version manifest for
 * the gates (metrics, validation, signature, and the artifact put into the local store so the
 * regression gates can evaluate it).
 */
async function candidateManifest(layout, card, pipelineDir, modelFile) {
    const bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(modelFile);
    const sha256 = (0,_store_index_js__WEBPACK_IMPORTED_MODULE_3__.hashBytes)(bytes);
    const cache = new _store_index_js__WEBPACK_IMPORTED_MODULE_3__.Cache(layout.cacheDir);
    if (!cache.has(sha256))
        await cache.addFile(modelFile);
    const validation = card.validation ? await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readValidation */ .Qo)(layout, pipelineDir, card.validation) : undefined;
    return {
        version: "this PR",
        model: card.name,
        created: new Date(0).toISOString(),
        commit: "0".repeat(40),
        pipeline: { name: card.pipeline, lock_sha256: "0".repeat(64) },
        data: [],
        params: {},
        metrics: card.metrics ? await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readMetrics */ .Uw)(layout, pipelineDir, card.metrics) : {},
        ...(validation ? { validation } : {}),
        signature: await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readSignature */ .Bc)(modelFile, (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_2__.toRepoPath)(layout, modelFile)),
        artifact: { sha256, size: bytes.length, uri: "workspace" },
    };
}
async function stageManifest(layout, state, version) {
    const record = state.versions.find((v) => v.version === version);
    if (!record)
        return undefined;
    return (await (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readVersionManifests */ .TY)(layout.root, [record.ref])).get(record.ref.tag);
}
function evaluateOnData(layout, card, version, evaluations) {
    return (0,_registry_index_js__WEBPACK_IMPORTED_MODULE_1__/* .evaluateOnCurrentData */ .Qd)({ layout, card, evaluations }, version);
}


/***/ })

};
