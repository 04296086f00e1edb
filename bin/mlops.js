#!/usr/bin/env node
// The installed entry point: compiled sources live in lib/, and the command line bundled from them
// in lib/bundle/ (both built by `npm ci` through `prepare`, scripts/build-lib.mjs).
import { main } from "../lib/bundle/main.mjs";

// `mlops … | head` closes stdout early. Node ignores SIGPIPE and reports it as an error on the stream,
// which would otherwise crash with a stack trace; end quietly with the status a SIGPIPE gives, as
// other Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(141);
    throw err;
  });
}

process.exitCode = await main(process.argv.slice(2));
