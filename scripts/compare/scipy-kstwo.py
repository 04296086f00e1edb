"""Reference values of scipy.stats.kstwo.sf for the tests of src/validate/kstwo.ts.

Reads a JSON array of [d, n] pairs on stdin and prints a JSON array of
scipy.stats.kstwo.sf(d, n), one float per pair, at full (repr) precision. This is the one-sample
two-sided Kolmogorov-Smirnov survival function that scipy's ks_2samp uses for large samples.
"""

import json
import sys

from scipy import stats

cases = json.load(sys.stdin)
json.dump([float(stats.kstwo.sf(float(d), int(n))) for d, n in cases], sys.stdout)
