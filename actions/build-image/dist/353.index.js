export const id = 353;
export const ids = [353,264];
export const modules = {

/***/ 3260:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CT: () => (/* binding */ stageName),
/* harmony export */   Ng: () => (/* binding */ nameSlug),
/* harmony export */   e9: () => (/* binding */ repoRelativePath),
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   pU: () => (/* binding */ imageRepositoryName),
/* harmony export */   r3: () => (/* binding */ npmPackageName),
/* harmony export */   u6: () => (/* binding */ exactSemver)
/* harmony export */ });
/* unused harmony exports npmPackageNamePattern, exactSemverPattern */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2857);

const sha256Hex = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[0-9a-f]{64}$/, "expected 64 lowercase hex characters (a sha256)");
/** A path inside the repository: relative, `/`-separated, never climbing out with `..`. */
const repoRelativePath = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .min(1, "expected a non-empty relative path")
    .refine((p) => !p.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(p), "expected a relative path, not an absolute one")
    .refine((p) => !p.split(/[\\/]/).includes(".."), "expected a path that stays inside the repository (no '..')");
/** Where serving images are pushed, without the model name: `host/path` like ghcr.io/owner/repo. */
const imageRepositoryName = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[a-z0-9.:-]+(\/[a-z0-9._-]+)+$/, "expected host/path like ghcr.io/owner/repo");
const nameSlug = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, "expected lowercase letters, digits, '.', '_' or '-', starting with a letter or digit");
/**
 * An npm package name as the registry accepts new ones: lowercase, URL-safe, at most 214
 * characters, optionally scoped. Anything else (a git URL, `file:`, a tarball path, an alias) would
 * make `npm pack` fetch and possibly build code from somewhere other than the registry.
 */
const npmPackageNamePattern = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
/** An exact semantic version (semver.org 2.0.0): no range, tag, URL or path. */
const exactSemverPattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const npmPackageName = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .max(214, "expected an npm package name of at most 214 characters")
    .regex(npmPackageNamePattern, "expected an npm package name (lowercase, optionally @scope/name)");
const exactSemver = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .max(256, "expected an exact version such as 3.2.1")
    .regex(exactSemverPattern, "expected an exact version such as 3.2.1 (no range, tag, git or file: spec)");
/** A stage's name once templating is expanded: `NAME`, or `NAME@KEY` for one made by `foreach`/`matrix`. */
const stageName = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[a-z0-9][a-z0-9._-]*(@[A-Za-z0-9._+-]+)?$/, "expected lowercase letters, digits, '.', '_' or '-' (and after '@' a key of letters, digits, '.', '_', '+' or '-')");


/***/ }),

/***/ 264:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zK: () => (/* binding */ isoDateTime),
  modelVersion: () => (/* binding */ modelVersion),
  F7: () => (/* binding */ semverTag),
  Wm: () => (/* binding */ tagReference)
});

// UNUSED EXPORTS: gitCommit, tensorSpec

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js
var api = __webpack_require__(3759);
;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/iso.js



