import { git, readBlobs } from "../git/index.js";
import { parseRegistryTag, type RegistryTagName } from "./tag-names.js";

/** One registry tag as git stores it, without its annotation (read on demand, see `readAnnotations`). */
export interface RegistryRef extends RegistryTagName {
  /** The tag object's id; a tag deleted and re-created gets a new one. */
  object: string;
  /** The commit the tag points at. */
  commit: string;
  /** Tagger time in seconds since the epoch; GTO orders events by it. */
  time: number;
  tagger: string;
  /** False for a lightweight tag, which GTO ignores and so do we. */
  annotated: boolean;
}

const fields = [
  "%(refname:lstrip=2)",
  "%(objecttype)",
  "%(objectname)",
  "%(*objectname)",
  "%(taggerdate:raw)",
  "%(taggername) %(taggeremail)",
];

/**
 * Every registry tag under the given ref globs, in one `git for-each-ref`: reading the registry is
 * one pass over the refs, whatever the number of tags (GTO opens every tag object in Python).
 */
export async function readRegistryRefs(
  cwd: string,
  patterns: readonly string[] = ["refs/tags/"],
): Promise<RegistryRef[]> {
  const out = await git(["for-each-ref", `--format=${fields.join("%00")}`, ...patterns], { cwd });
  const refs: RegistryRef[] = [];
  for (const line of out.split("\n")) {
    if (!line) continue;
    const [tag = "", type, object = "", peeled = "", date = "", tagger = ""] = line.split("\0");
    const parsed = parseRegistryTag(tag);
    if (!parsed) continue;
    const annotated = type === "tag";
    refs.push({
      ...parsed,
      object,
      commit: annotated ? peeled : object,
      time: Number(date.split(" ")[0] ?? 0),
      tagger: tagger.trim(),
      annotated,
    });
  }
  return refs;
}

/**
 * The annotation text of each tag object, in one `git cat-file --batch`. The header lines of a tag
 * object end at the first empty line; a trailing PGP signature is not part of the message.
 */
export async function readAnnotations(cwd: string, objects: readonly string[]): Promise<Map<string, string>> {
  const blobs = await readBlobs(cwd, [...new Set(objects)]);
  const result = new Map<string, string>();
  for (const [object, bytes] of blobs) {
    const text = bytes.toString("utf8");
    const start = text.indexOf("\n\n");
    let message = start < 0 ? "" : text.slice(start + 2);
    const signature = message.indexOf("-----BEGIN PGP SIGNATURE-----");
    if (signature >= 0) message = message.slice(0, signature);
    result.set(object, message);
  }
  return result;
}
