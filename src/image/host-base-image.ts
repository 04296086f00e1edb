import { execFile } from "node:child_process";
import { lstat, readlink } from "node:fs/promises";
import { dirname, posix, resolve } from "node:path";
import { promisify } from "node:util";
import { MlopsError } from "../errors/index.js";
import type { Logger } from "../log/index.js";
import { type BuildImageResult, buildImage } from "./build.js";
import type { TarEntry } from "./tar.js";

const run = promisify(execFile);

/**
 * A minimal base image made from the machine it runs on: the node binary, the shared libraries
 * `ldd` lists for it and for native addons, the dynamic loader, /etc/passwd and /etc/group with
 * one non-root user, and /tmp. Nothing is pulled, so it works where the internet does not; it
 * runs wherever the host's glibc would.
 */
export interface HostBaseImageOptions {
  layoutDir: string;
  sourceDateEpoch: number;
  /** The node binary to copy (the CLI passes process.execPath). */
  nodeBinary: string;
  /** More ELF files whose libraries the image needs (onnxruntime's `.node` addon); not copied themselves. */
  libraryProbes?: string[];
  user?: { name: string; uid: number; gid: number };
  /** Recorded as a label, e.g. process.version. */
  nodeVersion?: string;
  tag?: string;
  compressionLevel?: number;
  logger?: Logger;
}

export const defaultImageUser = { name: "mlops", uid: 10001, gid: 10001 };

/** The libraries `ldd` resolves for one ELF file, skipping the vDSO and those shipped next to the file. */
export async function sharedLibraries(elf: string): Promise<string[]> {
  let stdout: string;
  try {
    ({ stdout } = await run("ldd", [elf], { encoding: "utf8" }));
  } catch (err) {
    throw new MlopsError("command-failed", `ldd could not list the libraries of ${elf}`, {
      file: elf,
      hint: "the base image is made from a Linux host with glibc's ldd",
      cause: err,
    });
  }
  const own = dirname(resolve(elf));
  const libs: string[] = [];
  for (const line of stdout.split("\n")) {
    const arrow = /=>\s*(\/\S+)/.exec(line);
    const bare = /^\s*(\/\S+)\s+\(0x/.exec(line);
    const path = arrow?.[1] ?? bare?.[1];
    if (!path) {
      if (/not found/.test(line)) {
        throw new MlopsError("not-found", `a library of ${elf} is missing on this machine: ${line.trim()}`, {
          file: elf,
        });
      }
      continue;
    }
    if (dirname(path) === own) continue;
    libs.push(path);
  }
  return libs;
}

/**
 * Tar entries that reproduce `paths` as the host has them: every symlink met on the way (`/lib` →
 * `usr/lib` on merged-/usr systems, the loader's own link) becomes a symlink entry, and the files
 * they lead to are copied. Directories come out as 0755.
 */
export async function hostPathEntries(paths: readonly string[]): Promise<TarEntry[]> {
  const entries = new Map<string, TarEntry>();
  const visit = async (start: string, hops: number): Promise<void> => {
    if (hops > 40) throw new MlopsError("io", `too many symlinks resolving ${start}`, { file: start });
    const parts = posix.normalize(start).split("/").filter(Boolean);
    let current = "";
    for (const [i, part] of parts.entries()) {
      current = `${current}/${part}`;
      const st = await lstat(current);
      const rel = current.slice(1);
      if (st.isSymbolicLink()) {
        const target = await readlink(current);
        entries.set(rel, { path: rel, type: "symlink", mode: 0o777, linkTarget: target });
        const rest = parts.slice(i + 1).join("/");
        const resolved = posix.resolve(posix.dirname(current), target);
        await visit(rest ? `${resolved}/${rest}` : resolved, hops + 1);
        return;
      }
      if (i < parts.length - 1) continue;
      if (st.isFile()) {
        entries.set(rel, {
          path: rel,
          type: "file",
          mode: st.mode & 0o111 ? 0o755 : 0o644,
          size: st.size,
          hostPath: current,
        });
      } else if (!st.isDirectory()) {
        throw new MlopsError("refused", `${current} is not a file, directory or symlink`, { file: current });
      }
    }
  };
  for (const path of paths) await visit(resolve(path), 0);
  return [...entries.values()];
}

function text(path: string, content: string, mode = 0o644): TarEntry {
  return { path, type: "file", mode, data: Buffer.from(content, "utf8") };
}

/** Builds the host base image into an OCI layout (base `scratch`, one layer). */
export async function buildHostBaseImage(options: HostBaseImageOptions): Promise<BuildImageResult> {
  const user = options.user ?? defaultImageUser;
  const libraries = new Set<string>();
  for (const elf of [options.nodeBinary, ...(options.libraryProbes ?? [])]) {
    for (const lib of await sharedLibraries(elf)) libraries.add(lib);
  }
  const files = await hostPathEntries([options.nodeBinary, ...[...libraries].sort()]);
  const home = `home/${user.name}`;
  const entries: TarEntry[] = [
    ...files,
    text(
      "etc/passwd",
      `root:x:0:0:root:/root:/sbin/nologin\n${user.name}:x:${user.uid}:${user.gid}:${user.name}:/${home}:/sbin/nologin\n`,
    ),
    text("etc/group", `root:x:0:\n${user.name}:x:${user.gid}:\n`),
    { path: "tmp", type: "directory", mode: 0o1777 },
    { path: home, type: "directory", mode: 0o755 },
  ];
  return buildImage({
    base: "scratch",
    layoutDir: options.layoutDir,
    sourceDateEpoch: options.sourceDateEpoch,
    layers: [
      {
        comment: `node${options.nodeVersion ? ` ${options.nodeVersion}` : ""} and its shared libraries from the build host`,
        entries,
      },
    ],
    config: {
      env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
      entrypoint: [posix.resolve(options.nodeBinary)],
      workingDir: "/",
      user: `${user.uid}:${user.gid}`,
    },
    labels: {
      "org.opencontainers.image.description":
        "node and the shared libraries it needs, copied from the build host",
      ...(options.nodeVersion ? { "io.mlops.node.version": options.nodeVersion } : {}),
    },
    tag: options.tag,
    compressionLevel: options.compressionLevel,
    logger: options.logger,
  });
}
