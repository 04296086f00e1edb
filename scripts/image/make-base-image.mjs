#!/usr/bin/env node
// Makes the base image for model-serving images from this machine, with nothing pulled: node
// (process.execPath), the shared libraries ldd lists for it and for onnxruntime's linux/x64 addon,
// the dynamic loader, /etc/passwd and /etc/group with a non-root user, and /tmp (1777). Pushes it
// with our own pushImage and prints `HOST:PORT/REPO@sha256:…` on stdout, the line to use as `base`.
//
//   node scripts/image/make-base-image.mjs --registry 127.0.0.1:5000 --repo base/node
//
// Deterministic: the same machine gives the same digest (mtimes are --epoch, default
// $SOURCE_DATE_EPOCH or 0). Needs the compiled library: `npm run build:lib`.
// Credentials, when the registry wants them, come from MLOPS_REGISTRY_USERNAME and
// MLOPS_REGISTRY_PASSWORD.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("../..", import.meta.url));

export async function makeBaseImage({
  registry,
  repo,
  tag = `node-${process.versions.node}`,
  epoch = 0,
  // Unset: plain HTTP for a loopback registry, HTTPS for any other (pushImage's default).
  insecure,
  nodeBinary = process.execPath,
  nodeModulesDir = join(root, "node_modules"),
  layoutDir,
  auth,
}) {
  const { buildHostBaseImage, pushImage } = await import(join(root, "lib/image/index.js"));
  const addonDir = join(nodeModulesDir, "onnxruntime-node/bin/napi-v6/linux/x64");
  const probes = readdirSync(addonDir)
    .filter((f) => f.endsWith(".node"))
    .map((f) => join(addonDir, f));
  const dir = layoutDir ?? mkdtempSync(join(tmpdir(), "mlops-base-image-"));
  try {
    const built = await buildHostBaseImage({
      layoutDir: dir,
      sourceDateEpoch: epoch,
      nodeBinary,
      libraryProbes: probes,
      nodeVersion: process.version,
      tag,
    });
    const pushed = await pushImage({
      layoutDir: dir,
      reference: `${registry}/${repo}:${tag}`,
      insecure,
      auth,
    });
    return { reference: `${registry}/${repo}@${pushed.digest}`, built, pushed };
  } finally {
    if (!layoutDir) rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      registry: { type: "string" },
      repo: { type: "string", default: "base/node" },
      tag: { type: "string" },
      epoch: { type: "string" },
      insecure: { type: "boolean" },
      layout: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (!values.registry) {
    process.stderr.write(
      "usage: make-base-image.mjs --registry HOST:PORT [--repo base/node] [--tag T] [--epoch S]\n",
    );
    process.exit(2);
  }
  const username = process.env.MLOPS_REGISTRY_USERNAME;
  const password = process.env.MLOPS_REGISTRY_PASSWORD;
  const result = await makeBaseImage({
    registry: values.registry,
    repo: values.repo,
    ...(values.tag ? { tag: values.tag } : {}),
    epoch: Number(values.epoch ?? process.env.SOURCE_DATE_EPOCH ?? 0),
    ...(values.insecure !== undefined ? { insecure: values.insecure } : {}),
    ...(values.layout ? { layoutDir: values.layout } : {}),
    ...(username && password ? { auth: { username, password } } : {}),
  });
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ reference: result.reference, uploaded: result.pushed.uploaded, skipped: result.pushed.skipped })}\n`,
    );
  } else {
    process.stdout.write(`${result.reference}\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    process.stderr.write(`make-base-image: ${err?.toUserString?.() ?? err?.message ?? err}\n`);
    process.exit(1);
  });
}
