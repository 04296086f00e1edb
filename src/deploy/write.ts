import { existsSync } from "node:fs";
import { mkdir, readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { writeFileAtomic } from "../files/index.js";
import type { RenderedEnvironment } from "./environment.js";
import { renderEnvironmentKustomization } from "./render.js";

export interface WrittenEnvironment {
  environment: string;
  directory: string;
  files: string[];
}

/**
 * Writes a rendering under `<outDir>/<environment>/`, each file by temp + rename. When only some
 * models were rendered, the environment's kustomization lists every model directory there, so
 * models rendered before stay deployed.
 */
export async function writeEnvironment(
  outDir: string,
  rendered: RenderedEnvironment,
  options: { partial: boolean; namespace?: string | undefined },
): Promise<WrittenEnvironment> {
  const directory = join(outDir, rendered.environment);
  let files = rendered.files;
  if (options.partial) {
    const present = new Set(rendered.models.map((m) => m.model));
    if (existsSync(directory)) {
      for (const entry of await readdir(directory, { withFileTypes: true })) {
        if (entry.isDirectory() && existsSync(join(directory, entry.name, "kustomization.yaml")))
          present.add(entry.name);
      }
    }
    files = [
      ...files.filter((f) => f.path !== "kustomization.yaml"),
      renderEnvironmentKustomization(rendered.environment, [...present], options.namespace),
    ];
  }
  for (const file of files) {
    const path = join(directory, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, file.text);
  }
  return { environment: rendered.environment, directory, files: files.map((f) => join(directory, f.path)) };
}
