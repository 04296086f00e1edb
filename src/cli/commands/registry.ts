import type { Command } from "commander";
import { MlopsError } from "../../errors/index.js";
import { type CommandContext, commandContext } from "../context.js";

export interface RemoteFlags {
  gitRemote?: string;
  push?: boolean;
}

/** What a GitHub Actions run says about itself; the user outside Actions. */
async function runContext(): Promise<{
  actor?: string;
  runId?: string | number;
  runUrl?: string;
  workflow?: string;
}> {
  const { runProvenance } = await import("../../flows/provenance.js");
  return runProvenance();
}

/** The tag remote of registry writes: --git-remote, else origin; the token from the environment. */
export async function tagRemoteFor(ctx: CommandContext, flags: RemoteFlags) {
  const { resolveTagRemote } = await import("../../registry/index.js");
  const token = process.env.MLOPS_GIT_TOKEN ?? process.env.GITHUB_TOKEN;
  return resolveTagRemote(ctx.root, flags.push === false ? false : flags.gitRemote, token || undefined);
}

export function remoteOptions(cmd: Command): Command {
  return cmd
    .option(
      "--git-remote <remote>",
      "git remote (name or URL) to fetch tags from and push them to (default: origin)",
    )
    .option("--no-push", "keep the tags in the local repository only");
}

function gateLines(gates: { gate: string; passed: boolean; detail: string }[]): string[] {
  return gates.map((g) => `  ${g.passed ? "✓" : "✗"} ${g.gate}: ${g.detail}`);
}

