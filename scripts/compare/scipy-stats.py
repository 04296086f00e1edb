"""Reference statistics from scipy for the drift tests: reads JSON cases on stdin, prints results.

Each case is {"ks": [a, b]} (two samples: scipy.stats.ks_2samp, default mode) or
{"chi2": [[reference counts], [current counts]]} (scipy.stats.chi2_contingency, default correction).
"""

import json
import sys

import numpy as np
from scipy import stats

out = []
for case in json.load(sys.stdin):
    if "ks" in case:
        r = stats.ks_2samp(case["ks"][0], case["ks"][1])
        out.append({"statistic": float(r.statistic), "pvalue": float(r.pvalue)})
    else:
        table = np.array(case["chi2"])
        table = table[:, table.sum(axis=0) > 0]
        r = stats.chi2_contingency(table)
        out.append({"statistic": float(r.statistic), "pvalue": float(r.pvalue), "dof": int(r.dof)})
json.dump(out, sys.stdout)
