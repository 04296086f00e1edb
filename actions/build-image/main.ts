// The `build-image` action's door: inputs in, one call into src/image, outputs and summary out.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type * as Core from "@actions/core";
import { userMessage } from "../../src/errors/index.js";
import { lineLogger } from "../../src/log/index.js";

// Loaded after the first log line (below): a job shows the step started before the bundle is parsed.
let core: typeof Core;

export async function run(): Promise<void> {
  try {
    const { repoLayout } = await import("../../src/repo/index.js");
    const { publishModelImage } = await import("../../src/image/index.js");
    const selector = core.getInput("model", { required: true });
    const base = core.getInput("base", { required: true });
    const target = core.getInput("push");
    const password = core.getInput("registry-password");
    if (password) core.setSecret(password);
    const registry = password
      ? { auth: { username: core.getInput("registry-username") || "mlops", password } }
      : {};
    const root = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const sourceUrl = core.getInput("source-url");
    const logger = lineLogger(core);
    const { image: built, pushed } = await publishModelImage(repoLayout(root), {
      selector,
      base,
      // The server this bundle ships sits next to it; onnxruntime is the one this bundle resolves,
      // from the repository's `npm ci`.
      serverBundleDir: join(dirname(fileURLToPath(import.meta.url)), "../server"),
      nodeModulesDir: dirname(
        dirname(createRequire(import.meta.url).resolve("onnxruntime-node/package.json")),
      ),
      ...(sourceUrl ? { sourceUrl } : {}),
      ...(target ? { pushTo: target } : {}),
      registry: { ...registry, logger },
      logger,
    });
    core.setOutput("digest", built.build.manifestDigest);
    core.setOutput("version", built.version);
    core.setOutput("layout", built.build.layoutDir);
    const lines = [
      `### Serving image of ${built.model} ${built.version}`,
      "",
      `- digest: \`${built.build.manifestDigest}\``,
      `- built from commit \`${built.commit}\``,
    ];
    if (pushed) {
      core.setOutput("reference", pushed.reference);
      lines.push(
        `- pushed \`${pushed.reference}\`: ${pushed.uploaded.length} blobs uploaded, ${pushed.skipped.length} already there, ${pushed.mounted.length} mounted`,
      );
    }
    await core.summary.addRaw(`${lines.join("\n")}\n`).write();
  } catch (err) {
    core.setFailed(userMessage(err));
  }
}

process.stdout.write("mlops build-image\n");
core = await import("@actions/core");
await run();
