import type { ChildProcess } from "node:child_process";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseAllDocuments } from "yaml";
import { repoRoot } from "./cli.js";
import { freePort, mlopsOnPath, runBlock, startBlock } from "./doc-blocks.js";
import { type GitHubDouble, startGitHubDouble } from "./github-double/index.js";
import { setUpForEveryFlow } from "./github-double/repo-settings.js";

/**
 * The docs test's harness. Every fenced block of a docs/ page, in page order:
 * - `sh` (or `bash`, `shell`) blocks run in bash -euo pipefail in a fresh clone of this repository;
 *   a block that is one `mlops serve …` command starts in the background until it listens, and the
 *   page's port 8080 becomes a free one;
 * - `yaml` blocks must parse;
 * - `<!-- docs: github -->` on the line before a `sh` block runs it against the GitHub REST double
 *   (test/support/github-double): GITHUB_API_URL, GITHUB_TOKEN and GITHUB_REPOSITORY name a
 *   repository there set up as docs/flows.md asks, and the double must see no invalid request;
 * - `<!-- docs: not-run REASON -->` on the line before a block leaves it out, listed with its reason;
 * - `<!-- docs: tested-by test/FILE.test.ts -->` in a page hands the whole page to that test, which
 *   must exist and name the page.
 * Nothing else is left out: a block without a marker runs.
 */

export type DocBlock =
  | { kind: "sh"; line: number; text: string; github: boolean }
  | { kind: "yaml"; line: number; text: string }
  | { kind: "not-run"; line: number; text: string; reason: string };

export interface PagePlan {
  page: string;
  testedBy?: string;
  blocks: DocBlock[];
}

const NOT_RUN = /^<!--\s*docs:\s*not-run\s*(.*?)\s*-->\s*$/;
const GITHUB = /^<!--\s*docs:\s*github\s*-->\s*$/;
const TESTED_BY = /^<!--\s*docs:\s*tested-by\s+(\S+)\s*-->\s*$/m;

/** What the harness will do with each block of a page; a not-run marker without a reason is an error. */
export function planPage(file: string): PagePlan {
  const markdown = readFileSync(file, "utf8");
  const page = relative(repoRoot, file);
  const testedBy = TESTED_BY.exec(markdown)?.[1];
  const lines = markdown.split("\n");
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```\s*(\w*)/.exec(lines[i] ?? "");
    if (!open) continue;
    const lang = (open[1] ?? "").toLowerCase();
    const start = i + 1;
    const body: string[] = [];
    for (i += 1; i < lines.length && !/^```\s*$/.test(lines[i] ?? ""); i++) body.push(lines[i] ?? "");
    const text = body.join("\n");
    const marker = NOT_RUN.exec(lines[start - 2] ?? "");
    if (marker) {
      if (!marker[1]) throw new Error(`${page}:${start - 1}: a not-run marker must give its reason`);
      blocks.push({ kind: "not-run", line: start, text, reason: marker[1] });
    } else if (/^(sh|bash|shell)$/.test(lang))
      blocks.push({ kind: "sh", line: start, text, github: GITHUB.test(lines[start - 2] ?? "") });
    else if (/^ya?ml$/.test(lang)) blocks.push({ kind: "yaml", line: start, text });
  }
  return { page, testedBy, blocks };
}

export interface DocsRepo {
  dir: string;
  env: NodeJS.ProcessEnv;
  cleanup: () => void;
}

