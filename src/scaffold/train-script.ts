/**
 * The scikit-learn train script of `mlops new pipeline --trainer python`: median-imputed, scaled
 * numbers and one-hot categories into a ridge regression or a logistic regression, exported with
 * skl2onnx in the shape mlops's evaluator and server read (no ZipMap, tensors only, mlops.* metadata).
 */
export const pythonTrainScript = `"""Train the model with scikit-learn and export it to ONNX with skl2onnx, so mlops evaluates,
reports and serves it like any other model. Written by \`mlops new pipeline --trainer python\`;
edit freely (keep the export's options and metadata).

usage: python train.py --train TRAIN.json --params params.yaml --out model.onnx
"""

import argparse
import json
import os
import sys

import onnx
import pandas as pd
import yaml
from skl2onnx import to_onnx
from skl2onnx.common.data_types import FloatTensorType, StringTensorType
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

# An ONNX string tensor has no null: a missing category is sent as this string, learnt as a
# category of its own and recorded in the model's metadata for the evaluator and the server.
MISSING = "missing"


def load(path, numeric, categorical, target):
    with open(path, encoding="utf-8") as f:
        frame = pd.DataFrame(json.load(f))
    for column in numeric:
        frame[column] = frame[column].astype("float32")
    for column in categorical:
        frame[column] = frame[column].where(frame[column].notna(), MISSING).astype(str)
    return frame[numeric + categorical], frame[target]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\\n")[0])
    parser.add_argument("--train", required=True)
    parser.add_argument("--params", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    with open(args.params, encoding="utf-8") as f:
        params = yaml.safe_load(f)["train"]
    numeric = params["features"]["numeric"]
    categorical = params["features"]["categorical"]
    target = params["target"]
    classify = params["task"] == "classification"

    x_train, y_train = load(args.train, numeric, categorical, target)
    y_train = y_train.astype(str) if classify else y_train.astype("float32")

    steps = []
    if numeric:
        steps.append(
            ("numeric", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), numeric)
        )
    if categorical:
        steps.append(("categorical", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical))
    estimator = (
        LogisticRegression(C=params["C"], max_iter=params["max_iter"], random_state=params["seed"])
        if classify
        else Ridge(alpha=params["alpha"])
    )
    model = Pipeline([("preprocess", ColumnTransformer(steps)), ("model", estimator)])
    model.fit(x_train, y_train)

    inputs = [(c, FloatTensorType([None, 1])) for c in numeric] + [(c, StringTensorType([None, 1])) for c in categorical]
    exported = to_onnx(
        model,
        initial_types=inputs,
        # onnxruntime-node returns tensors only: a classifier must not end in a ZipMap.
        options={id(estimator): {"zipmap": False}} if classify else None,
        target_opset={"": 21, "ai.onnx.ml": 3},
    )
    metadata = {
        "mlops.task": "classification" if classify else "regression",
        "mlops.target": target,
        "mlops.null_string": MISSING,
        "mlops.features": json.dumps({"numeric": numeric, "categorical": categorical}),
        "mlops.model": "sklearn-logistic" if classify else "sklearn-ridge",
    }
    if classify:
        metadata["mlops.classes"] = json.dumps([str(c) for c in model.classes_])
    for key, value in metadata.items():
        entry = exported.metadata_props.add()
        entry.key = key
        entry.value = value
    exported.producer_name = "skl2onnx"
    # skl2onnx collects opset imports in a set; sorted, the same model always has the same bytes.
    opsets = sorted((o.domain, o.version) for o in exported.opset_import)
    del exported.opset_import[:]
    for domain, version in opsets:
        exported.opset_import.add(domain=domain, version=version)
    onnx.checker.check_model(exported)

    temp = f"{args.out}.tmp{os.getpid()}"
    with open(temp, "wb") as f:
        f.write(exported.SerializeToString(deterministic=True))
    os.replace(temp, args.out)
    print(f"trained on {len(x_train)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
`;
