"""Train scikit-learn's HistGradientBoosting side by side with mlops's GBDT, on the same rows and
the same features (median-imputed numbers, one-hot categories), and print one JSON object.

usage: python sklearn-hgb.py --train TRAIN.json --test TEST.json --target COL
           --numeric a,b --categorical c [--task regression|classification]
           [--trees 100 --max-depth 6 --max-bins 255 --learning-rate 0.1 --min-samples-leaf 20 --l2 0]
           [--reps 1] [--threads N]
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
    parser.add_argument("--reps", type=int, default=1)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()

    if args.threads > 0:
        # OpenMP reads this when the library loads, so it is set before the import.
        os.environ["OMP_NUM_THREADS"] = str(args.threads)

    import numpy as np
    import pandas as pd
    import sklearn
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor

    numeric = [c for c in args.numeric.split(",") if c]
    categorical = [c for c in args.categorical.split(",") if c]

    def frame(path):
        with open(path, encoding="utf-8") as f:
            return pd.DataFrame(json.load(f))

    train, test = frame(args.train), frame(args.test)
    train = train[train[args.target].notna()]
    test = test[test[args.target].notna()]

    medians = {c: float(np.median(train[c].dropna().astype("float32"))) for c in numeric}
    categories = {c: sorted(str(v) for v in train[c].dropna().unique()) for c in categorical}

    def features(df):
        parts = [df[c].astype("float32").fillna(np.float32(medians[c])).to_numpy(dtype="float32")[:, None] for c in numeric]
        for c in categorical:
            values = df[c].astype(object).where(df[c].notna(), None).to_numpy()
            parts.append(np.stack([(values == v).astype("float32") for v in categories[c]], axis=1))
        return np.concatenate(parts, axis=1)

    x_train, x_test = features(train), features(test)
    y_train, y_test = train[args.target].to_numpy(), test[args.target].to_numpy()
    common = dict(
        max_iter=args.trees,
        max_depth=args.max_depth,
        max_leaf_nodes=None,
        max_bins=min(args.max_bins, 255),
        learning_rate=args.learning_rate,
        min_samples_leaf=args.min_samples_leaf,
        l2_regularization=args.l2,
        early_stopping=False,
        random_state=0,
    )
    best = float("inf")
    for _ in range(max(1, args.reps)):
        model = (
            HistGradientBoostingRegressor(**common)
            if args.task == "regression"
            else HistGradientBoostingClassifier(**common)
        )
        started = time.perf_counter()
        model.fit(x_train, y_train)
        best = min(best, time.perf_counter() - started)

    predicted = model.predict(x_test)
    result = {
        "fit_seconds": best,
        "train_rows": int(len(x_train)),
        "test_rows": int(len(x_test)),
        "features": int(x_train.shape[1]),
        "sklearn_version": sklearn.__version__,
        "threads": args.threads or os.cpu_count(),
    }
    if args.task == "regression":
        result["test_rmse"] = float(np.sqrt(np.mean((predicted - y_test.astype(float)) ** 2)))
    else:
        result["test_accuracy"] = float(np.mean(predicted.astype(str) == y_test.astype(str)))
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