/** A fresh clone of this repository's HEAD with its own bare origin, and `mlops` on PATH. */
export function docsRepo(): DocsRepo {
  const root = mkdtempSync(join(tmpdir(), "mlops-docs-"));
  const dir = join(root, "repo");
  const origin = join(root, "origin.git");
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync("git", args, { cwd, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  };
  git(root, "clone", "-q", "--no-hardlinks", repoRoot, dir);
  git(root, "init", "-q", "--bare", "-b", "main", origin);
  git(dir, "checkout", "-q", "-B", "main");
  git(dir, "remote", "set-url", "origin", origin);
  git(dir, "push", "-q", "origin", "main");
  git(dir, "config", "user.email", "docs@example.invalid");
  git(dir, "config", "user.name", "docs test");
  // Dataset sources (vega-datasets) resolve from the project's node_modules, as on a clone after npm ci.
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  const bin = mlopsOnPath(join(root, "bin"));
  const env: NodeJS.ProcessEnv = {
    PATH: `${bin}:${process.env.PATH}`,
    GITHUB_EVENT_NAME: "",
    MLOPS_REMOTE_READ_ONLY: "",
    GITHUB_TOKEN: "",
    MLOPS_GIT_TOKEN: "",
  };
  return { dir, env, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export interface PageResult {
  page: string;
  ran: number;
  parsed: number;
  notRun: { where: string; reason: string }[];
  /** `page:line` of the first failing block with what it printed; undefined when every block passed. */
  failure?: string;
}

/** Runs a page's blocks in order in `repo`, stopping at the first that fails. */
export async function runPage(plan: PagePlan, repo: DocsRepo): Promise<PageResult> {
  const result: PageResult = { page: plan.page, ran: 0, parsed: 0, notRun: [] };
  const servers: ChildProcess[] = [];
  const port = String(await freePort());
  let github: { double: GitHubDouble; env: NodeJS.ProcessEnv } | undefined;
  try {
    for (const block of plan.blocks) {
      const where = `${plan.page}:${block.line}`;
      if (block.kind === "not-run") {
        result.notRun.push({ where, reason: block.reason });
        continue;
      }
      if (block.kind === "yaml") {
        const errors = parseAllDocuments(block.text).flatMap((d) => ("errors" in d ? d.errors : []));
        if (errors.length > 0) {
          result.failure = `${where}: YAML does not parse: ${errors.map((e) => e.message).join("; ")}`;
          return result;
        }
        result.parsed += 1;
        continue;
      }
      const text = block.text.replaceAll("8080", port);
      if (/^mlops serve [^\n;&|]*$/.test(text.trim())) {
        try {
          const started = await startBlock({ line: block.line, text }, repo.dir, repo.env, /at http:\/\/\S+/);
          servers.push(started.child);
        } catch (error) {
          result.failure = `${where}: the server did not start\n${block.text}\n${(error as Error).message}`;
          return result;
        }
        result.ran += 1;
        continue;
      }
      if (block.github && !github) github = await githubFor();
      const env = block.github ? { ...repo.env, ...github?.env } : repo.env;
      // The double answers in this process, so a block that talks to it must not block the event loop.
      const run = block.github
        ? await runBlockAsync(text, repo.dir, env)
        : runBlock({ line: block.line, text }, repo.dir, env);
      if (run.code !== 0) {
        result.failure = `${where}: exit ${run.code}\n${block.text}\n--- stderr\n${run.stderr}\n--- stdout\n${run.stdout}`;
        return result;
      }
      if (block.github && github?.double.requests.length === 0) {
        result.failure = `${where}: marked github, but it made no request to the GitHub double`;
        return result;
      }
      const violations = block.github ? (github?.double.takeViolations() ?? []) : [];
      if (violations.length > 0) {
        result.failure = `${where}: requests the GitHub API would refuse:\n${violations.join("\n")}`;
        return result;
      }
      result.ran += 1;
    }
    return result;
  } finally {
    for (const server of servers) server.kill("SIGTERM");
    await github?.double.close();
  }
}

/** `runBlock`, without holding this process's event loop while the block runs. */
function runBlockAsync(
  text: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-euo", "pipefail", "-c", text], { cwd, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The GitHub double with acme/template set up for every flow, and the environment that points at it. */
async function githubFor(): Promise<{ double: GitHubDouble; env: NodeJS.ProcessEnv }> {
  const double = await startGitHubDouble();
  const repo = double.addRepo("acme", "template");
  setUpForEveryFlow(double.state, repo, {
    models: readdirSync(join(repoRoot, "models")).sort(),
    requiredChecks: [
      "Unit tests, lint and typecheck",
      "Lifecycle scenario (every workflow, end to end)",
      "Bundles and workflows",
    ],
    reviewer: double.accounts.user,
  });
  return {
    double,
    env: {
      GITHUB_API_URL: double.url,
      GITHUB_TOKEN: double.tokens.user,
      GH_TOKEN: "",
      GITHUB_REPOSITORY: "acme/template",
    },
  };
}

/** Every markdown page under docs/, sorted. */
export function docsPages(): string[] {
  const dir = join(repoRoot, "docs");
  const out = spawnSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "docs/*.md"], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  return out.stdout
    .split("\n")
    .filter((f) => f.endsWith(".md"))
    .map((f) => join(repoRoot, f))
    .filter((f) => existsSync(f) && f.startsWith(dir))
    .sort();
}
