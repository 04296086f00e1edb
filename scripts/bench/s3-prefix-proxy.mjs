#!/usr/bin/env node
// A pass-through in front of s3s-fs for the S3 benchmarks: every request goes to the server
// unchanged (headers included, so signatures still verify), except a HEAD of a key that is a
// prefix of other keys. s3s-fs keeps objects as files, so such a key is a directory on its disk
// and it answers 500 there; real S3 answers 404, and DVC's pull heads `files/md5` before listing
// it, giving up after retries on the 500. All three clients of the benchmark go through this, so
// each pays the same extra loopback hop.
// Usage: node s3-prefix-proxy.mjs LISTEN_PORT UPSTREAM_PORT STORE_DIR
import { statSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import { join, normalize } from "node:path";

const [listenPort, upstreamPort, store] = process.argv.slice(2);
const upstream = new Agent({ keepAlive: true, maxSockets: 256 });

function isPrefixDirectory(url) {
  const path = decodeURIComponent(new URL(url, "http://x").pathname);
  const local = normalize(join(store, path));
  if (!local.startsWith(store)) return false;
  try {
    return statSync(local).isDirectory() && path.split("/").filter(Boolean).length > 1;
  } catch {
    return false;
  }
}

createServer((req, res) => {
  if (req.method === "HEAD" && isPrefixDirectory(req.url ?? "/")) {
    res.writeHead(404, { "content-type": "application/xml" }).end();
    req.resume();
    return;
  }
  const forward = request(
    {
      host: "127.0.0.1",
      port: Number(upstreamPort),
      method: req.method,
      path: req.url,
      headers: req.headers,
      agent: upstream,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forward.on("error", (error) => {
    if (!res.headersSent) res.writeHead(502);
    res.end(String(error));
  });
  req.pipe(forward);
}).listen(Number(listenPort), "127.0.0.1", () => process.stdout.write("listening\n"));