function datetime(params) {
    return api/* _isoDateTime */.G1(schemas/* ZodISODateTime */.You, params);
}
function date(params) {
    return core._isoDate(ZodISODate, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}

// EXTERNAL MODULE: ./.mlops/tmp/actions-build/src/manifest/common.js
var common = __webpack_require__(3260);
;// CONCATENATED MODULE: ./.mlops/tmp/actions-build/src/manifest/model-version.js


/** `v1.4.0`, optionally with a pre-release or build suffix. */
const semverTag = schemas/* string */.YjP({ error: "expected a version like 'v1.4.0'" })
    .regex(/^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/, "expected a version like 'v1.4.0'");
const isoDateTime = datetime({
    offset: true,
    error: "expected an ISO 8601 date and time, like '2024-05-01T12:00:00Z'",
});
const gitCommit = schemas/* string */.YjP()
    .regex(/^[0-9a-f]{40}$/, "expected a full git commit id (40 lowercase hex)");
const tensorSpec = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().min(1, "expected a tensor name"),
    dtype: schemas/* string */.YjP().min(1, "expected a dtype such as 'float32'"),
    shape: schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* number */.aig().int(), schemas/* string */.YjP(), schemas/* null */.chJ()], {
        error: "expected an integer, a symbolic dimension name, or null",
    }))
        .describe("dimensions; a string or null is a dynamic dimension"),
});
/** Another registry tag by name and tag object id: a tag deleted and re-created gets a new id. */
const tagReference = schemas/* strictObject */.rej({
    tag: schemas/* string */.YjP().min(1, "expected a tag name"),
    object: schemas/* string */.YjP().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, "expected a git object id"),
});
/** The annotation of tag `<model>@vX.Y.Z`: everything needed to trust and reproduce the version. */
const modelVersion = schemas/* strictObject */.rej({
    version: semverTag,
    model: common/* nameSlug */.Ng,
    created: isoDateTime,
    commit: gitCommit.describe("the commit the version was built from"),
    pipeline: schemas/* strictObject */.rej({
        name: common/* nameSlug */.Ng,
        lock_sha256: common/* sha256Hex */.fg.describe("hash of pipeline.lock at that commit"),
    }),
    data: schemas/* array */.YOg(schemas/* strictObject */.rej({
        name: common/* nameSlug */.Ng,
        sha256: common/* sha256Hex */.fg.describe("hash of the data manifest"),
        path: schemas/* string */.YjP().min(1).optional().describe("the data manifest, relative to the repository"),
        data_sha256: schemas/* string */.YjP()
            .regex(/^[0-9a-f]{64}(\.dir)?$/, "expected a sha256, suffixed '.dir' for a directory")
            .optional()
            .describe("hash of the data itself, as the manifest records it"),
    }))
        .default([]),
    params: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).default({}),
    metrics: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* number */.aig({ error: "expected a number" })).default({}),
    validation: schemas/* strictObject */.rej({
        ok: schemas/* boolean */.zMY({ error: "expected true or false" }),
        summary: schemas/* string */.YjP().optional(),
    })
        .optional(),
    signature: schemas/* strictObject */.rej({
        inputs: schemas/* array */.YOg(tensorSpec),
        outputs: schemas/* array */.YOg(tensorSpec),
    }),
    artifact: schemas/* strictObject */.rej({
        sha256: common/* sha256Hex */.fg,
        size: schemas/* number */.aig().int().nonnegative("expected a size in bytes (>= 0)"),
        uri: schemas/* string */.YjP().min(1, "expected where the artifact is stored"),
    }),
    parent: tagReference
        .optional()
        .describe("the model's previous registration, so a re-created tag breaks the chain and `registry verify` sees it"),
    provenance: schemas/* strictObject */.rej({
        run_id: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig().int()]).optional(),
        run_url: schemas/* url */.OZ5({ error: "expected a URL" }).optional(),
        actor: schemas/* string */.YjP().optional(),
        workflow: schemas/* string */.YjP().optional(),
    })
        .optional(),
});


/***/ }),

/***/ 9353:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   stageAssignment: () => (/* binding */ stageAssignment)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2857);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3260);
/* harmony import */ var _model_version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(264);



/** The annotation of tag `<model>#<stage>#<N>`: one assignment of a version to a stage. */
const stageAssignment = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    model: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng,
    stage: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .nameSlug */ .Ng.describe("staging, prod, or another stage named in the model's gates"),
    version: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .semverTag */ .F7,
    previous: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .semverTag */ .F7.nullable().optional().describe("the version the stage held before; null if none"),
    actor: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1, "expected who made the assignment"),
    time: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .isoDateTime */ .zK,
    run: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        id: zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1), zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int()], { error: "expected a run id" }),
        url: zod__WEBPACK_IMPORTED_MODULE_2__/* .url */ .OZ5({ error: "expected a URL" }),
    })
        .optional(),
    version_tag: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .tagReference */ .Wm.optional().describe("the version's tag as it was when assigned"),
    previous_tag: _model_version_js__WEBPACK_IMPORTED_MODULE_1__/* .tagReference */ .Wm
        .optional()
        .describe("the stage's previous assignment tag; null-free chain that `registry verify` walks"),
    reason: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).optional().describe("why, for a rollback or a manual promotion"),
    environment: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).optional().describe("the GitHub environment deployed to"),
    image_digest: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .regex(/^sha256:[0-9a-f]{64}$/, "expected an image digest like 'sha256:<64 hex>'")
        .optional(),
    image_repository: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .imageRepositoryName */ .pU
        .optional()
        .describe("where the image was pushed (the model name follows): a rollback or a release names it from here"),
});


/***/ })

};
