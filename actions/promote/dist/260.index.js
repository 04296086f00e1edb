export const id = 260;
export const ids = [260];
export const modules = {

/***/ 43260:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fy: () => (/* binding */ npmPackageNamePattern),
/* harmony export */   Ng: () => (/* binding */ nameSlug),
/* harmony export */   e9: () => (/* binding */ repoRelativePath),
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   gu: () => (/* binding */ exactSemverPattern),
/* harmony export */   r3: () => (/* binding */ npmPackageName),
/* harmony export */   u6: () => (/* binding */ exactSemver)
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


/***/ })

};
