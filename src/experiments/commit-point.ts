import { git } from "../git/index.js";
import { commitMessage, type ExperimentRecord } from "./exp-refs.js";

/** Falls back to a neutral identity where git has none configured (a fresh CI machine). */
async function identityEnv(cwd: string): Promise<Record<string, string>> {
  const email = (await git(["config", "--get", "user.email"], { cwd, okCodes: [1] }).catch(() => "")).trim();
  if (email) return {};
  return {
    GIT_AUTHOR_NAME: "mlops experiments",
    GIT_AUTHOR_EMAIL: "mlops@localhost",
    GIT_COMMITTER_NAME: "mlops experiments",
    GIT_COMMITTER_EMAIL: "mlops@localhost",
  };
}

/**
 * Records a finished point as a commit on top of `base`: the base tree with the pipelines' params,
 * locks, metrics and plots as this point left them (cached outputs are git-ignored, so they stay
 * in the cache). No branch moves; only the experiment ref will name the commit.
 */
export async function commitPoint(
  checkoutDir: string,
  base: string,
  pipelineDirs: readonly string[],
  record: ExperimentRecord,
  summary: string,
): Promise<string> {
  await git(["add", "-A", "--", ...pipelineDirs], { cwd: checkoutDir });
  const tree = (await git(["write-tree"], { cwd: checkoutDir })).trim();
  const env = await identityEnv(checkoutDir);
  return (
    await git(["commit-tree", tree, "-p", base, "-F", "-"], {
      cwd: checkoutDir,
      input: commitMessage(record, summary),
      env,
    })
  ).trim();
}
