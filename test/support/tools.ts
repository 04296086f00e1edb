import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The first of `names` found on PATH (or given as an absolute path), else undefined. */
export function findTool(...names: string[]): string | undefined {
  for (const name of names) {
    if (name.startsWith("/")) {
      if (existsSync(name)) return name;
      continue;
    }
    for (const dir of (process.env.PATH ?? "").split(delimiter)) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * A tool a test needs. On CI (`CI=true`, where `.ci/run` installs it) a missing tool is an error that
 * fails the test file loudly; elsewhere the caller may skip, and says so in the test name.
 */
export function requireTool(what: string, ...names: string[]): string | undefined {
  const found = findTool(...names);
  if (!found && process.env.CI === "true") {
    throw new Error(`${what} is required on CI but none of ${names.join(", ")} is installed`);
  }
  return found;
}
