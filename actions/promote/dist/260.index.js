export const id = 260;
export const ids = [260];
export const modules = {

/***/ 43260:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ nameSlug),
/* harmony export */   e9: () => (/* binding */ repoRelativePath),
/* harmony export */   fg: () => (/* binding */ sha256Hex)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);

const sha256Hex = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[0-9a-f]{64}$/, "expected 64 lowercase hex characters (a sha256)");
/** A path inside the repository: relative, `/`-separated, never climbing out with `..`. */
const repoRelativePath = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .min(1, "expected a non-empty relative path")
    .refine((p) => !p.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(p), "expected a relative path, not an absolute one")
    .refine((p) => !p.split(/[\\/]/).includes(".."), "expected a path that stays inside the repository (no '..')");
const nameSlug = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, "expected lowercase letters, digits, '.', '_' or '-', starting with a letter or digit");


/***/ })

};
