// Validation and drift benchmarks, each side by side with its baseline in the same run:
//   validate-parquet  `mlops validate --profile` (every schema check + a full profile) on flights-3m.parquet
//                     vs DuckDB's SUMMARIZE of the same file
//   validate-csv      the same on the same 3M rows as CSV
//   drift-100x1m      `mlops drift` of 100 columns × 1M rows against a saved reference profile (limit 5 s)
//   drift-evidently   symmetric: `mlops drift ref.csv cur.csv` (the whole CLI run, both files read)
//                     vs Evidently reading both CSVs and running its data-drift report, 1.5M vs 1.5M
//                     flights, same columns; beside it, ours from the reference's saved profile
//                     against Evidently's Report.run alone (the figure the first round reported)
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

export const validateBenchNames = ["validate-parquet", "validate-csv", "drift-100x1m", "drift-evidently"];

const flightsSchema = (format) => `format: ${format}
columns:
  date: { type: timestamp, nullable: false, role: time }
  delay: { type: integer, nullable: false, min: -1200, max: 2000, role: target }
  distance: { type: integer, nullable: false, min: 10, max: 6000 }
  origin: { type: string, nullable: false, pattern: "[A-Z]{3}" }
  destination: { type: string, nullable: false, pattern: "[A-Z]{3}" }
row_count: { min: 1000 }
checks:
  - name: a flight goes somewhere else
    expr: origin <> destination
`;

