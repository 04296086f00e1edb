import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { isMlopsError, userMessage } from "../errors/index.js";
import { registerCommands } from "./commands/index.js";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./exit-codes.js";

/** The installed package's version: src/cli and lib/cli both sit two levels below package.json. */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return String(manifest.version);
}

export function buildProgram(): Command {
  const program = new Command("mlops")
    .description("GitOps MLOps: data, pipelines, models and their stages, kept in a git repository")
    .option("-C, --repo <dir>", "repository root (default: the nearest one above the current directory)")
    .option("--json", "print one JSON document on stdout instead of text")
    .option("-q, --quiet", "print only warnings and errors")
    .option("-v, --verbose", "print debugging detail")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  registerCommands(program);
  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 failure, 2 usage. */
export async function main(argv: string[]): Promise<number> {
  // The AWS SDK (loaded for s3:// remotes) warns on stderr about Node versions its future releases
  // will drop; the SDK is pinned by the lockfile, so that notice is noise in every S3 command's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  // Only as the first argument: verbs have their own --version (`mlops register NAME --version v1.2.0`),
  // and a program-level option would be taken from anywhere on the line.
  if (argv[0] === "--version" || argv[0] === "-V") {
    process.stdout.write(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const program = buildProgram();
  const json = argv.includes("--json");
  try {
    await program.parseAsync(argv, { from: "user" });
    return process.exitCode === undefined ? EXIT_OK : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.exitCode === 0) {
        return EXIT_OK;
      }
      if (json)
        process.stdout.write(
          `${JSON.stringify({ ok: false, error: { code: "usage", message: err.message } })}\n`,
        );
      return EXIT_USAGE;
    }
    const usage = isMlopsError(err, "usage");
    if (json) {
      const error = isMlopsError(err) ? err.toJSON() : { code: "internal", message: userMessage(err) };
      process.stdout.write(`${JSON.stringify({ ok: false, error }, null, 2)}\n`);
    }
    process.stderr.write(`mlops: ${userMessage(err)}\n`);
    if (!isMlopsError(err) && process.env.MLOPS_DEBUG && err instanceof Error)
      process.stderr.write(`${err.stack}\n`);
    return usage ? EXIT_USAGE : EXIT_FAILURE;
  }
}
