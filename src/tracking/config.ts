import { existsSync } from "node:fs";
import { relative } from "node:path";
import { MlopsError } from "../errors/index.js";
import { nameSlug } from "../manifest/common.js";
import { type RepoConfig, remoteConfig, repoConfig } from "../manifest/repo-config.js";
import { readYamlFile, writeYamlFile } from "../manifest/yaml-file.js";
import type { RepoLayout } from "../repo/index.js";
import { openRemote, type Remote } from "../store/index.js";
import { ensureStateIgnored } from "./manifests.js";

export type ConfigScope = "repo" | "local";

function fileFor(layout: RepoLayout, scope: ConfigScope): string {
  return scope === "local" ? layout.localConfigFile : layout.configFile;
}

export async function readConfigFile(layout: RepoLayout, scope: ConfigScope): Promise<RepoConfig> {
  const file = fileFor(layout, scope);
  if (!existsSync(file)) return repoConfig.parse({});
  return readYamlFile(file, repoConfig, relative(layout.root, file));
}

export async function writeConfigFile(
  layout: RepoLayout,
  scope: ConfigScope,
  config: RepoConfig,
): Promise<void> {
  await ensureStateIgnored(layout);
  await writeYamlFile(fileFor(layout, scope), repoConfig, config);
}

/** The tracked config with the machine-local one laid over it (a local remote of the same name wins). */
export async function effectiveConfig(
  layout: RepoLayout,
): Promise<RepoConfig & { scopes: Record<string, ConfigScope> }> {
  const shared = await readConfigFile(layout, "repo");
  const local = await readConfigFile(layout, "local");
  const scopes: Record<string, ConfigScope> = {};
  for (const name of Object.keys(shared.remotes)) scopes[name] = "repo";
  for (const name of Object.keys(local.remotes)) scopes[name] = "local";
  return {
    remotes: { ...shared.remotes, ...local.remotes },
    defaults: { ...shared.defaults, ...local.defaults },
    stages: { ...shared.stages, ...local.stages },
    images: { ...shared.images, ...local.images },
    ...(shared.deploy || local.deploy
      ? { deploy: { ...shared.deploy, ...local.deploy } as RepoConfig["deploy"] }
      : {}),
    scopes,
  };
}

export interface RemoteListing {
  name: string;
  url: string;
  scope: ConfigScope;
  default: boolean;
  jobs?: number;
  endpoint?: string;
  region?: string;
  pathStyle?: boolean;
}

/** The S3 addressing settings a remote entry carries (never credentials). */
export interface S3RemoteSettings {
  endpoint?: string;
  region?: string;
  pathStyle?: boolean;
}

function s3SettingsOf(remote: S3RemoteSettings): S3RemoteSettings {
  return {
    ...(remote.endpoint === undefined ? {} : { endpoint: remote.endpoint }),
    ...(remote.region === undefined ? {} : { region: remote.region }),
    ...(remote.pathStyle ? { pathStyle: true } : {}),
  };
}

export async function listRemotes(layout: RepoLayout): Promise<RemoteListing[]> {
  const config = await effectiveConfig(layout);
  return Object.entries(config.remotes)
    .map(([name, remote]) => ({
      name,
      url: remote.url,
      scope: config.scopes[name] ?? "repo",
      default: config.defaults.remote === name,
      ...(remote.jobs === undefined ? {} : { jobs: remote.jobs }),
      ...s3SettingsOf(remote),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function addRemote(
  layout: RepoLayout,
  name: string,
  url: string,
  options: {
    makeDefault?: boolean;
    scope?: ConfigScope;
    force?: boolean;
    jobs?: number;
  } & S3RemoteSettings = {},
): Promise<RemoteListing> {
  const scope = options.scope ?? "repo";
  if (!nameSlug.safeParse(name).success) {
    throw new MlopsError("usage", `'${name}' is not a valid remote name`, {
      expected: "lowercase letters, digits, '.', '_' or '-', starting with a letter or digit",
    });
  }
  const config = await readConfigFile(layout, scope);
  if (config.remotes[name] && !options.force) {
    throw new MlopsError("conflict", `remote '${name}' already exists (${config.remotes[name].url})`, {
      hint: "pass --force to replace it, or `mlops remote remove` it first",
    });
  }
  const s3 = s3SettingsOf(options);
  const entry = remoteConfig.safeParse({
    url,
    ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
    ...s3,
  });
  if (!entry.success) {
    const issue = entry.error.issues[0];
    throw new MlopsError("usage", `remote '${name}': ${issue?.path.join(".") || "url"}: ${issue?.message}`, {
      field: `remotes.${name}.${issue?.path.join(".") ?? ""}`,
    });
  }
  // Validates the URL and refuses schemes we cannot talk to yet (no request is made).
  openRemote({ name, url, ...s3 }, layout.root);
  config.remotes[name] = entry.data;
  const everyRemote = await effectiveConfig(layout);
  if (
    options.makeDefault ||
    (Object.keys(everyRemote.remotes).length === 0 && !everyRemote.defaults.remote)
  ) {
    config.defaults.remote = name;
  }
  await writeConfigFile(layout, scope, config);
  const listed = (await listRemotes(layout)).find((r) => r.name === name);
  return listed ?? { name, url, scope, default: config.defaults.remote === name };
}

export async function removeRemote(
  layout: RepoLayout,
  name: string,
): Promise<{ name: string; scope: ConfigScope }> {
  for (const scope of ["local", "repo"] as const) {
    const config = await readConfigFile(layout, scope);
    if (!config.remotes[name]) continue;
    delete config.remotes[name];
    if (config.defaults.remote === name) delete config.defaults.remote;
    await writeConfigFile(layout, scope, config);
    return { name, scope };
  }
  throw new MlopsError("not-found", `no remote named '${name}'`, { hint: "see `mlops remote list`" });
}

/** The remote named, else the default one, else the only one; `undefined` when none is configured. */
export async function resolveRemote(
  layout: RepoLayout,
  name?: string,
): Promise<{ remote: Remote; jobs?: number } | undefined> {
  const config = await effectiveConfig(layout);
  const names = Object.keys(config.remotes);
  const chosen = name ?? config.defaults.remote ?? (names.length === 1 ? names[0] : undefined);
  if (chosen === undefined) {
    if (names.length > 1) {
      throw new MlopsError(
        "usage",
        `several remotes are configured (${names.join(", ")}) and none is the default`,
        {
          hint: "pass --remote NAME or run `mlops remote add NAME URL --default --force`",
        },
      );
    }
    return undefined;
  }
  const spec = config.remotes[chosen];
  if (!spec)
    throw new MlopsError("not-found", `no remote named '${chosen}'`, { hint: "see `mlops remote list`" });
  const jobs = spec.jobs ?? config.defaults.jobs;
  return {
    remote: openRemote(
      { name: chosen, url: spec.url, ...s3SettingsOf(spec), ...(jobs === undefined ? {} : { jobs }) },
      layout.root,
    ),
    ...(jobs === undefined ? {} : { jobs }),
  };
}
