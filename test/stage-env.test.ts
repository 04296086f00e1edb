import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reservedVariable } from "../src/manifest/pipeline.js";
import { runPipelines } from "../src/pipeline/index.js";
import { stageEnvironment } from "../src/pipeline/stage-env.js";
import { repoLayout } from "../src/repo/index.js";
import { runCli } from "./support/cli.js";
import { tempRepo } from "./support/repo.js";

/** What a CI job's step has in its environment: credentials under many names, and harmless facts. */
const jobEnvironment = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: "/home/runner",
  LANG: "C.UTF-8",
  LC_ALL: "C.UTF-8",
  CI: "true",
  SSL_CERT_FILE: "/etc/ssl/certs/ca-certificates.crt",
  GITHUB_ACTIONS: "true",
  GITHUB_SHA: "a".repeat(40),
  GITHUB_EVENT_NAME: "push",
  GITHUB_REPOSITORY: "octo/models",
  GITHUB_TOKEN: "ghs_job_token",
  MLOPS_GIT_TOKEN: "ghs_push_token",
  MLOPS_RETRAIN_TOKEN: "ghs_app_token",
  MLOPS_REGISTRY_PASSWORD: "registry-password",
  MLOPS_REGISTRY_USERNAME: "registry-user",
  INPUT_TOKEN: "ghs_app_token_as_input",
  "INPUT_REGISTRY-PASSWORD": "registry-password-as-input",
  ACTIONS_RUNTIME_TOKEN: "runtime-token",
  ACTIONS_RESULTS_URL: "http://127.0.0.1:1/",
  ACTIONS_ID_TOKEN_REQUEST_URL: "http://127.0.0.1:1/oidc",
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: "oidc-request-token",
  GITHUB_ENV: "/tmp/set_env_file",
  GITHUB_OUTPUT: "/tmp/output_file",
  AWS_ACCESS_KEY_ID: "AKIAEXAMPLE",
  AWS_SECRET_ACCESS_KEY: "aws-secret",
  NPM_TOKEN: "npm-token",
  DOCKER_PASSWORD: "docker-password",
  WANDB_API_KEY: "passed-by-name",
};

const secrets = [
  "ghs_job_token",
  "ghs_push_token",
  "ghs_app_token",
  "registry-password",
  "runtime-token",
  "oidc-request-token",
  "aws-secret",
  "npm-token",
  "docker-password",
];

