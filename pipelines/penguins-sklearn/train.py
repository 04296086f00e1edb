"""Train the penguin species classifier the way most ML teams do, with scikit-learn, and export it
to ONNX with skl2onnx so mlops evaluates, reports and serves it like any other model.

usage: python train.py --train TRAIN.json --test TEST.json --params params.yaml \
                       --out model.onnx --predictions sklearn-predictions.json
"""

import argparse
import json
import os
import sys

import numpy as np
import onnx
import pandas as pd
import yaml
from skl2onnx import to_onnx
from skl2onnx.common.data_types import FloatTensorType, StringTensorType
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

# ONNX string inputs cannot be null: a missing category is sent as this string, which the model
# learnt as a category of its own. Recorded in the model's metadata for the evaluator.
MISSING = "missing"


def load(path, numeric, categorical, target):
    """Rows as the ONNX model will receive them: float32 numbers with NaN for null, and strings
    with MISSING for null (an ONNX string tensor has no null)."""
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)
    frame = pd.DataFrame(rows)
    for column in numeric:
        frame[column] = frame[column].astype("float32")
    for column in categorical:
        frame[column] = frame[column].where(frame[column].notna(), MISSING).astype(str)
    return frame[numeric + categorical], frame[target].astype(str)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", required=True)
    parser.add_argument("--test", required=True)
    parser.add_argument("--params", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--predictions", required=True)
    args = parser.parse_args()

    with open(args.params, encoding="utf-8") as f:
        params = yaml.safe_load(f)["train"]
    numeric = params["features"]["numeric"]
    categorical = params["features"]["categorical"]
    target = params["target"]

    x_train, y_train = load(args.train, numeric, categorical, target)
    x_test, y_test = load(args.test, numeric, categorical, target)

    model = Pipeline(
        [
            (
                "preprocess",
                ColumnTransformer(
                    [
                        (
                            "numeric",
                            Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]),
                            numeric,
                        ),
                        (
                            "categorical",
                            # Nulls already arrive as MISSING; the imputer also maps an empty
                            # string (a null in CSV-born data) to MISSING, in sklearn and in ONNX.
                            Pipeline(
                                [
                                    ("impute", SimpleImputer(missing_values="", strategy="constant", fill_value=MISSING)),
                                    ("encode", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
                                ]
                            ),
                            categorical,
                        ),
                    ]
                ),
            ),
            (
                "classify",
                LogisticRegression(C=params["C"], max_iter=params["max_iter"], random_state=params["seed"]),
            ),
        ]
    )
    model.fit(x_train, y_train)

    inputs = [(c, FloatTensorType([None, 1])) for c in numeric] + [(c, StringTensorType([None, 1])) for c in categorical]
    exported = to_onnx(
        model,
        initial_types=inputs,
        options={id(model.named_steps["classify"]): {"zipmap": False}},
        # The newest opsets that onnxruntime-node 1.30 runs and skl2onnx 1.20 writes.
        target_opset={"": 21, "ai.onnx.ml": 3},
    )
    classes = [str(c) for c in model.classes_]
    for key, value in {
        "mlops.task": "classification",
        "mlops.target": target,
        "mlops.classes": json.dumps(classes),
        "mlops.null_string": MISSING,
        "mlops.features": json.dumps({"numeric": numeric, "categorical": categorical}),
        "mlops.model": "sklearn-logistic",
    }.items():
        entry = exported.metadata_props.add()
        entry.key = key
        entry.value = value
    exported.producer_name = "skl2onnx"
    # skl2onnx collects opset imports in a set, whose order follows Python's per-process string
    # hashing; sorted, the same model always serialises to the same bytes.
    opsets = sorted((o.domain, o.version) for o in exported.opset_import)
    del exported.opset_import[:]
    for domain, version in opsets:
        exported.opset_import.add(domain=domain, version=version)
    onnx.checker.check_model(exported)

    temp = f"{args.out}.tmp{os.getpid()}"
    with open(temp, "wb") as f:
        f.write(exported.SerializeToString(deterministic=True))
    os.replace(temp, args.out)

    # As float32, the precision of the ONNX model's outputs these are compared with: the last bits
    # of float64 probabilities vary with the CPU's BLAS kernels, and the file must be the same on
    # every machine for the lock to hold.
    probabilities = model.predict_proba(x_test).astype(np.float32)
    labels = model.predict(x_test)
    temp = f"{args.predictions}.tmp{os.getpid()}"
    with open(temp, "w", encoding="utf-8") as f:
        json.dump(
            {
                "classes": classes,
                "labels": [str(label) for label in labels],
                "probabilities": [[float(p) for p in row] for row in probabilities],
            },
            f,
        )
    os.replace(temp, args.predictions)

    accuracy = float(np.mean(labels == y_test.to_numpy()))
    print(f"trained on {len(x_train)} rows; test accuracy {accuracy:.4f} on {len(x_test)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
