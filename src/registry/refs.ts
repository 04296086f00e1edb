import { git, readBlobs } from "../git/index.js";
import { modelRefPatterns, parseRegistryTag, type RegistryTagName } from "./tag-names.js";

/** One registry tag as git stores it, without its annotation (read on demand, see `readAnnotations`). */
export interface RegistryRef extends RegistryTagName {
  /** The tag object's id; a tag deleted and re-created gets a new one. */
  object: string;
  /** The commit the tag points at. */
  commit: string;
  /** Tagger time in seconds since the epoch; GTO orders events by it. 0 when not read (see `timesFor`). */
  time: number;
  tagger: string;
  /** False for a lightweight tag, which GTO ignores and so do we. */
  annotated: boolean;
}

export interface ReadRefsOptions {
  /** Only this model's tags (default: every registry tag). */
  model?: string;
  /**
   * Ref globs whose tagger time and name are read (default: all the tags read). Reading them opens
   * every tag object; names, objects and commits come from the ref store alone, so a question about
   * one stage need not open the thousands of version tags.
   */
  timesFor?: readonly string[];
}

/**
 * The registry's tags in two cheap passes: `git show-ref -d` gives names, tag objects and the
 * commits they point at (from packed-refs' peeled lines, without opening objects), and one
 * `git for-each-ref` reads tagger time and name for the tags that need ordering.
 */
export async function readRegistryRefs(cwd: string, options: ReadRefsOptions = {}): Promise<RegistryRef[]> {
  const prefix = "refs/tags/";
  const model = options.model;
  const patterns = options.timesFor ?? (model !== undefined ? modelRefPatterns(model) : [prefix]);
  // Both passes at once: they are separate git processes and neither needs the other's answer.
  const [listing, times] = await Promise.all([
    git(["show-ref", "-d", "--tags"], { cwd, okCodes: [1] }),
    patterns.length
      ? git(
          [
            "for-each-ref",
            "--format=%(refname:lstrip=2)%00%(taggerdate:raw)%00%(taggername) %(taggeremail)",
            ...patterns,
          ],
          { cwd },
        )
      : Promise.resolve(""),
  ]);
  const byTag = new Map<string, RegistryRef>();
  for (const line of listing.split("\n")) {
    const space = line.indexOf(" ");
    if (space < 0) continue;
    const nameAt = space + 1 + prefix.length;
    if (model !== undefined) {
      // Other models' tags are skipped before anything is sliced out of the line.
      const after = line.charCodeAt(nameAt + model.length);
      if ((after !== 64 && after !== 35) || !line.startsWith(model, nameAt)) continue; // '@' or '#'
    }
    const object = line.slice(0, space);
    let tag = line.slice(nameAt);
    if (tag.endsWith("^{}")) {
      tag = tag.slice(0, -3);
      const ref = byTag.get(tag);
      if (ref) {
        ref.commit = object;
        ref.annotated = true;
      }
      continue;
    }
    const parsed = parseRegistryTag(tag);
    if (!parsed || (model !== undefined && parsed.model !== model)) continue;
    // One literal with every field, not a spread: thousands of refs share one shape (a spread of
    // parsed names with differing optional fields made this loop ten times slower).
    byTag.set(tag, {
      tag: parsed.tag,
      model: parsed.model,
      action: parsed.action,
      version: parsed.version,
      stage: parsed.stage,
      counter: parsed.counter,
      object,
      commit: object,
      time: 0,
      tagger: "",
      annotated: false,
    });
  }
  for (const line of times.split("\n")) {
    const [tag = "", date = "", tagger = ""] = line.split("\0");
    const ref = byTag.get(tag);
    if (!ref) continue;
    ref.time = Number(date.slice(0, date.indexOf(" ")));
    ref.tagger = tagger.trim();
  }
  return [...byTag.values()];
}

/** The annotation text of each tag object (its message, without header or signature). */
export async function readAnnotations(cwd: string, objects: readonly string[]): Promise<Map<string, string>> {
  const tags = await readTagObjects(cwd, objects);
  return new Map([...tags].map(([object, tag]) => [object, tag.message]));
}

export interface TagObject {
  /** The object the tag points at (for our tags, a commit). */
  target: string;
  /** "Name <email>" of the tagger. */
  tagger: string;
  /** Tagger time, seconds since the epoch. */
  time: number;
  message: string;
}

/**
 * Tag objects read whole in one `git cat-file --batch`. The header lines end at the first empty
 * line; a trailing PGP signature is not part of the message.
 */
export async function readTagObjects(
  cwd: string,
  objects: readonly string[],
): Promise<Map<string, TagObject>> {
  const blobs = await readBlobs(cwd, [...new Set(objects)]);
  const result = new Map<string, TagObject>();
  for (const [object, bytes] of blobs) {
    const text = bytes.toString("utf8");
    const end = text.indexOf("\n\n");
    const header = end < 0 ? text : text.slice(0, end);
    let message = end < 0 ? "" : text.slice(end + 2);
    const signature = message.indexOf("-----BEGIN PGP SIGNATURE-----");
    if (signature >= 0) message = message.slice(0, signature);
    const m = /^tagger (.*) (\d+) [+-]\d{4}$/m.exec(header);
    const target = /^object ([0-9a-f]+)$/m.exec(header)?.[1] ?? "";
    result.set(object, { target, tagger: m?.[1] ?? "", time: m ? Number(m[2]) : 0, message });
  }
  return result;
}

/** A tagger time (seconds) as ISO 8601 without milliseconds, the form annotations and output use. */
export function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
