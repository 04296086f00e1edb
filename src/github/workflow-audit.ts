import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type Scalar,
  type YAMLMap,
} from "yaml";

export interface WorkflowFinding {
  file: string;
  line: number;
  rule:
    | "permissions"
    | "pull-request-target"
    | "event-in-run"
    | "unpinned-action"
    | "untrusted-checkout"
    | "credentials";
  message: string;
}

/** Events whose runs hold a write token or secrets while the code under test may come from a PR. */
const privilegedEvents = new Set([
  "workflow_run",
  "pull_request_target",
  "issue_comment",
  "push",
  "schedule",
  "release",
]);

function get(map: unknown, key: string): Node | undefined {
  return isMap(map) ? ((map as YAMLMap).get(key, true) as Node | undefined) : undefined;
}

/**
 * Our security rules for GitHub workflows, beyond what actionlint checks: least-privilege
 * `permissions` declared at the top, no `pull_request_target`, no `${{ github.event.* }}` expanded
 * inside a `run:` script (script injection), third-party actions pinned to a full commit SHA, and no
 * checkout of PR code (a head ref or sha from the event) in a privileged workflow.
 */
export function auditWorkflow(file: string, text: string): WorkflowFinding[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const findings: WorkflowFinding[] = [];
  const lineOf = (node: Node | undefined) => (node?.range ? counter.linePos(node.range[0]).line : 1);
  const add = (node: Node | undefined, rule: WorkflowFinding["rule"], message: string) =>
    findings.push({ file, line: lineOf(node), rule, message });
  const root = doc.contents;

  const on = get(root, "on");
  const events = new Set<string>();
  if (isScalar(on)) events.add(String(on.value));
  else if (isSeq(on)) for (const e of on.items) events.add(String((e as Scalar).value));
  else if (isMap(on)) for (const p of on.items) events.add(String((p.key as Scalar).value));
  if (events.has("pull_request_target")) {
    add(
      on,
      "pull-request-target",
      "pull_request_target runs with a write token in the context of PR code; use pull_request plus a workflow_run follow-up",
    );
  }
  const privileged = [...events].some((e) => privilegedEvents.has(e));

  const permissions = get(root, "permissions");
  if (!permissions)
    add(root as Node, "permissions", "no top-level `permissions:`; the default token may be read-write");
  else if (isScalar(permissions) && String(permissions.value) === "write-all") {
    add(permissions, "permissions", "`permissions: write-all`; grant only the scopes the jobs need");
  }

  const jobs = get(root, "jobs");
  if (!isMap(jobs)) return findings;
  for (const jobPair of jobs.items) {
    const job = jobPair.value;
    const jobPermissions = get(job, "permissions");
    if (isScalar(jobPermissions) && String(jobPermissions.value) === "write-all") {
      add(jobPermissions, "permissions", "`permissions: write-all` on a job");
    }
    const steps = get(job, "steps");
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      const run = get(step, "run");
      if (isScalar(run) && /\$\{\{\s*github\.event\./.test(String(run.value))) {
        add(
          run,
          "event-in-run",
          "`${{ github.event.* }}` inside `run:` lets event text become shell; pass it through `env:` instead",
        );
      }
      const uses = get(step, "uses");
      if (isScalar(uses)) {
        const ref = String(uses.value);
        if (!ref.startsWith("./") && !ref.startsWith("docker://") && !/@[0-9a-f]{40}$/.test(ref)) {
          add(uses, "unpinned-action", `'${ref}' is not pinned to a full commit SHA`);
        }
        if (ref.startsWith("actions/checkout@")) {
          const withMap = get(step, "with");
          const checkoutRef = get(withMap, "ref");
          const repository = get(withMap, "repository");
          const refText = isScalar(checkoutRef) ? String(checkoutRef.value) : "";
          if (
            privileged &&
            (/head_sha|head_ref|head\.sha|head\.ref|pull_requests|refs\/pull/.test(refText) ||
              isScalar(repository))
          ) {
            add(
              checkoutRef ?? repository,
              "untrusted-checkout",
              "a privileged workflow checks out PR code; check out the default branch only",
            );
          }
          const persist = get(withMap, "persist-credentials");
          if (!(isScalar(persist) && persist.value === false)) {
            add(
              uses,
              "credentials",
              "checkout keeps the token in .git/config; set `persist-credentials: false`",
            );
          }
        }
      }
    }
  }
  return findings;
}
