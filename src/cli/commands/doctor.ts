import type { Command } from "commander";
import { commandContext } from "../context.js";
import { EXIT_FAILURE } from "../exit-codes.js";

const marks = { ok: "ok  ", warn: "warn", fail: "FAIL", skip: "skip" } as const;

export function register(program: Command): void {
  program
    .command("doctor")
    .description(
      "check that GitHub and this clone are set up for every flow (pr, comment, merge, release, retrain)",
    )
    .option(
      "--repository <owner/name>",
      "the GitHub repository (default: GITHUB_REPOSITORY, else origin's URL)",
    )
    .option(
      "--token <token>",
      "token to read the repository's settings with (default: GITHUB_TOKEN or GH_TOKEN)",
    )
    .addHelpText(
      "after",
      `
Without a token it checks what the clone shows: the workflows of each flow, .mlops/config.yaml (a
default remote, a base image pinned by digest) and that the default remote answers. With a token
(a fine-grained token with read access to Administration, Environments, Secrets and Metadata, or
a classic token with repo scope) it also reads the repository's settings through the REST API
(GITHUB_API_URL, default https://api.github.com): Actions permissions, the workflow token's
default permissions and "Allow GitHub Actions to create and approve pull requests", the
${"`"}MLOPS_RETRAIN_TOKEN${"`"} secret (names only), the staging and production environments (required
reviewers, deployment branch and tag rules), tag rulesets for v* and <model>@v*, <model>#*, the
protection of the default branch requiring CI's checks, and that each serving image's package on
ghcr.io is this repository's (or not yet created). Each finding names the setting and
where to change it.

Exit codes: 0 every flow can work (warnings allowed), 1 at least one flow cannot work.`,
    )
    .action(async (flags: { repository?: string; token?: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      // Straight from the files, not the folder's index: the actions' bundles need not carry the doctor.
      const { runDoctor } = await import("../../github/doctor.js");
      const { createGitHubClient } = await import("../../github/client.js");
      const token = flags.token || process.env.GITHUB_TOKEN || process.env.GH_TOKEN || "";
      const apiUrl = process.env.GITHUB_API_URL;
      const repository = flags.repository || process.env.GITHUB_REPOSITORY || undefined;
      const report = await runDoctor({
        root: ctx.root,
        ...(repository ? { repository } : {}),
        ...(token
          ? {
              client: createGitHubClient({
                token,
                ...(apiUrl ? { baseUrl: apiUrl } : {}),
                rateLimitRetries: 0,
              }),
            }
          : {}),
        ...(process.env.GITHUB_SERVER_URL ? { serverUrl: process.env.GITHUB_SERVER_URL } : {}),
      });
      ctx.output(report, () => {
        const lines: string[] = [
          `repository: ${report.repository ?? "(unknown)"}${report.api ? "" : " (clone only)"}`,
        ];
        for (const flow of report.flows) {
          lines.push("", `${flow.flow}: ${marks[flow.status].trim()}`);
          for (const check of report.checks.filter((c) => c.flows.includes(flow.flow))) {
            lines.push(`  ${marks[check.status]}  ${check.setting}: ${check.message}`);
            if (check.status !== "ok" && check.where) lines.push(`        change it at: ${check.where}`);
          }
        }
        const failing = report.flows.filter((f) => f.status === "fail").map((f) => f.flow);
        lines.push("", failing.length ? `cannot work: ${failing.join(", ")}` : "every flow can work");
        return lines.join("\n");
      });
      if (!report.ok) process.exitCode = EXIT_FAILURE;
    });
}
