/** Metrics whose direction mlops knows: `true` when higher is better. Anything else is unknown. */
const higherIsBetter: Record<string, boolean> = {
  rmse: false,
  mae: false,
  mape: false,
  mse: false,
  log_loss: false,
  r2: true,
  accuracy: true,
  macro_f1: true,
  f1: true,
  roc_auc_ovr: true,
  roc_auc: true,
  precision: true,
  recall: true,
};

/** Direction of a metric by its last name part (`test.rmse` is an rmse); undefined when unknown. */
export function metricDirection(metric: string): "higher" | "lower" | undefined {
  const last = metric.split(".").at(-1) ?? metric;
  const higher = higherIsBetter[last];
  return higher === undefined ? undefined : higher ? "higher" : "lower";
}