describe("the environment of stage commands", () => {
  let repo: { dir: string; cleanup: () => void };
  let dir: string;
  beforeEach(() => {
    repo = tempRepo();
    dir = join(repo.dir, "pipelines", "probe");
    mkdirSync(dir, { recursive: true });
  });
  afterEach(() => repo.cleanup());

  it("holds no token, no INPUT_*, no ACTIONS_* and no runner file, only what the pipeline passes by name", async () => {
    writeFileSync(
      join(dir, "pipeline.yaml"),
      [
        "pass_env: [WANDB_API_KEY]",
        "stages:",
        "  probe:",
        "    cmd: env > seen-env.txt",
        "    env: { GREETING: hello }",
        "    outs: [seen-env.txt]",
        "",
      ].join("\n"),
    );
    await runPipelines(repoLayout(repo.dir), { env: jobEnvironment });
    const text = readFileSync(join(dir, "seen-env.txt"), "utf8");
    const seen = Object.fromEntries(
      text
        .split("\n")
        .filter((l) => l.includes("="))
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    for (const secret of secrets) expect(text, `a stage saw ${secret}`).not.toContain(secret);
    const names = Object.keys(seen);
    expect(names.filter((n) => /^(INPUT_|ACTIONS_)/.test(n))).toEqual([]);
    expect(names.filter((n) => /TOKEN|PASSWORD|SECRET/.test(n))).toEqual([]);
    expect(names).not.toContain("GITHUB_ENV");
    expect(names).not.toContain("GITHUB_OUTPUT");
    expect(names).not.toContain("MLOPS_REGISTRY_USERNAME");
    expect(names).not.toContain("AWS_ACCESS_KEY_ID");
    expect(seen).toMatchObject({
      HOME: "/home/runner",
      LANG: "C.UTF-8",
      LC_ALL: "C.UTF-8",
      CI: "true",
      GITHUB_SHA: "a".repeat(40),
      GITHUB_EVENT_NAME: "push",
      SSL_CERT_FILE: "/etc/ssl/certs/ca-certificates.crt",
      WANDB_API_KEY: "passed-by-name",
      GREETING: "hello",
      MLOPS_PIPELINE: "probe",
      MLOPS_STAGE: "probe",
    });
    expect(seen.PATH?.split(":")).toContain(join(repo.dir, "node_modules", ".bin"));
  });

  it("refuses a pass_env naming a credential of the runner, with file, line and field", () => {
    writeFileSync(
      join(dir, "pipeline.yaml"),
      [
        "stages:",
        "  probe:",
        "    cmd: env > seen-env.txt",
        "    pass_env: [HOME_DIR, INPUT_TOKEN]",
        "",
      ].join("\n"),
    );
    const result = runCli(["run", "--dry"], { cwd: repo.dir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/pipelines\/probe\/pipeline\.yaml:4/);
    expect(result.stderr).toMatch(/stages\.probe\.pass_env\[1\]/);
    expect(result.stderr).toMatch(/INPUT_TOKEN cannot be passed: it is an action's input/);

    writeFileSync(
      join(dir, "pipeline.yaml"),
      ["pass_env: [MLOPS_GIT_TOKEN]", "stages:", "  probe:", "    cmd: env > seen-env.txt", ""].join("\n"),
    );
    const top = runCli(["run", "--dry"], { cwd: repo.dir });
    expect(top.code).not.toBe(0);
    expect(top.stderr).toMatch(/pipeline\.yaml:1.*pass_env\[0\]/);
    expect(top.stderr).toMatch(/credential the runner holds for pushing/);

    writeFileSync(
      join(dir, "pipeline.yaml"),
      ["pass_env: [not a name]", "stages:", "  probe:", "    cmd: env > seen-env.txt", ""].join("\n"),
    );
    const bad = runCli(["run", "--dry"], { cwd: repo.dir });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/pass_env\[0\].*expected an environment variable name/);
  });
});

describe("stageEnvironment, for any parent environment", () => {
  const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,24}$/);
  const credentialName = fc.oneof(
    fc.constantFrom("GITHUB_TOKEN", "MLOPS_GIT_TOKEN", "MLOPS_RETRAIN_TOKEN", "MLOPS_REGISTRY_PASSWORD"),
    name.map((n) => `INPUT_${n}`),
    name.map((n) => `ACTIONS_${n}`),
    name.map((n) => `${n}_TOKEN`),
    name.map((n) => `${n}_PASSWORD`),
    name.map((n) => `${n}_SECRET_KEY`),
  );

  it("lets through no credential, whatever else is set and whatever a pipeline passes", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.oneof(name, credentialName), fc.string()),
        fc.array(fc.oneof(name, credentialName), { maxLength: 6 }),
        (parent, passEnv) => {
          // What the schema lets a pipeline write: names that are not reserved.
          const allowed = passEnv.filter((n) => !reservedVariable(n));
          const env = stageEnvironment(parent, { env: {}, passEnv: allowed }, { PATH: "/bin" });
          for (const key of Object.keys(env)) {
            if (key === "PATH" || allowed.includes(key)) continue;
            expect(key, `${key} reached a stage`).not.toMatch(/TOKEN|PASSWORD|SECRET|^INPUT_|^ACTIONS_/i);
          }
          for (const key of ["GITHUB_TOKEN", "MLOPS_GIT_TOKEN", "INPUT_TOKEN", "ACTIONS_RUNTIME_TOKEN"])
            expect(env[key]).toBeUndefined();
          expect(env.PATH).toBe("/bin");
        },
      ),
      { seed: 17, numRuns: 2_000 },
    );
  });
});
