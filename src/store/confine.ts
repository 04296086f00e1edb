import { lstatSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { MlopsError } from "../errors/index.js";

/**
 * The real directory a new path would be created in: the realpath of its nearest existing ancestor,
 * with the missing components appended. A symlinked directory committed in the repository
 * (`data/x -> ~/.ssh`) resolves to where it points, which is what `mkdir -p` and `rename` would
 * write through.
 */
function realDestination(path: string): string {
  const missing: string[] = [];
  let at = resolve(path);
  for (;;) {
    try {
      lstatSync(at);
      break;
    } catch {
      const parent = dirname(at);
      if (parent === at) break;
      missing.unshift(basename(at));
      at = parent;
    }
  }
  // The path itself may be a symlink: `rename` over it replaces the link, but `mkdir -p` or a
  // directory checkout writes into its target, so the target is what must stay inside.
  return resolve(realpathSync(at), ...missing);
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/**
 * Refuses a write whose real destination lies outside `root` (the repository), before anything is
 * created: every workspace write (checkout, run-cache restore) calls this first.
 */
export function assertWriteInside(root: string, dest: string, shown = dest): void {
  const realRoot = realpathSync(root);
  const real = realDestination(dest);
  if (!inside(realRoot, real)) {
    throw new MlopsError(
      "refused",
      `refusing to write ${shown}: it resolves to ${real}, outside the repository`,
      {
        expected: `a destination inside ${realRoot}`,
        got: real,
        hint: "a directory on the way is a symbolic link that leaves the repository; replace it with a real directory",
      },
    );
  }
}
