import type { Command } from "commander";
import { repoLayout } from "../../repo/index.js";
import { commandContext } from "../context.js";

export function register(program: Command): void {
  const remote = program.command("remote").description("configure where data objects are pushed and pulled");

  remote
    .command("add")
    .description(
      "add a remote: a directory path or file:// URL, s3://BUCKET[/PREFIX] (AWS S3 or any S3-compatible store; credentials come from the AWS SDK's usual chain, never the config), or git-branch:BRANCH[@GIT-URL]",
    )
    .argument("<name>", "remote name: lowercase letters, digits, '.', '_', '-'")
    .argument("<url>", "where objects go; a relative path is taken from the repository root")
    .option("-d, --default", "make it the default remote")
    .option("--local", "write to .mlops/config.local.yaml (this machine only, git-ignored)")
    .option("-f, --force", "replace a remote of the same name")
    .option("-j, --jobs <n>", "concurrent transfers for this remote", (v) => Number.parseInt(v, 10))
    .option("--endpoint <url>", "s3:// only: an S3-compatible endpoint (MinIO, Cloudflare R2, Ceph, …)")
    .option("--region <region>", "s3:// only: the bucket's region (default: AWS_REGION or the profile's)")
    .option("--path-style", "s3:// only: address buckets as ENDPOINT/BUCKET (most self-hosted stores)")
    .action(
      async (
        name: string,
        url: string,
        opts: {
          default?: boolean;
          local?: boolean;
          force?: boolean;
          jobs?: number;
          endpoint?: string;
          region?: string;
          pathStyle?: boolean;
        },
        cmd: Command,
      ) => {
        const ctx = commandContext(cmd);
        const { addRemote } = await import("../../tracking/index.js");
        const added = await addRemote(repoLayout(ctx.root), name, url, {
          makeDefault: opts.default === true,
          scope: opts.local ? "local" : "repo",
          force: opts.force === true,
          ...(opts.jobs === undefined ? {} : { jobs: opts.jobs }),
          ...(opts.endpoint === undefined ? {} : { endpoint: opts.endpoint }),
          ...(opts.region === undefined ? {} : { region: opts.region }),
          ...(opts.pathStyle ? { pathStyle: true } : {}),
        });
        ctx.output(
          { ok: true, remote: added },
          () =>
            `added remote '${added.name}' → ${added.url}${added.endpoint ? ` at ${added.endpoint}` : ""}${added.default ? " (default)" : ""}`,
        );
      },
    );

  remote
    .command("list")
    .description("list configured remotes")
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { listRemotes } = await import("../../tracking/index.js");
      const remotes = await listRemotes(repoLayout(ctx.root));
      ctx.output({ ok: true, remotes }, () =>
        remotes.length === 0
          ? "no remotes configured (add one with `mlops remote add NAME PATH --default`)"
          : remotes
              .map(
                (r) =>
                  `${r.default ? "*" : " "} ${r.name}\t${r.url}${r.scope === "local" ? "\t(local)" : ""}`,
              )
              .join("\n"),
      );
    });

  remote
    .command("remove")
    .description("remove a remote from the configuration (its objects are left alone)")
    .argument("<name>", "remote name")
    .action(async (name: string, _opts: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { removeRemote } = await import("../../tracking/index.js");
      const removed = await removeRemote(repoLayout(ctx.root), name);
      ctx.output({ ok: true, removed }, () => `removed remote '${removed.name}'`);
    });
}
