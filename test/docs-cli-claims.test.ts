import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../src/cli/main.js";
import { openRemote } from "../src/store/index.js";
import { repoRoot } from "./support/cli.js";
import { checkInvocations, checkRemotes, findCliClaims } from "./support/docs-cli-claims.js";

/** The README and every page under docs/, as the docs a user reads. */
function docFiles(): string[] {
  const files = [join(repoRoot, "README.md")];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".md")) files.push(path);
    }
  };
  if (existsSync(join(repoRoot, "docs"))) walk(join(repoRoot, "docs"));
  return files;
}

/** Opens a remote the way `mlops` does, with no credentials: only the URL's shape is judged. */
const openUrl = (url: string) => {
  openRemote({ name: "docs", url }, repoRoot, { env: {} });
};

function falseClaims(markdown: string): string[] {
  const claims = findCliClaims(markdown);
  return [...checkInvocations(buildProgram(), claims.invocations), ...checkRemotes(claims.remotes, openUrl)];
}

describe("the docs name only what the CLI has", () => {
  it.each(docFiles().map((f) => [relative(repoRoot, f), f]))(
    "%s: every mlops command, flag and remote kind it names exists",
    (_name, file) => {
      const text = readFileSync(file, "utf8");
      expect(falseClaims(text)).toEqual([]);
    },
  );

  it("reads what it should: README.md and every docs/ page, their examples and the CLI reference", () => {
    const files = docFiles().map((f) => relative(repoRoot, f));
    expect(files).toEqual(expect.arrayContaining(["README.md", "docs/cli.md", "docs/tracking-data.md"]));
    const claims = docFiles().map((f) => findCliClaims(readFileSync(f, "utf8")));
    const reference = findCliClaims(readFileSync(join(repoRoot, "docs/cli.md"), "utf8"));
    expect(reference.invocations.length).toBeGreaterThan(40);
    expect(claims.flatMap((c) => c.invocations).length).toBeGreaterThan(150);
    expect(claims.flatMap((c) => c.remotes.map((r) => r.url))).toEqual(
      expect.arrayContaining(["git-branch:mlops-objects"]),
    );
  });

  it("catches a planted command, flag, global flag and remote kind the CLI lacks, by line", () => {
    const planted = [
      "# Planted",
      "",
      "Run `mlops data push --turbo` to go faster, or `mlops teleport cars` to skip the network.",
      "",
      "```sh",
      "mlops run penguins --dry            # true: run takes --dry",
      "mlops --json registry ls            # true: --json is global",
      "mlops remote add bucket ftp://example.org/objects --default",
      "mlops remote add shared /mnt/team-store --default   # true",
      "mlops registry show fuel-efficiency#prod --at v1 --colour | jq .   # --colour is false",
      "mlops data frobnicate",
      "```",
      "",
      "```yaml",
      "remotes:",
      "  cold: { url: gs://bucket/objects }",
      "  warm:",
      "    url: gopher://example.org/objects",
      "```",
    ].join("\n");
    const problems = falseClaims(planted);
    expect(problems).toEqual([
      "3: `mlops data push --turbo`: mlops data push has no option --turbo",
      "3: `mlops teleport cars`: mlops has no command 'teleport'",
      "10: `mlops registry show fuel-efficiency#prod --at v1 --colour`: mlops registry show has no option --colour",
      "11: `mlops data frobnicate`: mlops data has no command 'frobnicate'",
      expect.stringMatching(
        /^16: `remotes.cold.url: gs:\/\/bucket\/objects`: the remote parser refuses .*'gs:\/\/'/,
      ),
      expect.stringMatching(/^18: `remotes.warm.url: gopher:\/\/example.org\/objects`: .*'gopher:\/\/'/),
      expect.stringMatching(
        /^8: `mlops remote add bucket ftp:\/\/example.org\/objects --default`: .*'ftp:\/\/'/,
      ),
    ]);
  });

  it("reads the CLI reference's headings with their placeholders without false alarms", () => {
    const headings = [
      "### `mlops remote add [options] <name> <url>`",
      "### `mlops run [options] [targets...]`",
      "`mlops image build fuel-efficiency@v1.2.0 --base REGISTRY/base/node@sha256:… --push ghcr.io/OWNER/REPO/x:v1`",
      "`MLOPS_WORKERS=2 mlops serve fuel-efficiency#staging --port 8080`",
    ].join("\n");
    expect(falseClaims(headings)).toEqual([]);
    const claims = findCliClaims(headings);
    expect(claims.invocations.map((i) => i.words.slice(0, 2).join(" "))).toEqual([
      "remote add",
      "run [options]",
      "image build",
      "serve fuel-efficiency#staging",
    ]);
    expect(claims.remotes).toEqual([]);
  });
});
