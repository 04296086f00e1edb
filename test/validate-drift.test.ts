import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chi2TwoSample,
  driftExact,
  dropTable,
  ks2,
  ksAgainstSketch,
  ksStatistic,
  loadTable,
  profileTable,
  psi,
} from "../src/validate/index.js";
import { repoRoot, runCli } from "./support/cli.js";
import { tempDir } from "./support/repo.js";

const data = join(repoRoot, "node_modules/vega-datasets/data");
type Car = Record<string, unknown>;
const cars = (): Car[] => JSON.parse(readFileSync(join(data, "cars.json"), "utf8"));

/** A deterministic shuffle (mulberry32), so each seed is the same split on every machine. */
function shuffled<T>(rows: T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...rows];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe("mlops validate on the cars data", () => {
  beforeAll(() => {
    // A fresh clone has the manifest, not the bytes: fetch them the way a user would.
    const pulled = runCli(["data", "pull", "cars"], { cwd: repoRoot });
    expect(pulled.code, pulled.stderr).toBe(0);
  });

  it("reports the cars without mpg, with their row numbers, as dropped by the schema", () => {
    const result = runCli(["validate", "cars", "--json"], { cwd: repoRoot });
    expect(result.code, result.stderr).toBe(0);
    const report = result.json() as {
      ok: boolean;
      dropped_rows: number;
      findings: { check: string; count: number; rows: number[]; line: number }[];
    };
    expect(report.ok).toBe(true);
    expect(report.dropped_rows).toBe(8);
    const nulls = report.findings.find((f) => f.check === "nullable");
    const expectedRows = cars()
      .map((c, i) => (c.Miles_per_Gallon === null ? i + 1 : 0))
      .filter(Boolean)
      .slice(0, 5);
    expect(nulls?.rows).toEqual(expectedRows);
    expect(nulls?.line).toBe(12);
  });

  it("fails when the schema says missing mpg is an error", () => {
    const work = tempDir();
    try {
      const schema = readFileSync(join(repoRoot, "data/cars.schema.yaml"), "utf8").replace(
        /^ *on_null: drop.*\n/m,
        "",
      );
      writeFileSync(join(work.dir, "cars.schema.yaml"), schema);
      const result = runCli(
        ["validate", join(repoRoot, "data/cars.json"), "--schema", join(work.dir, "cars.schema.yaml")],
        {
          cwd: repoRoot,
        },
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        /error .*cars\.schema\.yaml:11: 8 rows have no 'Miles_per_Gallon' \(rows 11, 12, 13, 14, 15, …\)/,
      );
    } finally {
      work.cleanup();
    }
  });
});

describe("Arrow IPC files", () => {
  it("are validated like any table: a schema drafted from one validates it", () => {
    const work = tempDir();
    try {
      const arrow = join(data, "flights-200k.arrow");
      const drafted = runCli(["schema", "infer", arrow, "--out", join(work.dir, "flights.schema.yaml")], {
        cwd: work.dir,
      });
      expect(drafted.code, drafted.stderr).toBe(0);
      expect(readFileSync(join(work.dir, "flights.schema.yaml"), "utf8")).toContain("format: arrow");
      const result = runCli(
        ["validate", arrow, "--schema", join(work.dir, "flights.schema.yaml"), "--json"],
        { cwd: work.dir },
      );
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.json()).toMatchObject({ ok: true, rows: 200000 });
    } finally {
      work.cleanup();
    }
  });
});

