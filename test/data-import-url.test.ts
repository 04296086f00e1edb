import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliAsync as runCli } from "./support/cli.js";
import { tempRepo } from "./support/repo.js";

describe("data import from a URL", () => {
  let server: Server;
  let base: string;
  let body = "city,temp\nOslo,4\nLima,19\n";
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/weather.csv") res.end(body);
      else {
        res.statusCode = 404;
        res.end("not here");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("records the URL, materialises from it again, and refuses it once its bytes change", async () => {
    const repo = tempRepo();
    try {
      const cwd = repo.dir;
      const imported = await runCli(["data", "import", `${base}/weather.csv`, "--json"], { cwd });
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.json()).toMatchObject({
        manifest: "data/weather.dvc",
        source: { url: `${base}/weather.csv` },
        sha256: createHash("sha256").update(body).digest("hex"),
      });
      expect(readFileSync(join(cwd, "data/weather.dvc"), "utf8")).toContain(`url: ${base}/weather.csv`);

      rmSync(join(cwd, ".mlops/cache"), { recursive: true });
      rmSync(join(cwd, "data/weather.csv"));
      const pull = await runCli(["data", "pull", "--json"], { cwd });
      expect(pull.code, pull.stderr).toBe(0);
      expect(pull.json()).toMatchObject({ fromSource: ["weather"] });
      expect(readFileSync(join(cwd, "data/weather.csv"), "utf8")).toBe(body);

      body = "city,temp\nOslo,5\n";
      rmSync(join(cwd, ".mlops/cache"), { recursive: true });
      rmSync(join(cwd, "data/weather.csv"));
      const refused = await runCli(["data", "pull"], { cwd });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("data/weather.dvc");
      expect(refused.stderr).toMatch(/no longer matches/);
      expect(existsSync(join(cwd, "data/weather.csv"))).toBe(false);

      const missing = await runCli(["data", "import", `${base}/nope.csv`], { cwd });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/HTTP 404/);
      expect(existsSync(join(cwd, "data/nope.csv"))).toBe(false);
    } finally {
      repo.cleanup();
    }
  });
});
