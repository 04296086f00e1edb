"""Train LightGBM on the same rows and settings as mlops's GBDT and scikit-learn's HistGradientBoosting
(scripts/bench/pipeline-benches.mjs, benchmark gbdt-train), and print one JSON object.

usage: sh scripts/python/venv-run.sh scripts/compare/requirements-lightgbm.txt python scripts/compare/lightgbm-fit.py
           --train TRAIN.json --test TEST.json --target COL --numeric a,b
           [--trees 100 --max-depth 6 --max-bins 255 --learning-rate 0.1 --min-samples-leaf 20]
           [--reps 1] [--threads 2]

Timed, best of --reps: building the binned Dataset and training (scikit-learn's `fit` bins too).
Trees are grown leaf-wise up to 2**depth leaves and the depth limit, with no L2 term and no row or
feature sampling, as the other two do.
"""

import argparse
import json
import math
import sys
import time


def main():
    parser = argparse.ArgumentParser(description="LightGBM, side by side with mlops's GBDT")
    parser.add_argument("--train", required=True)
    parser.add_argument("--test", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--numeric", required=True)
    parser.add_argument("--trees", type=int, default=100)
    parser.add_argument("--max-depth", type=int, default=6)
    parser.add_argument("--max-bins", type=int, default=255)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    parser.add_argument("--min-samples-leaf", type=int, default=20)
    parser.add_argument("--reps", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    import lightgbm
    import numpy as np

    numeric = [c for c in args.numeric.split(",") if c]

    def read(path):
        with open(path, encoding="utf-8") as f:
            rows = [r for r in json.load(f) if r.get(args.target) is not None]
        x = np.array([[math.nan if r.get(c) is None else float(r[c]) for c in numeric] for r in rows], dtype=np.float32)
        y = np.array([float(r[args.target]) for r in rows], dtype=np.float64)
        return x, y

    x_train, y_train = read(args.train)
    x_test, y_test = read(args.test)
    params = {
        "objective": "regression",
        "num_leaves": 2**args.max_depth,
        "max_depth": args.max_depth,
        "max_bin": args.max_bins,
        "learning_rate": args.learning_rate,
        "min_data_in_leaf": args.min_samples_leaf,
        "min_sum_hessian_in_leaf": 0.0,
        "lambda_l2": 0.0,
        "num_threads": args.threads,
        "deterministic": True,
        "force_row_wise": True,
        "seed": 0,
        "verbosity": -1,
    }
    best = float("inf")
    model = None
    for _ in range(max(1, args.reps)):
        started = time.perf_counter()
        data = lightgbm.Dataset(x_train, label=y_train, params={"max_bin": args.max_bins, "verbosity": -1})
        model = lightgbm.train(params, data, num_boost_round=args.trees)
        best = min(best, time.perf_counter() - started)

    predicted = model.predict(x_test, num_threads=args.threads)
    json.dump(
        {
            "fit_seconds": best,
            "test_rmse": float(np.sqrt(np.mean((predicted - y_test) ** 2))),
            "train_rows": int(len(x_train)),
            "features": int(x_train.shape[1]),
            "lightgbm_version": lightgbm.__version__,
            "threads": args.threads,
        },
        sys.stdout,
    )
    print()


if __name__ == "__main__":
    main()