describe("mlops drift on the cars data", () => {
  let work: { dir: string; cleanup: () => void };
  beforeAll(() => {
    work = tempDir();
    const rows = cars().filter((c) => c.Miles_per_Gallon !== null);
    const year = (c: Car) => Number(String(c.Year).slice(0, 4));
    writeFileSync(join(work.dir, "past.json"), JSON.stringify(rows.filter((c) => year(c) <= 1979)));
    writeFileSync(join(work.dir, "future.json"), JSON.stringify(rows.filter((c) => year(c) >= 1980)));
    writeFileSync(join(work.dir, "all.json"), JSON.stringify(rows));
  });
  afterAll(() => work.cleanup());

  it("flags 1980–82 against the years up to 1979 on weight, displacement and mpg", () => {
    const schema = join(repoRoot, "data/cars.schema.yaml");
    const result = runCli(["drift", "past.json", "future.json", "--schema", schema, "--json"], {
      cwd: work.dir,
    });
    expect(result.code, result.stderr).toBe(0);
    const report = result.json() as {
      drifted: boolean;
      drifted_columns: string[];
      columns: { column: string }[];
    };
    expect(report.drifted).toBe(true);
    expect(report.drifted_columns).toEqual(
      expect.arrayContaining(["Weight_in_lbs", "Displacement", "Miles_per_Gallon"]),
    );
    // Roles keep ids and time stamps out of the test.
    expect(report.columns.map((c) => c.column)).not.toContain("Name");
    expect(report.columns.map((c) => c.column)).not.toContain("Year");
  });

  it("flags random halves of the same rows for at most 1 seed in 20", () => {
    const rows = cars().filter((c) => c.Miles_per_Gallon !== null);
    const schema = join(repoRoot, "data/cars.schema.yaml");
    let flagged = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const s = shuffled(rows, seed);
      // A hundred rows split in two: small samples, where a bare PSI threshold would alarm.
      writeFileSync(join(work.dir, "a.json"), JSON.stringify(s.slice(0, 50)));
      writeFileSync(join(work.dir, "b.json"), JSON.stringify(s.slice(50, 100)));
      const result = runCli(["drift", "a.json", "b.json", "--schema", schema, "--json"], { cwd: work.dir });
      expect(result.code, result.stderr).toBe(0);
      if ((result.json() as { drifted: boolean }).drifted) flagged++;
    }
    expect(flagged).toBeLessThanOrEqual(1);
  });

  it("flags the same columns as Evidently when one column is shifted on purpose", () => {
    const rows = cars().filter((c) => c.Miles_per_Gallon !== null);
    writeFileSync(join(work.dir, "ref.json"), JSON.stringify(rows.filter((_, i) => i % 2 === 0)));
    writeFileSync(
      join(work.dir, "cur.json"),
      JSON.stringify(
        rows
          .filter((_, i) => i % 2 === 1)
          .map((c) => ({ ...c, Weight_in_lbs: (c.Weight_in_lbs as number) + 600 })),
      ),
    );
    const columns = "Miles_per_Gallon,Cylinders,Displacement,Horsepower,Weight_in_lbs,Acceleration,Origin";
    const evidently = spawnSync(
      "sh",
      [
        join(repoRoot, "scripts/python/venv-run.sh"),
        join(repoRoot, "scripts/compare/requirements-evidently.txt"),
        "python",
        join(repoRoot, "scripts/compare/evidently-drift.py"),
        ...["ref.json", "cur.json", "--columns", columns, "--categorical", "Origin"],
      ],
      { cwd: work.dir, encoding: "utf8" },
    );
    expect(evidently.status, evidently.stderr).toBe(0);
    const theirs = JSON.parse(evidently.stdout) as { drifted_columns: string[] };
    const ours = runCli(
      ["drift", "ref.json", "cur.json", "--schema", join(repoRoot, "data/cars.schema.yaml"), "--json"],
      {
        cwd: work.dir,
      },
    );
    expect(ours.code, ours.stderr).toBe(0);
    const report = ours.json() as { drifted_columns: string[] };
    expect(report.drifted_columns).toEqual(["Weight_in_lbs"]);
    expect(report.drifted_columns).toEqual(theirs.drifted_columns);
  }, 600_000);

  it("gives the same exact report from lean profiles as from full ones, 1980–82 and random halves alike", async () => {
    const rows = cars();
    writeFileSync(join(work.dir, "half-a.json"), JSON.stringify(shuffled(rows, 7).slice(0, 200)));
    writeFileSync(join(work.dir, "half-b.json"), JSON.stringify(shuffled(rows, 7).slice(200)));
    for (const [a, b] of [
      ["past.json", "future.json"],
      ["half-a.json", "half-b.json"],
    ] as const) {
      const ref = await loadTable(join(work.dir, a));
      const cur = await loadTable(join(work.dir, b));
      try {
        const fullRef = await profileTable(ref);
        const full = await driftExact(ref, cur, fullRef, await profileTable(cur, { reference: fullRef }));
        const leanRef = await profileTable(ref, { depth: "lean" });
        const leanCur = await profileTable(cur, { reference: leanRef, depth: "lean" });
        const lean = await driftExact(ref, cur, leanRef, leanCur);
        // Every column of the cars is tested (Horsepower has nulls, Origin and Name are categories).
        expect(lean.columns.map((c) => c.column).sort()).toEqual(Object.keys(fullRef.columns).sort());
        expect(lean).toEqual(full);
        for (const [name, p] of Object.entries(leanCur.columns)) {
          const f = (await profileTable(cur, { reference: fullRef })).columns[name];
          if (p.kind === "numeric" && f?.kind === "numeric") expect(p.histogram).toEqual(f.histogram);
          expect(p.count).toBe(f?.count);
        }
      } finally {
        await dropTable(ref);
        await dropTable(cur);
      }
    }
  });

  it("from a saved profile, KS stays within the sketch's stated error (1/Q) of the exact statistic", async () => {
    const past = await loadTable(join(work.dir, "past.json"));
    const future = await loadTable(join(work.dir, "future.json"));
    try {
      const reference = await profileTable(past);
      const current = await profileTable(future, { reference });
      const raw = (file: string) => JSON.parse(readFileSync(join(work.dir, file), "utf8")) as Car[];
      for (const column of [
        "Miles_per_Gallon",
        "Weight_in_lbs",
        "Displacement",
        "Acceleration",
        "Horsepower",
      ]) {
        const values = (rows: Car[]) =>
          rows.map((r) => r[column]).filter((v): v is number => typeof v === "number");
        const exact = ksStatistic(values(raw("past.json")), values(raw("future.json")));
        const r = reference.columns[column];
        const c = current.columns[column];
        if (r?.kind !== "numeric" || c?.kind !== "numeric") throw new Error(`${column} is not numeric`);
        // Reference as its saved sketch, current as data: the stated error is 1/Q = 0.001.
        const against = ksAgainstSketch(r, c);
        expect(against.maxError).toBeLessThan(1 / 1000 + 1e-12);
        expect(Math.abs(against.statistic - exact)).toBeLessThan(against.maxError);
        // Two sketches against each other: within 2/Q.
        const own = (await profileTable(future, { columns: [column] })).columns[column];
        if (own?.kind !== "numeric") throw new Error(`${column} is not numeric`);
        expect(Math.abs(ksStatistic(r.sketch, own.sketch) - exact)).toBeLessThan(2 / 1000);
      }
    } finally {
      await dropTable(past);
      await dropTable(future);
    }
  });
});

