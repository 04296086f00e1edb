// An inference server in a process of its own, for tests that check what the server survives: its
// pid stays the same only if nothing the test sends ends it. It runs the compiled lib/ (the global
// setup builds it) with the options given as JSON in argv[2], prints {url, pid} on stdout once it
// listens, logs to stderr, and drains and exits on SIGTERM. Node's defaults stay: an uncaught
// exception or an unhandled rejection ends the process, which is what the tests look for.
import { startInferenceServer } from "../../lib/serve/index.js";

const options = JSON.parse(process.argv[2] ?? "{}");
const log = (level) => (message) => process.stderr.write(`${level}: ${message}\n`);
const server = await startInferenceServer({ ...options, logger: { info: log("info"), warn: log("warn") } });
process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
process.once("SIGTERM", () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
