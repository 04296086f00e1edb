import { readFile } from "node:fs/promises";
import { MlopsError } from "../errors/index.js";
import type { Profile } from "./profile.js";

/**
 * Reads a profile `mlops profile` wrote (`*.profile.json`): the saved reference of `mlops drift` and
 * of a server's live drift. A module of its own so the server can read one without loading DuckDB.
 */
export async function readProfileFile(file: string, display = file): Promise<Profile> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<Profile> | null;
    if (parsed?.schema !== "1" || typeof parsed.columns !== "object" || parsed.columns === null) {
      throw new Error('expected schema "1" and columns');
    }
    return parsed as Profile;
  } catch (err) {
    throw new MlopsError("invalid-file", `not a reference profile: ${(err as Error).message}`, {
      file: display,
      expected: "a profile written by `mlops profile`",
    });
  }
}