describe("drift from a saved profile on continuous data", () => {
  it("keeps KS within its reported error bound when every sketch point is distinct", async () => {
    const work = tempDir();
    try {
      let state = 12345;
      const next = () => {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        return state / 2 ** 32;
      };
      const rows = (n: number, shift: number) =>
        Array.from({ length: n }, () => ({ x: next() + shift, y: next() * next() }));
      writeFileSync(join(work.dir, "ref.json"), JSON.stringify(rows(20000, 0)));
      writeFileSync(join(work.dir, "cur.json"), JSON.stringify(rows(15000, 0.03)));
      const ref = await loadTable(join(work.dir, "ref.json"));
      const cur = await loadTable(join(work.dir, "cur.json"));
      try {
        const reference = await profileTable(ref);
        const current = await profileTable(cur, { reference });
        const raw = (file: string) =>
          JSON.parse(readFileSync(join(work.dir, file), "utf8")) as { x: number; y: number }[];
        for (const column of ["x", "y"] as const) {
          const r = reference.columns[column];
          const c = current.columns[column];
          if (r?.kind !== "numeric" || c?.kind !== "numeric") throw new Error("not numeric");
          expect(new Set(r.sketch).size).toBe(1000);
          const exact = ksStatistic(
            raw("ref.json").map((v) => v[column]),
            raw("cur.json").map((v) => v[column]),
          );
          const against = ksAgainstSketch(r, c);
          // 1/Q plus the widest share of current rows between two counted points.
          expect(against.maxError).toBeLessThan(0.01);
          expect(Math.abs(against.statistic - exact)).toBeLessThanOrEqual(against.maxError);
        }
      } finally {
        await dropTable(ref);
        await dropTable(cur);
      }
    } finally {
      work.cleanup();
    }
  });
});

