// Times only the GBDT fit of mlops's trainer on a JSON table (as sklearn-hgb.py times only `fit`),
// best of --reps, and prints one JSON object with the fit time and the test RMSE.
//   node scripts/bench/gbdt-fit.mjs TRAIN TEST TARGET FEATURES TREES DEPTH BINS LR MIN_LEAF REPS

import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const { readTable } = await import(join(root, "lib/table/index.js"));
const { trainSpec, predictRaw, trainGbdt } = await import(join(root, "lib/train/index.js"));
const { fitPreprocessing, transform, featureCount } = await import(join(root, "lib/train/features.js"));
const { numericColumn } = await import(join(root, "lib/table/index.js"));

const [trainFile, testFile, target, features, trees, depth, bins, lr, minLeaf, reps] = process.argv.slice(2);
const spec = trainSpec.parse({ target, features: { numeric: features.split(",") }, model: "gbdt" });
const train = await readTable(trainFile);
const test = await readTable(testFile);
const pre = fitPreprocessing(train, spec, false);
const X = transform(pre, train);
const y = numericColumn(train, target);
const p = featureCount(pre);
let best = Number.POSITIVE_INFINITY;
let model;
for (let r = 0; r < Number(reps); r++) {
  const started = performance.now();
  model = trainGbdt(X, train.rows.length, p, y, 0, {
    objective: "regression",
    nTrees: Number(trees),
    maxDepth: Number(depth),
    learningRate: Number(lr),
    maxBins: Number(bins),
    minSamplesLeaf: Number(minLeaf),
    l2Regularization: 0,
    seed: 0,
  });
  best = Math.min(best, (performance.now() - started) / 1000);
}
const Xt = transform(pre, test);
const yt = numericColumn(test, target);
const raw = predictRaw(model, Xt, test.rows.length);
let sse = 0;
for (let i = 0; i < yt.length; i++) sse += (yt[i] - raw[i]) ** 2;
console.log(
  JSON.stringify({
    fit_seconds: best,
    test_rmse: Math.sqrt(sse / yt.length),
    train_rows: train.rows.length,
    features: p,
  }),
);
