"""Evidently's data-drift report on the same rows and columns as `mlops drift`, side by side.

usage: python evidently-drift.py REFERENCE CURRENT [--columns a,b,c] [--categorical c,d] [--reps N]
Reads JSON (array or lines), CSV or Parquet; prints one JSON object: the columns Evidently calls
drifted, its per-column test and score, the time of `Report.run` alone ("seconds", best of --reps)
and of reading both files into pandas, making the datasets and running the report
("seconds_with_read", best of --reps; the interpreter's start and the imports are not counted).
"""

import argparse
import json
import sys
import time

import evidently
import pandas as pd
from evidently import DataDefinition, Dataset, Report
from evidently.presets import DataDriftPreset


def read(path):
    if path.endswith(".parquet"):
        return pd.read_parquet(path)
    if path.endswith(".csv"):
        return pd.read_csv(path)
    if path.endswith((".jsonl", ".ndjson")):
        return pd.read_json(path, lines=True)
    return pd.read_json(path)


def main():
    parser = argparse.ArgumentParser(description="Evidently data drift, side by side with mlops drift")
    parser.add_argument("reference")
    parser.add_argument("current")
    parser.add_argument("--columns", default="")
    parser.add_argument("--categorical", default="")
    parser.add_argument("--reps", type=int, default=1)
    args = parser.parse_args()

    categorical = [c for c in args.categorical.split(",") if c]

    def load():
        reference, current = read(args.reference), read(args.current)
        columns = [c for c in args.columns.split(",") if c] or [c for c in reference.columns if c in current.columns]
        numerical = [c for c in columns if c not in categorical]
        definition = DataDefinition(
            numerical_columns=numerical, categorical_columns=[c for c in categorical if c in columns]
        )
        ref = Dataset.from_pandas(reference[columns], data_definition=definition)
        cur = Dataset.from_pandas(current[columns], data_definition=definition)
        return reference, current, ref, cur

    best = float("inf")
    best_with_read = float("inf")
    for _ in range(max(1, args.reps)):
        started = time.perf_counter()
        reference, current, ref, cur = load()
        run_started = time.perf_counter()
        snapshot = Report([DataDriftPreset()]).run(current_data=cur, reference_data=ref)
        ended = time.perf_counter()
        best = min(best, ended - run_started)
        best_with_read = min(best_with_read, ended - started)

    per_column = {}
    for metric in snapshot.dict()["metrics"]:
        config = metric["config"]
        if not config["type"].endswith("ValueDrift"):
            continue
        method, threshold, score = config["method"], config["threshold"], metric["value"]
        # p-value tests drift below the threshold; distances (Wasserstein, Jensen-Shannon…) above it.
        drifted = score < threshold if "p_value" in method else score >= threshold
        per_column[config["column"]] = {"method": method, "threshold": threshold, "score": score, "drifted": bool(drifted)}
    json.dump(
        {
            "seconds": best,
            "seconds_with_read": best_with_read,
            "evidently_version": evidently.__version__,
            "pandas_version": pd.__version__,
            "drifted_columns": sorted(c for c, r in per_column.items() if r["drifted"]),
            "columns": per_column,
            "reference_rows": len(reference),
            "current_rows": len(current),
        },
        sys.stdout,
    )
    print()


if __name__ == "__main__":
    main()