describe("drift statistics", () => {
  it("PSI equals a plain implementation of its definition", () => {
    const ref = [120, 80, 40, 10, 0];
    const cur = [100, 90, 30, 25, 5];
    // Σ (q − p) ln(q / p) with shares floored at 1e-4, written out term by term.
    const p = ref.map((r) => Math.max(r / 250, 1e-4));
    const q = cur.map((c) => Math.max(c / 250, 1e-4));
    let expected = 0;
    for (let i = 0; i < p.length; i++)
      expected += ((q[i] as number) - (p[i] as number)) * Math.log((q[i] as number) / (p[i] as number));
    expect(psi(ref, cur)).toBeCloseTo(expected, 12);
    expect(psi(ref, ref)).toBe(0);
  });

  it("KS and chi-square equal scipy's ks_2samp and chi2_contingency", () => {
    const rows = cars();
    const flights = JSON.parse(
      readFileSync(join(repoRoot, "node_modules/vega-datasets/data/flights-20k.json"), "utf8"),
    ) as Record<string, number>[];
    /** A column of rows [from, to), or every other row of them (parity 0 or 1). */
    const flight = (name: string, from: number, to: number, parity?: number) =>
      flights
        .slice(from, to)
        .filter((_, i) => parity === undefined || i % 2 === parity)
        .map((r) => r[name] as number);
    const col = (name: string, from: number, to: number) =>
      rows
        .slice(from, to)
        .map((r) => r[name])
        .filter((v): v is number => typeof v === "number");
    const ksCases: [number[], number[]][] = [
      [col("Weight_in_lbs", 0, 200), col("Weight_in_lbs", 200, 406)],
      [col("Miles_per_Gallon", 0, 300), col("Miles_per_Gallon", 300, 406)],
      [col("Acceleration", 0, 37), col("Acceleration", 37, 80)],
      [col("Cylinders", 0, 150), col("Cylinders", 150, 406)],
      [col("Horsepower", 10, 13), col("Horsepower", 100, 104)],
      // Above 10,000 rows per side scipy leaves the exact test for kstwo at the effective size:
      // real flight delays, early versus late rows of 2001, and random halves of the same rows.
      [flight("delay", 0, 11_000), flight("delay", 11_000, 20_000)],
      [flight("distance", 0, 15_000), flight("distance", 15_000, 20_000)],
      [flight("delay", 0, 20_000, 0), flight("delay", 0, 20_000, 1)],
      [flight("distance", 0, 10_001), flight("distance", 10_001, 20_000)],
    ];
    const chiCases: [number[], number[]][] = [
      [
        [254, 73, 79],
        [60, 20, 30],
      ],
      [
        [50, 5],
        [40, 15],
      ],
      [
        [100, 0, 3, 7],
        [90, 4, 0, 9],
      ],
    ];
    const input = JSON.stringify([...ksCases.map((c) => ({ ks: c })), ...chiCases.map((c) => ({ chi2: c }))]);
    const py = spawnSync(
      "sh",
      [
        join(repoRoot, "scripts/python/venv-run.sh"),
        join(repoRoot, "scripts/compare/requirements.txt"),
        "python",
        join(repoRoot, "scripts/compare/scipy-stats.py"),
      ],
      { input, encoding: "utf8", cwd: repoRoot },
    );
    expect(py.status, py.stderr).toBe(0);
    const reference = JSON.parse(py.stdout) as { statistic: number; pvalue: number }[];
    ksCases.forEach(([a, b], i) => {
      const ours = ks2(a, b);
      if (Math.max(a.length, b.length) > 10_000) expect(ours.method).toBe("asymptotic");
      expect(Math.abs(ours.statistic - (reference[i]?.statistic as number))).toBeLessThan(1e-6);
      expect(Math.abs(ours.pvalue - (reference[i]?.pvalue as number))).toBeLessThan(1e-6);
    });
    chiCases.forEach(([r, c], i) => {
      const ours = chi2TwoSample(r, c);
      const theirs = reference[ksCases.length + i];
      expect(Math.abs(ours.statistic - (theirs?.statistic as number))).toBeLessThan(1e-6);
      expect(Math.abs(ours.pvalue - (theirs?.pvalue as number))).toBeLessThan(1e-6);
    });
  }, 300_000);
});
