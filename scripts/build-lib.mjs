#!/usr/bin/env node
// Compiles src/ into lib/ one file at a time, without type checking. `npm ci` runs this (the
// `prepare` script) in every workflow run, where a full `tsc` cost about a minute of each run's two
// on a busy two-core runner; the types are checked by `npm run typecheck` in CI, not here. The
// tsconfig sets isolatedModules and verbatimModuleSyntax, which is what makes per-file output the
// same as tsc's.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const out = join(root, "lib");

/** @param {string} dir @returns {string[]} */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") && !entry.name.endsWith(".d.ts")
      ? [path]
      : [];
  });
}

const compilerOptions = {
  // The package is "type": "module": every file is an ES module, as tsc's NodeNext makes it.
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  sourceMap: true,
};

// Built beside lib/ and swapped in whole, so an interrupted build never leaves a mix of old and new.
const staging = `${out}.building-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
let failed = 0;
for (const file of sources(src)) {
  const rel = relative(src, file);
  const target = join(staging, rel.replace(/\.ts$/, ".js"));
  const result = ts.transpileModule(readFileSync(file, "utf8"), {
    compilerOptions,
    fileName: file,
    reportDiagnostics: true,
  });
  for (const d of result.diagnostics ?? []) {
    failed++;
    process.stderr.write(`src/${rel}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}\n`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const mapName = `${target.slice(dirname(target).length + 1)}.map`;
  const code = result.outputText.replace(/\/\/# sourceMappingURL=.*$/m, `//# sourceMappingURL=${mapName}`);
  writeFileSync(target, code);
  if (result.sourceMapText) {
    const map = JSON.parse(result.sourceMapText);
    map.file = mapName.replace(/\.map$/, "");
    map.sources = [relative(dirname(join(out, rel)), file).replace(/\\/g, "/")];
    writeFileSync(`${target}.map`, JSON.stringify(map));
  }
}
if (failed > 0) {
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`build-lib: ${failed} error(s); lib/ left as it was\n`);
  process.exit(1);
}

// The command line is also bundled into lib/bundle/: loading ~300 separate modules (ours, zod's,
// yaml's) through Node's ES module loader was about a third of a no-op `mlops run` or `data status`.
// Each command's code stays in its own chunk, loaded only when that command runs. Packages with
// native parts or large trees that only some commands load stay outside, resolved from node_modules.
// The chunks sit two levels below the package root, as every lib/ module does (src/files/package-root.ts).
const inlined = new Set(["commander", "p-limit", "yaml", "zod"]);
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
// esbuild gives a dynamically imported CommonJS package (yaml is one) only a default export in a
// split bundle, so `const { parse } = await import("yaml")` would find no parse: import them statically.
const dynamicImportOfInlined = new RegExp(`import\\(\\s*["'](${[...inlined].join("|")})["']`);
for (const file of sources(src)) {
  const text = readFileSync(file, "utf8");
  const match = dynamicImportOfInlined.exec(text);
  if (match) {
    const line = text.slice(0, match.index).split("\n").length;
    process.stderr.write(
      `build-lib: ${relative(root, file)}:${line}: import "${match[1]}" statically; the command-line bundle cannot import it dynamically\n`,
    );
    failed++;
  }
}
if (failed > 0) {
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
}
/**
 * zod re-exports every one of its ~60 message locales as `z.locales`, a namespace esbuild cannot
 * prune: two thirds of the bundle's zod, parsed by every command. We use English only (the default
 * zod registers itself), so the locales index is reduced to it.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  /** @param {import("esbuild").PluginBuild} b */
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), "../locales/index.js"), namespace: "zod-english-only" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: dirname(args.path),
    }));
  },
};

try {
  await build({
    plugins: [zodEnglishOnly],
    entryPoints: [join(staging, "cli/main.js")],
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir: join(staging, "bundle"),
    outExtension: { ".js": ".mjs" },
    external: Object.keys(manifest.dependencies).filter((name) => !inlined.has(name)),
    // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
    banner: {
      js: 'import { createRequire as bundleCreateRequire } from "node:module";\nconst require = bundleCreateRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`build-lib: bundling the command line failed (${error}); lib/ left as it was\n`);
  process.exit(1);
}

// Two renames, so lib/ is missing only between them (a test run may be reading it).
const previous = `${out}.previous-${process.pid}`;
try {
  renameSync(out, previous);
} catch (error) {
  if (/** @type {NodeJS.ErrnoException} */ (error).code !== "ENOENT") throw error;
}
renameSync(staging, out);
rmSync(previous, { recursive: true, force: true });
