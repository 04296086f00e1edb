"""Reference curves from scikit-learn for the tests of src/evaluate/plots.ts.

Reads a JSON array of cases on stdin, each {"y": [0 or 1, ...], "s": [score, ...], "bins": n}, and
prints a JSON array with, per case, scikit-learn's roc_curve (drop_intermediate=False),
precision_recall_curve (drop_intermediate=False) and calibration_curve (strategy="uniform") at full
(repr) precision. ROC's first threshold is +inf, which JSON cannot hold: it is written as null.
"""

import json
import math
import sys
import warnings

import numpy as np
from sklearn.calibration import calibration_curve
from sklearn.metrics import precision_recall_curve, roc_curve


def floats(values):
    return [None if math.isinf(v) else float(v) for v in values]


out = []
for case in json.load(sys.stdin):
    y = np.asarray(case["y"], dtype=int)
    s = np.asarray(case["s"], dtype=float)
    result = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if 0 < y.sum() < len(y):
            fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
            result["roc"] = {"fpr": floats(fpr), "tpr": floats(tpr), "thresholds": floats(thr)}
        if y.sum() > 0:
            precision, recall, thr = precision_recall_curve(y, s, drop_intermediate=False)
            result["pr"] = {
                "precision": floats(precision),
                "recall": floats(recall),
                "thresholds": floats(thr),
            }
        if "bins" in case:
            prob_true, prob_pred = calibration_curve(y, s, n_bins=case["bins"], strategy="uniform")
            result["calibration"] = {"prob_true": floats(prob_true), "prob_pred": floats(prob_pred)}
    out.append(result)
json.dump(out, sys.stdout)
