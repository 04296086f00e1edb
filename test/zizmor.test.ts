import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./support/cli.js";
import { tempDir } from "./support/repo.js";

// zizmor (static analysis of GitHub Actions) over every workflow, every action.yml and the Dependabot
// config, with zero findings. It is pinned with hashes in scripts/ci/requirements-zizmor.txt and runs
// from the venv scripts/python/venv-run.sh builds; --offline keeps it from calling GitHub (its online
// audits need a token and the network). A machine where it cannot be installed fails this test: no
// skipping.

const inputs = [
  ".github/workflows",
  ".github/dependabot.yml",
  ...readdirSync(join(repoRoot, "actions"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `actions/${e.name}/action.yml`),
];

interface Finding {
  ident: string;
  desc: string;
  determinations: { severity: string };
  locations: {
    symbolic: { key: { Local?: { verbatim_path?: string; given_path?: string } }; kind: string };
    concrete: { location: { start_point: { row: number } } };
  }[];
}

function zizmor(paths: string[]): Finding[] {
  const env = { ...process.env };
  for (const name of ["GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN"]) delete env[name];
  const result = spawnSync(
    "sh",
    [
      "scripts/python/venv-run.sh",
      "scripts/ci/requirements-zizmor.txt",
      "zizmor",
      "--offline",
      "--no-progress",
      "--no-config",
      "--format",
      "json",
      ...paths,
    ],
    { cwd: repoRoot, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error) throw result.error;
  // zizmor exits non-zero when it finds something; only its JSON tells whether it ran at all.
  if (!result.stdout.trim().startsWith("[")) {
    throw new Error(
      `zizmor could not be installed or run (exit ${result.status}); needs python3 with venv and PyPI:\n${result.stderr.slice(-3000)}`,
    );
  }
  return JSON.parse(result.stdout) as Finding[];
}

function describeFinding(f: Finding): string {
  const where = f.locations[0];
  const file = where?.symbolic.key.Local?.verbatim_path ?? where?.symbolic.key.Local?.given_path ?? "?";
  return `${file}:${(where?.concrete.location.start_point.row ?? -1) + 1}: ${f.ident} (${f.determinations.severity}): ${f.desc}`;
}

describe("zizmor", () => {
  let work: { dir: string; cleanup: () => void };
  let findings: Finding[];
  let probe: string;

  beforeAll(() => {
    work = tempDir("mlops-zizmor-");
    // A workflow with the classic mistakes, audited in the same run: proves zizmor ran and looked.
    probe = join(work.dir, "probe.yml");
    writeFileSync(
      probe,
      [
        "on: pull_request_target",
        "jobs:",
        "  a:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - uses: actions/checkout@v4",
        "        with:",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression
        "          ref: ${{ github.event.pull_request.head.sha }}",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression
        '      - run: echo "${{ github.event.pull_request.title }}"',
        "",
      ].join("\n"),
    );
    findings = zizmor([...inputs, probe]);
  }, 600_000);
  afterAll(() => work.cleanup());

  it("finds the injection, the unpinned action and the dangerous trigger of a bad workflow", () => {
    const idents = new Set(
      findings.filter((f) => describeFinding(f).includes("probe.yml")).map((f) => f.ident),
    );
    expect([...idents]).toEqual(
      expect.arrayContaining(["template-injection", "unpinned-uses", "dangerous-triggers"]),
    );
  });

  it("has no finding in our workflows, actions and Dependabot config", () => {
    const ours = findings.filter((f) => !describeFinding(f).includes("probe.yml")).map(describeFinding);
    expect(ours).toEqual([]);
  });

  it("audited every action.yml", () => {
    expect(inputs.filter((p) => p.startsWith("actions/")).length).toBeGreaterThanOrEqual(9);
  });
});

describe("zizmor ignore comments", () => {
  const files = [
    ...readdirSync(join(repoRoot, ".github/workflows")).map((f) => `.github/workflows/${f}`),
    ...inputs.filter((p) => p.endsWith(".yml") && !p.endsWith("/workflows")),
  ];
  it.each(files)("%s: each ignore says why", (file) => {
    const text = readFileSync(join(repoRoot, file), "utf8");
    for (const [n, line] of text.split("\n").entries()) {
      const m = /zizmor:\s*ignore\[([^\]]*)\](.*)$/.exec(line);
      if (!m) continue;
      expect(m[2]?.trim().length ?? 0, `${file}:${n + 1}: ignore[${m[1]}] without a reason`).toBeGreaterThan(
        10,
      );
    }
  });
});