/** `mlops register`, `promote`, `rollback` and `registry …`: git tags as the model registry. */
export function register(program: Command): void {
  remoteOptions(
    program
      .command("register")
      .description("register what the pipeline built as a new version: an annotated tag <name>@vX.Y.Z")
      .argument("<name>", "model under models/<name>/model.yaml")
      .option("--version <vX.Y.Z>", "an explicit version (refused when it breaks the version policy)")
      .option("--remote <name>", "data remote to copy the model to (default: the configured one)"),
  )
    .addHelpText(
      "after",
      `
The version manifest is read from the pipeline's committed lock: data manifests and hashes, params,
metrics, the validation result, the ONNX signature and the artifact's hash and size. The number
follows models/<name>/model.yaml's version_policy: a changed signature bumps major, new data or
params minor, anything else patch. Registering the same artifact again prints the existing version.`,
    )
    .action(
      async (name: string, flags: RemoteFlags & { version?: string; remote?: string }, cmd: Command) => {
        const ctx = commandContext(cmd);
        const { repoLayout } = await import("../../repo/index.js");
        const { registerModel } = await import("../../registry/index.js");
        const tagRemote = await tagRemoteFor(ctx, flags);
        const result = await registerModel(repoLayout(ctx.root), name, {
          ...(flags.version ? { version: flags.version } : {}),
          ...(flags.remote ? { dataRemote: flags.remote } : {}),
          ...(tagRemote ? { tagRemote } : {}),
          provenance: await runContext(),
          logger: ctx.logger,
        });
        ctx.output(result, () =>
          result.created
            ? `registered ${result.tag} (${result.bump}: ${result.reasons.join("; ")})${result.pushed ? `, pushed to ${tagRemote?.remote}` : ""}`
            : `${result.tag} already holds this artifact; nothing registered`,
        );
      },
    );

  remoteOptions(
    program
      .command("promote")
      .description("assign a version to a stage after checking its gates: a tag <name>#<stage>#<N>")
      .argument("<name>", "model name")
      .argument("<version>", "version, like v1.2.0")
      .requiredOption("--to <stage>", "stage to assign (stages go in the order model.yaml lists)")
      .option("--allow-signature-change", "accept inputs or outputs that differ from the stage's model")
      .option("--environment <name>", "deployment environment to record")
      .option("--image-digest <digest>", "image digest deployed with this assignment (sha256:…)")
      .option("--image-repository <host/path>", "where that image was pushed, e.g. ghcr.io/owner/repo")
      .option("--reason <text>", "why, recorded in the tag"),
  ).action(
    async (
      name: string,
      version: string,
      flags: RemoteFlags & {
        to: string;
        allowSignatureChange?: boolean;
        environment?: string;
        imageDigest?: string;
        imageRepository?: string;
        reason?: string;
      },
      cmd: Command,
    ) => {
      const ctx = commandContext(cmd);
      if (flags.imageRepository && !flags.imageDigest) {
        throw new MlopsError("usage", "--image-repository names where the --image-digest image was pushed", {
          expected: "--image-digest sha256:<64 hex> with it",
        });
      }
      const { repoLayout } = await import("../../repo/index.js");
      const { promoteModel } = await import("../../registry/index.js");
      const tagRemote = await tagRemoteFor(ctx, flags);
      const run = await runContext();
      const result = await promoteModel(repoLayout(ctx.root), name, version, flags.to, {
        ...(tagRemote ? { tagRemote } : {}),
        ...(run.actor ? { actor: run.actor } : {}),
        ...(run.runId && run.runUrl ? { run: { id: run.runId, url: run.runUrl } } : {}),
        ...(flags.allowSignatureChange ? { allowSignatureChange: true } : {}),
        ...(flags.environment ? { environment: flags.environment } : {}),
        ...(flags.imageDigest ? { imageDigest: flags.imageDigest } : {}),
        ...(flags.imageRepository ? { imageRepository: flags.imageRepository } : {}),
        ...(flags.reason ? { reason: flags.reason } : {}),
        logger: ctx.logger,
      });
      ctx.output(result, () =>
        [
          result.created
            ? `${result.tag}: ${name} ${flags.to} = ${result.version} (was ${result.previous ?? "empty"})${result.pushed ? ", pushed" : ""}`
            : `${name} ${flags.to} already holds ${result.version}; nothing to do`,
          ...gateLines(result.gates),
        ].join("\n"),
      );
    },
  );

  remoteOptions(
    program
      .command("rollback")
      .description("assign a stage's previous version again (a new tag; nothing is deleted)")
      .argument("<name>", "model name")
      .requiredOption("--stage <stage>", "stage to roll back, e.g. prod")
      .option("--reason <text>", "why, recorded in the tag"),
  ).action(async (name: string, flags: RemoteFlags & { stage: string; reason?: string }, cmd: Command) => {
    const ctx = commandContext(cmd);
    const { repoLayout } = await import("../../repo/index.js");
    const { rollbackStage } = await import("../../flows/index.js");
    const tagRemote = await tagRemoteFor(ctx, flags);
    const run = await runContext();
    const result = await rollbackStage(repoLayout(ctx.root), name, flags.stage, {
      ...(tagRemote ? { tagRemote } : {}),
      ...(run.actor ? { actor: run.actor } : {}),
      ...(run.runId && run.runUrl ? { run: { id: run.runId, url: run.runUrl } } : {}),
      ...(flags.reason ? { reason: flags.reason } : {}),
      logger: ctx.logger,
    });
    ctx.output(
      result,
      () =>
        `${result.tag}: ${name} ${flags.stage} back to ${result.version} (from ${result.previous})${result.manifests ? `\n${result.manifests.directory} on ${result.manifests.branch}: ${result.manifests.created ? `committed ${result.manifests.commit?.slice(0, 12)}` : "unchanged"}` : ""}`,
    );
  });

  const registry = program.command("registry").description("read the model registry kept in git tags");
  registry
    .command("ls")
    .description("every model: latest version and the version each stage holds")
    .option("--at <when>", "as of a registry tag, a time (ISO 8601) or a git revision")
    .action(async (flags: { at?: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { repoLayout } = await import("../../repo/index.js");
      const { listModels } = await import("../../registry/index.js");
      const models = await listModels(repoLayout(ctx.root), flags.at);
      ctx.output({ models }, () =>
        models.length
          ? models
              .map((m) => {
                const stages = Object.entries(m.stages).map(([s, v]) => `${s}=${v}`);
                return `${m.name.padEnd(24)} ${(m.latest ?? "-").padEnd(10)} ${stages.join(" ") || "(no stages)"}${m.deprecated ? " [deprecated]" : ""}`;
              })
              .join("\n")
          : "no models (declare one in models/<name>/model.yaml)",
      );
    });
  registry
    .command("show")
    .description("a model, a version (name@vX.Y.Z) or what a stage holds (name#prod)")
    .argument("<selector>", "name, name@vX.Y.Z or name#stage")
    .option("--at <when>", "as of a registry tag, a time (ISO 8601) or a git revision")
    .option("--ref <when>", "same as --at")
    .action(async (selector: string, flags: { at?: string; ref?: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { repoLayout } = await import("../../repo/index.js");
      const { showRegistry } = await import("../../registry/index.js");
      const result = await showRegistry(repoLayout(ctx.root), selector, flags.at ?? flags.ref);
      ctx.output(result, () => {
        if ("versions" in result) {
          const stages = Object.entries(result.stages).map(([s, v]) => `${s}=${v}`);
          return [
            `${result.name}: latest ${result.latest ?? "-"}; ${stages.join(", ") || "no stages"}`,
            ...result.versions.map(
              (v) =>
                `  ${v.version.padEnd(12)} ${v.commit.slice(0, 10)} ${v.registered} ${v.stages.join(",")}${v.deregistered ? " (deregistered)" : ""}`,
            ),
          ].join("\n");
        }
        const m = result.manifest;
        return [
          `${result.name}@${result.version}${result.stages.length ? ` (${result.stages.join(", ")})` : ""}`,
          `  commit    ${m.commit}`,
          `  created   ${m.created}`,
          `  artifact  sha256:${m.artifact.sha256} (${m.artifact.size} bytes)`,
          `  metrics   ${Object.entries(m.metrics)
            .map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toPrecision(4)}`)
            .join(" ")}`,
          `  data      ${m.data.map((d) => `${d.name}@${(d.data_sha256 ?? d.sha256).slice(0, 10)}`).join(" ") || "-"}`,
          `  inputs    ${m.signature.inputs.map((t) => `${t.name}:${t.dtype}`).join(" ")}`,
          ...(result.assignment
            ? [`  assigned  ${result.assignment.tag} at ${result.assignment.time} by ${result.assignment.by}`]
            : []),
        ].join("\n");
      });
    });
  registry
    .command("history")
    .description(
      "every registration and stage change of a model, oldest first; or its metrics across versions",
    )
    .argument("<name>", "model name")
    .option("--stage <stage>", "only this stage's assignments")
    .option("--at <when>", "as of a registry tag, a time (ISO 8601) or a git revision")
    .option(
      "--metrics [names]",
      "instead, each version's recorded metrics (comma-separated names; default all), best marked",
    )
    .action(
      async (
        name: string,
        flags: { stage?: string; at?: string; metrics?: string | boolean },
        cmd: Command,
      ) => {
        const ctx = commandContext(cmd);
        const { repoLayout } = await import("../../repo/index.js");
        if (flags.metrics !== undefined) {
          const { metricHistory } = await import("../../report/index.js");
          const names =
            typeof flags.metrics === "string"
              ? flags.metrics
                  .split(",")
                  .map((m) => m.trim())
                  .filter(Boolean)
              : [];
          const history = await metricHistory(repoLayout(ctx.root), name, { metrics: names });
          ctx.output(history, () => metricHistoryText(history));
          return;
        }
        const { registryHistory } = await import("../../registry/index.js");
        const events = await registryHistory(repoLayout(ctx.root), name, flags);
        ctx.output({ name, events }, () =>
          events
            .map(
              (e) =>
                `${e.time}  ${e.event.padEnd(13)} ${(e.version ?? "").padEnd(10)} ${e.stage ?? ""}${e.previous !== undefined ? ` (was ${e.previous ?? "empty"})` : ""}  ${e.tag}`,
            )
            .join("\n"),
        );
      },
    );
  registry
    .command("diff")
    .description("what changed between two versions: params, metrics, data, signature, artifact")
    .argument("<name>", "model name")
    .argument("<from>", "older version")
    .argument("<to>", "newer version")
    .action(async (name: string, from: string, to: string, _flags: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { repoLayout } = await import("../../repo/index.js");
      const { diffVersions } = await import("../../registry/index.js");
      const d = await diffVersions(repoLayout(ctx.root), name, from, to);
      const v = (x: unknown) =>
        typeof x === "number" && !Number.isInteger(x) ? x.toPrecision(4) : JSON.stringify(x);
      ctx.output(d, () =>
        [
          `${name} ${from} → ${to}`,
          ...d.metrics.map(
            (m) =>
              `  metric ${m.name}: ${v(m.from)} → ${v(m.to)}${m.delta !== null ? ` (${m.delta >= 0 ? "+" : ""}${v(m.delta)})` : ""}`,
          ),
          ...d.params.map((p) => `  param  ${p.key}: ${v(p.from)} → ${v(p.to)}`),
          ...d.data.map(
            (x) => `  data   ${x.name}: ${(x.from ?? "-").slice(0, 12)} → ${(x.to ?? "-").slice(0, 12)}`,
          ),
          ...d.signature.map((s) => `  signature: ${s}`),
          d.artifact.from === d.artifact.to
            ? "  same artifact"
            : `  artifact ${d.artifact.from.slice(0, 12)} → ${d.artifact.to.slice(0, 12)}`,
        ].join("\n"),
      );
    });
  remoteOptions(
    registry
      .command("verify")
      .description("check tags, annotations, the remote's copies and the stored model objects")
      .argument("[name]", "only this model"),
  ).action(async (name: string | undefined, flags: RemoteFlags, cmd: Command) => {
    const ctx = commandContext(cmd);
    const { repoLayout } = await import("../../repo/index.js");
    const { verifyRegistry } = await import("../../registry/index.js");
    const tagRemote = await tagRemoteFor(ctx, flags);
    const report = await verifyRegistry(repoLayout(ctx.root), {
      ...(name ? { model: name } : {}),
      ...(tagRemote ? { tagRemote } : {}),
    });
    ctx.output(report, () =>
      [
        `${report.ok ? "ok" : "PROBLEMS"}: ${report.checked.versions} versions, ${report.checked.assignments} assignments, ${report.checked.objects} stored models checked`,
        ...report.problems.map((p) => `  ✗ ${p.tag}: ${p.problem}`),
        ...report.warnings.map((p) => `  ! ${p.tag}: ${p.problem}`),
      ].join("\n"),
    );
    if (!report.ok) process.exitCode = 1;
  });
}

/** A version per line, a metric per column, the best value of each metric marked with `*`. */
function metricHistoryText(h: import("../../report/index.js").MetricHistory): string {
  const cell = (v: number | null) =>
    v === null ? "—" : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(5)));
  const header = ["version", "created", "stages", ...h.metrics];
  const rows = h.versions.map((r) => [
    r.version,
    r.created.slice(0, 10),
    r.stages.join(",") || "-",
    ...h.metrics.map((m) => `${cell(r.metrics[m] ?? null)}${h.best[m] === r.version ? " *" : ""}`),
  ]);
  const widths = header.map((t, i) => Math.max(t.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [
    `${h.name}: ${h.versions.length} version${h.versions.length === 1 ? "" : "s"}, oldest first (* best by the metric's direction)`,
    line(header),
    ...rows.map(line),
  ].join("\n");
}
