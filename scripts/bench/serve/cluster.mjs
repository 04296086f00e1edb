// Runs N copies of a benchmark server in node's cluster mode: the workers share the listening port
// (the primary hands each new connection to the next worker), the way a Node service uses more than
// one core. serve-benches.mjs --processes N starts every Node target through this, so the ceilings
// and our server are compared at the same process count.
//   node scripts/bench/serve/cluster.mjs N SCRIPT [ARGS...]
import cluster from "node:cluster";

const [count, script, ...args] = process.argv.slice(2);
const workers = Number(count);
if (!Number.isInteger(workers) || workers < 1 || !script) {
  console.error("usage: node scripts/bench/serve/cluster.mjs N SCRIPT [ARGS...]");
  process.exit(2);
}

cluster.setupPrimary({ exec: script, args });
let stopping = false;
for (let i = 0; i < workers; i++) cluster.fork();

// A worker that ends on its own ends the whole server with its exit code (3: not available), so
// the harness reads it as it would read one process.
cluster.on("exit", (_worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  stopping = true;
  for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
  process.exit(code ?? (signal ? 1 : 0));
});

process.on("SIGTERM", () => {
  stopping = true;
  const live = Object.values(cluster.workers ?? {});
  if (live.length === 0) process.exit(0);
  for (const worker of live) worker?.process.kill("SIGTERM");
});
