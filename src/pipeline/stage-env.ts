import { reservedVariable } from "../manifest/pipeline.js";

/**
 * The environment a stage command starts with. It is built from an allow-list, not by removing
 * known secrets from everything the runner has: a CI job's environment holds credentials under
 * names nobody can enumerate (GITHUB_TOKEN, MLOPS_GIT_TOKEN, a GitHub App token arriving as
 * INPUT_TOKEN, ACTIONS_RUNTIME_TOKEN and ACTIONS_ID_TOKEN_REQUEST_*, registry passwords, cloud keys,
 * whatever a team adds to `env:`), and a deny-list misses the one it did not foresee. What passes
 * is what tools need to run (PATH, HOME, locale, temp dirs, CA bundles, package caches), the
 * non-secret facts about the run (GITHUB_SHA, GITHUB_EVENT_NAME, …), and the mlops settings that
 * are not credentials. Anything else a stage needs, its pipeline names in `pass_env`.
 */

/** Variables passed as they are, when set. */
const SAFE_NAMES = new Set([
  // Tools and the shell.
  "HOME",
  "USER",
  "LOGNAME",
  "SHELL",
  "LANG",
  "LANGUAGE",
  "TZ",
  "TERM",
  "TMPDIR",
  "TMP",
  "TEMP",
  "CI",
  "NO_COLOR",
  "FORCE_COLOR",
  // Trust roots (paths to certificates, not secrets): stages that download need them behind a
  // TLS-inspecting proxy.
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "NODE_EXTRA_CA_CERTS",
  "REQUESTS_CA_BUNDLE",
  "CURL_CA_BUNDLE",
  "GIT_SSL_CAINFO",
  "PIP_CERT",
  // Package installers' settings a Python or npm stage reads (no credentials among them).
  "PIP_CACHE_DIR",
  "PIP_NO_CACHE_DIR",
  "PIP_FIND_LINKS",
  "PIP_DEFAULT_TIMEOUT",
  "PIP_DISABLE_PIP_VERSION_CHECK",
  "PIP_NO_INPUT",
  "PIP_PROGRESS_BAR",
  "npm_config_cache",
  "npm_config_offline",
  "npm_config_prefer_offline",
  // Determinism and CPU sharing.
  "PYTHONHASHSEED",
  "PYTHONDONTWRITEBYTECODE",
  "PYTHONUNBUFFERED",
  "OMP_NUM_THREADS",
  "MKL_NUM_THREADS",
  "OPENBLAS_NUM_THREADS",
  // The run, as GitHub describes it: public facts, no credentials, and none of the files through
  // which a step talks to the runner (GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT, GITHUB_STATE,
  // GITHUB_STEP_SUMMARY): a stage writing to GITHUB_ENV could set variables for a later step that
  // holds a token.
  "GITHUB_ACTIONS",
  "GITHUB_WORKSPACE",
  "GITHUB_REPOSITORY",
  "GITHUB_REPOSITORY_OWNER",
  "GITHUB_SERVER_URL",
  "GITHUB_SHA",
  "GITHUB_REF",
  "GITHUB_REF_NAME",
  "GITHUB_REF_TYPE",
  "GITHUB_HEAD_REF",
  "GITHUB_BASE_REF",
  "GITHUB_EVENT_NAME",
  "GITHUB_WORKFLOW",
  "GITHUB_JOB",
  "GITHUB_RUN_ID",
  "GITHUB_RUN_NUMBER",
  "GITHUB_RUN_ATTEMPT",
  "GITHUB_ACTOR",
  "RUNNER_OS",
  "RUNNER_ARCH",
  "RUNNER_TEMP",
  "RUNNER_DEBUG",
  // mlops settings that are not credentials. MLOPS_REMOTE_READ_ONLY (with GITHUB_EVENT_NAME) keeps
  // a pull-request run's `mlops` calls inside stages read-only, as the runner itself is.
  "MLOPS_REMOTE_READ_ONLY",
  "MLOPS_DEBUG",
  "MLOPS_THREADS",
  "MLOPS_GIT_BRANCH_MAX_OBJECT_BYTES",
]);

/** Locale categories (LC_ALL, LC_CTYPE, …). */
const SAFE_PATTERN = /^LC_[A-Z]+$/;

/**
 * The environment of one stage's commands: the allow-listed variables of `parent`, the ones the
 * pipeline passes by name (`passEnv`), the stage's own literal `env`, then what the runner sets.
 */
export function stageEnvironment(
  parent: NodeJS.ProcessEnv,
  stage: { env: Record<string, string>; passEnv: readonly string[] },
  runnerSet: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined) continue;
    if (SAFE_NAMES.has(name) || SAFE_PATTERN.test(name)) out[name] = value;
  }
  for (const name of stage.passEnv) {
    if (reservedVariable(name)) continue;
    const value = parent[name];
    if (value !== undefined) out[name] = value;
  }
  return { ...out, ...stage.env, ...runnerSet };
}