export async function validateBenches(ctx) {
  const { root, selected, opts, work, record, recordResult, guard, versions, log, run, timed } = ctx;
  const wanted = selected.filter((n) => validateBenchNames.includes(n));
  if (wanted.length === 0) return;
  const mlops = join(root, "bin/mlops.js");
  const db = await DuckDBInstance.create(":memory:");
  const c = await db.connect();
  const parquet = join(work, "flights-3m.parquet");
  copyFileSync(join(root, "node_modules/vega-datasets/data/flights-3m.parquet"), parquet);
  const best = (fn) => Math.min(...Array.from({ length: opts.reps }, fn));
  versions.DuckDB = JSON.parse(
    readFileSync(join(root, "node_modules/@duckdb/node-api/package.json"), "utf8"),
  ).version;

  for (const [name, format] of [
    ["validate-parquet", "parquet"],
    ["validate-csv", "csv"],
  ]) {
    if (!wanted.includes(name)) continue;
    await guard([name], `validate + profile of 3M flights, ${format}`, async () => {
      const file = join(work, `flights-3m.${format}`);
      if (format === "csv") {
        log("writing flights-3m as CSV…");
        await c.run(`COPY (SELECT * FROM read_parquet('${parquet}')) TO '${file}' (HEADER)`);
      }
      writeFileSync(join(work, `flights-${format}.schema.yaml`), flightsSchema(format));
      log(`${name}: 3,000,000 rows…`);
      const ours = best(() => {
        const t = timed(
          "node",
          [
            mlops,
            "validate",
            file,
            "--schema",
            join(work, `flights-${format}.schema.yaml`),
            "--profile",
            join(work, "p.json"),
            "-q",
            "--json",
          ],
          work,
        );
        return t.seconds;
      });
      const theirs = best(
        () => timed("node", [join(root, "scripts/bench/duckdb-summarize.mjs"), file], work).seconds,
      );
      record(
        name,
        `validate (6 checks) + profile of 3M flights, ${format}`,
        ours,
        theirs,
        "DuckDB SUMMARIZE",
        theirs / ours,
        "≥ 0.5 × its speed",
        theirs / ours >= 0.5,
      );
    });
  }

  await guard(["drift-100x1m"], "drift of 100 columns × 1M rows", async () => {
    log("drift-100x1m: writing 2 × 1M rows × 100 columns…");
    const cols = (shift) =>
      Array.from(
        { length: 100 },
        (_, j) => `(hash(i * 101 + ${j}) % 1000000) / 1000000.0 + ${j % 10 === 0 ? shift : 0} AS c${j}`,
      ).join(", ");
    await c.run(`COPY (SELECT ${cols(0)} FROM range(1000000) r(i)) TO '${join(work, "ref100.parquet")}'`);
    await c.run(
      `COPY (SELECT ${cols(0.2)} FROM range(1000000, 2000000) r(i)) TO '${join(work, "cur100.parquet")}'`,
    );
    run("node", [mlops, "profile", "ref100.parquet", "-q"], work);
    let drifted = 0;
    const ours = best(() => {
      const t = timed("node", [mlops, "drift", "ref100.profile.json", "cur100.parquet", "--json"], work);
      drifted = JSON.parse(t.out).drifted_columns.length;
      return t.seconds;
    });
    record(
      "drift-100x1m",
      `drift of 100 columns × 1M rows from a saved profile (${drifted} of the 10 shifted columns flagged)`,
      ours,
      5,
      "limit",
      5 / ours,
      "≤ 5 s",
      ours <= 5 && drifted === 10,
    );
  });

  await guard(
    ["drift-evidently"],
    "drift of 4 columns, 1.5M vs 1.5M flights, against Evidently",
    async () => {
      log("drift-evidently: the 3M flights split in halves, 1.5M vs 1.5M…");
      const cols = "delay, distance, origin, destination";
      await c.run(
        `COPY (SELECT ${cols} FROM read_parquet('${parquet}') LIMIT 1500000) TO '${join(work, "ref.csv")}' (HEADER)`,
      );
      await c.run(
        `COPY (SELECT ${cols} FROM read_parquet('${parquet}') LIMIT 1500000 OFFSET 1500000) TO '${join(work, "cur.csv")}' (HEADER)`,
      );
      // The reference is profiled once, as a repository does when it records its training data.
      run("node", [mlops, "profile", "ref.csv", "-q"], work);
      let profileCols = [];
      const fromProfile = best(() => {
        const t = timed("node", [mlops, "drift", "ref.profile.json", "cur.csv", "--json"], work);
        profileCols = JSON.parse(t.out).drifted_columns;
        return t.seconds;
      });
      let ourCols = [];
      const symmetric = best(() => {
        const t = timed("node", [mlops, "drift", "ref.csv", "cur.csv", "--json"], work);
        ourCols = JSON.parse(t.out).drifted_columns;
        return t.seconds;
      });
      const ev = JSON.parse(
        run(
          "sh",
          [
            join(root, "scripts/python/venv-run.sh"),
            join(root, "scripts/compare/requirements-evidently.txt"),
            "python",
            join(root, "scripts/compare/evidently-drift.py"),
            "ref.csv",
            "cur.csv",
            "--categorical",
            "origin,destination",
            "--reps",
            String(opts.reps),
          ],
          work,
        ),
      );
      versions.Evidently = ev.evidently_version ?? "?";
      versions.pandas = ev.pandas_version ?? "?";
      const list = (cols) => cols.join(", ") || "none";
      const same = list([...ourCols].sort()) === list([...ev.drifted_columns].sort());
      recordResult({
        name: "drift-evidently",
        measure: `symmetric: both tools read both CSVs, 4 columns, 1.5M vs 1.5M flights; ours the whole CLI run, Evidently pandas.read_csv of both + Report.run in its process (imports untimed) (flagged: ours ${list(ourCols)}; Evidently ${list(ev.drifted_columns)}${same ? "" : ": DIFFERENT"})`,
        ours: symmetric,
        baseline: ev.seconds_with_read,
        baselineName: "Evidently read + data-drift report",
        ratio: ev.seconds_with_read / symmetric,
        target: "≥ 10 × faster, same columns flagged",
        pass: ev.seconds_with_read / symmetric >= 10 && same,
      });
      recordResult({
        name: "drift-evidently",
        measure: `profile-based: ours against the reference's saved profile (made beforehand, untimed; the whole CLI run, reading the current CSV) vs Evidently's Report.run alone on data already in pandas (flagged: ours ${list(profileCols)})`,
        ours: fromProfile,
        baseline: ev.seconds,
        baselineName: "Evidently Report.run only",
        ratio: ev.seconds / fromProfile,
        target: "–",
        pass: null,
      });
    },
  );
}
