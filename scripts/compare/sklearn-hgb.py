"""Train scikit-learn's HistGradientBoosting side by side with mlops's GBDT, on the same rows and
the same features, and print one JSON object. Only `fit` is timed.

usage: sh scripts/python/venv-run.sh scripts/compare/requirements.txt python scripts/compare/sklearn-hgb.py
           --train TRAIN.json --test TEST.json --target COL --numeric a,b --categorical c
           [--task regression|classification] [--trees 100 --max-depth 6 --max-bins 255
           --learning-rate 0.1 --min-samples-leaf 20 --l2 0 --seed 0] [--impute-median]
           [--reps 1] [--threads N]

Numbers keep null as NaN, which HistGradientBoosting routes natively; --impute-median fills them with
the training medians instead, as mlops's trainer does. Categories are one-hot encoded against the
sorted non-null training values, and a null or unseen value is all zeros, as in mlops's trainer.
"""

import argparse
import json
import os
import sys
import time


def main():
    parser = argparse.ArgumentParser(description="scikit-learn HistGradientBoosting, side by side")
    parser.add_argument("--train", required=True)
    parser.add_argument("--test", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--numeric", default="")
    parser.add_argument("--categorical", default="")
    parser.add_argument("--task", choices=["regression", "classification"], default="regression")
    parser.add_argument("--trees", type=int, default=100)
    parser.add_argument("--max-depth", type=int, default=6)
    parser.add_argument("--max-bins", type=int, default=255)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    parser.add_argument("--min-samples-leaf", type=int, default=20)
    parser.add_argument("--l2", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--impute-median", action="store_true")
    parser.add_argument("--reps", type=int, default=1)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()

    if args.threads > 0:
        # OpenMP reads this when it loads, which importing scikit-learn does: so set it first.
        os.environ["OMP_NUM_THREADS"] = str(args.threads)

    import numpy as np
    import pandas as pd
    import sklearn
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
    from sklearn.preprocessing import OneHotEncoder
    from threadpoolctl import threadpool_info

    numeric = [c for c in args.numeric.split(",") if c]
    categorical = [c for c in args.categorical.split(",") if c]

    def read(path):
        with open(path, encoding="utf-8") as f:
            frame = pd.DataFrame(json.load(f))
        return frame[frame[args.target].notna()]

    train, test = read(args.train), read(args.test)

    # The median of the float64 values, rounded once to float32: what mlops's trainer fills with.
    medians = {c: np.float32(np.median(train[c].dropna().to_numpy(dtype="float64"))) for c in numeric}
    categories = [sorted(str(v) for v in train[c].dropna().unique()) for c in categorical]
    # A value no training category equals, so handle_unknown="ignore" turns a null into all zeros.
    null = "\0null"
    encoder = OneHotEncoder(categories=categories, handle_unknown="ignore", sparse_output=False, dtype=np.float32)

    def strings(frame):
        return frame[categorical].astype(object).where(frame[categorical].notna(), null).astype(str).to_numpy()

    def features(frame):
        numbers = frame[numeric].to_numpy(dtype="float64").astype("float32")
        if args.impute_median:
            for j, c in enumerate(numeric):
                numbers[np.isnan(numbers[:, j]), j] = medians[c]
        if not categorical:
            return numbers
        return np.concatenate([numbers, encoder.transform(strings(frame))], axis=1)

    if categorical:
        encoder.fit(strings(train))
    x_train, x_test = features(train), features(test)
    if args.task == "regression":
        y_train, y_test = train[args.target].to_numpy(dtype="float64"), test[args.target].to_numpy(dtype="float64")
    else:
        y_train, y_test = train[args.target].astype(str).to_numpy(), test[args.target].astype(str).to_numpy()

    settings = dict(
        max_iter=args.trees,
        max_depth=args.max_depth,
        max_leaf_nodes=None,
        max_bins=min(args.max_bins, 255),
        learning_rate=args.learning_rate,
        min_samples_leaf=args.min_samples_leaf,
        l2_regularization=args.l2,
        early_stopping=False,
        random_state=args.seed,
    )
    Model = HistGradientBoostingRegressor if args.task == "regression" else HistGradientBoostingClassifier
    best = float("inf")
    for _ in range(max(1, args.reps)):
        model = Model(**settings)
        started = time.perf_counter()
        model.fit(x_train, y_train)
        best = min(best, time.perf_counter() - started)

    predicted = model.predict(x_test)
    openmp = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "openmp"]
    result = {
        "fit_seconds": best,
        "train_rows": int(len(x_train)),
        "test_rows": int(len(x_test)),
        "features": int(x_train.shape[1]),
        "sklearn_version": sklearn.__version__,
        "threads": openmp[0] if openmp else os.cpu_count(),
    }
    if args.task == "regression":
        result["test_rmse"] = float(np.sqrt(np.mean((predicted - y_test) ** 2)))
    else:
        result["test_accuracy"] = float(np.mean(predicted == y_test))
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
