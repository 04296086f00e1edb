// The benchmark repositories' stages call `mlops`: a shell script in DIR that runs this checkout's
// built CLI with this Node, so PATH=DIR:… gives every stage the code under measurement.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Writes DIR/mlops (DIR created if need be) and returns DIR, to put first on PATH. */
export function writeMlopsShim(dir, root) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "mlops"),
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, "bin/mlops.js"))} "$@"\n`,
    { mode: 0o755 },
  );
  return dir;
}
