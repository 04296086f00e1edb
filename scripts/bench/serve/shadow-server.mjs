// One inference server (lib/serve) for the shadow benchmark, in a process of its own so the load
// generator does not share its event loop: `node shadow-server.mjs CONFIG.json`, where the config is
// startInferenceServer's options. Prints {"url"} on one line once listening; SIGTERM closes it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("../../..", import.meta.url).pathname;
const { startInferenceServer } = await import(pathToFileURL(join(root, "lib/serve/index.js")).href);
const options = JSON.parse(readFileSync(process.argv[2], "utf8"));
const server = await startInferenceServer(options);
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.on("SIGTERM", () => {
  server.close().then(() => process.exit(0));
});
