// Whether an event starts a workflow, by its `on:` block: event names, activity `types`, and the
// branch, tag and path filters with GitHub's pattern syntax
// (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#filter-pattern-cheat-sheet).

/** `on:` in any of its three shapes (string, list, map) as a map of event name to its settings. @param {unknown} on */
export function normaliseOn(on) {
  /** @type {Record<string, Record<string, unknown>>} */
  const events = {};
  if (typeof on === "string") events[on] = {};
  else if (Array.isArray(on)) for (const name of on) events[String(name)] = {};
  else if (on !== null && typeof on === "object") {
    for (const [name, settings] of Object.entries(on)) {
      events[name] =
        settings !== null && typeof settings === "object" && !Array.isArray(settings)
          ? /** @type {Record<string, unknown>} */ (settings)
          : { value: settings };
    }
  }
  return events;
}

/**
 * GitHub's filter patterns: `*` stays within a path segment, `**` crosses them, `?` and `+` make the
 * previous character optional or repeatable, `[…]` is a character class.
 * @param {string} pattern
 */
export function filterPatternToRegExp(pattern) {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        out += ".*";
        i++;
      } else out += "[^/]*";
    } else if (c === "?" || c === "+") out += c;
    else if (c === "[") {
      const end = pattern.indexOf("]", i);
      if (end < 0) out += "\\[";
      else {
        out += pattern.slice(i, end + 1);
        i = end;
      }
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

/**
 * A name passes a pattern list when the last pattern that matches it is not a `!` pattern.
 * @param {unknown} patterns @param {string} name
 */
export function matchesFilter(patterns, name) {
  const list = Array.isArray(patterns) ? patterns.map(String) : [String(patterns)];
  let included = false;
  for (const p of list) {
    if (p.startsWith("!")) {
      if (filterPatternToRegExp(p.slice(1)).test(name)) included = false;
    } else if (filterPatternToRegExp(p).test(name)) included = true;
  }
  return included;
}

/** @param {unknown} v @returns {string[]} */
function asList(v) {
  if (v === undefined || v === null || v === "") return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/**
 * @param {Record<string, unknown>} settings @param {string} prefix branches or tags
 * @param {string} name @param {string} label for the reason @param {string} event
 * @returns {string | null} why it does not trigger
 */
function refFilter(settings, prefix, name, label, event) {
  const include = settings[prefix];
  const ignore = settings[`${prefix}-ignore`];
  if (include !== undefined && !matchesFilter(include, name)) {
    return `${label} '${name}' does not match on.${event}.${prefix}: [${asList(include).join(", ")}]`;
  }
  if (ignore !== undefined && matchesFilter(ignore, name)) {
    return `${label} '${name}' matches on.${event}.${prefix}-ignore: [${asList(ignore).join(", ")}]`;
  }
  return null;
}

/**
 * @param {Record<string, unknown>} settings @param {string[] | undefined} changedFiles @param {string} event
 * @returns {string | null}
 */
function pathFilter(settings, changedFiles, event) {
  const include = settings.paths;
  const ignore = settings["paths-ignore"];
  // GitHub runs the workflow when it cannot tell which files changed (a new branch, a huge push).
  if ((include === undefined && ignore === undefined) || changedFiles === undefined) return null;
  if (include !== undefined && !changedFiles.some((f) => matchesFilter(include, f))) {
    return `no changed file matches on.${event}.paths: [${asList(include).join(", ")}]`;
  }
  if (ignore !== undefined && changedFiles.every((f) => matchesFilter(ignore, f))) {
    return `every changed file matches on.${event}.paths-ignore: [${asList(ignore).join(", ")}]`;
  }
  return null;
}

// Activity types that start a workflow when `types:` is absent.
const DEFAULT_TYPES = /** @type {Record<string, string[]>} */ ({
  pull_request: ["opened", "synchronize", "reopened"],
  pull_request_target: ["opened", "synchronize", "reopened"],
});

/**
 * @param {unknown} on the workflow's `on:` value
 * @param {{name: string, payload: Record<string, any>}} event
 * @param {{ref?: string, changedFiles?: string[]}} [context]
 * @returns {{triggered: true} | {triggered: false, reason: string}}
 */
export function eventTriggers(on, event, context = {}) {
  const events = normaliseOn(on);
  const settings = events[event.name];
  if (settings === undefined) {
    return {
      triggered: false,
      reason: `the workflow listens to ${Object.keys(events).join(", ") || "no event"}`,
    };
  }
  const payload = event.payload ?? {};
  const types = settings.types !== undefined ? asList(settings.types) : DEFAULT_TYPES[event.name];
  if (types && typeof payload.action === "string" && !types.includes(payload.action)) {
    return {
      triggered: false,
      reason: `activity type '${payload.action}' is not in on.${event.name}.types: [${types.join(", ")}]`,
    };
  }
  /** @type {string | null} */
  let refused = null;
  if (event.name === "push") {
    const ref = context.ref ?? String(payload.ref ?? "");
    const hasBranches = settings.branches !== undefined || settings["branches-ignore"] !== undefined;
    const hasTags = settings.tags !== undefined || settings["tags-ignore"] !== undefined;
    if (ref.startsWith("refs/heads/")) {
      const branch = ref.slice("refs/heads/".length);
      if (!hasBranches && hasTags) refused = `a push to branch '${branch}' while on.push filters tags only`;
      else if (hasBranches) refused = refFilter(settings, "branches", branch, "branch", event.name);
    } else if (ref.startsWith("refs/tags/")) {
      const tag = ref.slice("refs/tags/".length);
      if (!hasTags && hasBranches) refused = `a push of tag '${tag}' while on.push filters branches only`;
      else if (hasTags) refused = refFilter(settings, "tags", tag, "tag", event.name);
    } else if (hasBranches || hasTags) {
      refused = `push ref '${ref}' is neither refs/heads/… nor refs/tags/…`;
    }
    refused ??= pathFilter(settings, context.changedFiles ?? filesOfPush(payload), event.name);
  } else if (event.name === "pull_request" || event.name === "pull_request_target") {
    const base = String(payload.pull_request?.base?.ref ?? "");
    refused =
      refFilter(settings, "branches", base, "base branch", event.name) ??
      pathFilter(settings, context.changedFiles, event.name);
  } else if (event.name === "workflow_run") {
    const run = payload.workflow_run ?? {};
    const workflows = asList(settings.workflows);
    if (workflows.length > 0 && !workflows.includes(String(run.name))) {
      refused = `workflow '${run.name}' is not in on.workflow_run.workflows: [${workflows.join(", ")}]`;
    } else
      refused = refFilter(settings, "branches", String(run.head_branch ?? ""), "head branch", event.name);
  }
  return refused === null ? { triggered: true } : { triggered: false, reason: refused };
}

/** Changed files as a push payload lists them (added, modified, removed of every commit). @param {Record<string, any>} payload */
function filesOfPush(payload) {
  if (!Array.isArray(payload.commits) || payload.commits.length === 0) return undefined;
  const files = new Set();
  for (const commit of payload.commits) {
    for (const key of ["added", "modified", "removed"])
      for (const f of commit?.[key] ?? []) files.add(String(f));
  }
  return [...files];
}
