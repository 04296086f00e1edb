import { CholeskyDecomposition, Matrix, SingularValueDecomposition } from "ml-matrix";

/** `outputs[k] = intercepts[k] + Σ_j weights[k][j] · x_j`: linear, ridge and softmax models alike. */
export interface LinearModel {
  weights: Float64Array[];
  intercepts: number[];
}

function design(X: Float32Array, n: number, p: number): Matrix {
  const A = new Matrix(n, p + 1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) A.set(i, j, X[i * p + j] as number);
    A.set(i, p, 1);
  }
  return A;
}

/**
 * Least squares with an optional L2 penalty on the weights (never the intercept). Without a
 * penalty the minimum-norm solution is taken through the SVD, so one-hot columns that sum to the
 * intercept column do not make the problem singular.
 */
export function fitLinearRegression(
  X: Float32Array,
  n: number,
  p: number,
  y: Float64Array,
  alpha: number,
): LinearModel {
  const A = design(X, n, p);
  const target = Matrix.columnVector(Array.from(y));
  let beta: Matrix;
  if (alpha > 0) {
    const gram = A.transpose().mmul(A);
    for (let j = 0; j < p; j++) gram.set(j, j, gram.get(j, j) + alpha);
    beta = new CholeskyDecomposition(gram).solve(A.transpose().mmul(target));
  } else {
    beta = new SingularValueDecomposition(A, { autoTranspose: true }).solve(target);
  }
  const all = beta.getColumn(0);
  return { weights: [Float64Array.from(all.slice(0, p))], intercepts: [all[p] as number] };
}

export function predictLinear(model: LinearModel, X: Float32Array, n: number, p: number): Float64Array {
  const k = model.weights.length;
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const w = model.weights[c] as Float64Array;
      let s = model.intercepts[c] as number;
      for (let j = 0; j < p; j++) s += (w[j] as number) * (X[i * p + j] as number);
      out[i * k + c] = s;
    }
  }
  return out;
}

/**
 * Multinomial logistic (softmax) regression by Newton's method with a backtracking line search:
 * minimises Σ cross-entropy + α/2 ‖W‖² (scikit-learn's objective with C = 1/α). Deterministic: no
 * random start, no sampling.
 */
export function fitSoftmaxRegression(
  X: Float32Array,
  n: number,
  p: number,
  labels: Int32Array,
  k: number,
  alpha: number,
  maxIter: number,
): LinearModel & { iterations: number } {
  const d = p + 1;
  const size = d * k;
  // theta[c * d + j]: weight j of class c; j = p is the intercept.
  let theta = new Float64Array(size);
  // A tiny penalty on intercepts pins down softmax's shift invariance without changing predictions.
  const penalty = (j: number) => (j === p ? 1e-8 : alpha);
  const objective = (t: Float64Array): number => {
    let loss = 0;
    const scores = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        let s = t[c * d + p] as number;
        for (let j = 0; j < p; j++) s += (t[c * d + j] as number) * (X[i * p + j] as number);
        scores[c] = s;
        max = Math.max(max, s);
      }
      let sum = 0;
      for (let c = 0; c < k; c++) sum += Math.exp((scores[c] as number) - max);
      loss += max + Math.log(sum) - (scores[labels[i] as number] as number);
    }
    for (let c = 0; c < k; c++)
      for (let j = 0; j < d; j++) loss += 0.5 * penalty(j) * (t[c * d + j] as number) ** 2;
    return loss;
  };
  let iterations = 0;
  let current = objective(theta);
  const row = new Float64Array(d);
  const prob = new Float64Array(k);
  for (; iterations < maxIter; iterations++) {
    const grad = new Float64Array(size);
    const hess = new Matrix(size, size);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) row[j] = X[i * p + j] as number;
      row[p] = 1;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += (theta[c * d + j] as number) * (row[j] as number);
        prob[c] = s;
        max = Math.max(max, s);
      }
      let sum = 0;
      for (let c = 0; c < k; c++) {
        prob[c] = Math.exp((prob[c] as number) - max);
        sum += prob[c] as number;
      }
      for (let c = 0; c < k; c++) prob[c] = (prob[c] as number) / sum;
      const y = labels[i] as number;
      for (let c = 0; c < k; c++) {
        const r = (prob[c] as number) - (c === y ? 1 : 0);
        for (let j = 0; j < d; j++) grad[c * d + j] = (grad[c * d + j] as number) + r * (row[j] as number);
        for (let c2 = 0; c2 < k; c2++) {
          const w = (prob[c] as number) * ((c === c2 ? 1 : 0) - (prob[c2] as number));
          if (w === 0) continue;
          for (let j = 0; j < d; j++) {
            const wj = w * (row[j] as number);
            for (let j2 = 0; j2 < d; j2++) {
              const a = c * d + j;
              const b = c2 * d + j2;
              hess.set(a, b, hess.get(a, b) + wj * (row[j2] as number));
            }
          }
        }
      }
    }
    let gradMax = 0;
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) {
        const a = c * d + j;
        grad[a] = (grad[a] as number) + penalty(j) * (theta[a] as number);
        hess.set(a, a, hess.get(a, a) + penalty(j));
        gradMax = Math.max(gradMax, Math.abs(grad[a] as number));
      }
    }
    if (gradMax < 1e-10 * Math.max(1, n)) break;
    // Rounding makes the accumulated Hessian asymmetric in the last bits; Cholesky wants it exact.
    for (let a = 0; a < size; a++) {
      for (let b = a + 1; b < size; b++) {
        const mean = (hess.get(a, b) + hess.get(b, a)) / 2;
        hess.set(a, b, mean);
        hess.set(b, a, mean);
      }
    }
    const step = new CholeskyDecomposition(hess).solve(Matrix.columnVector(Array.from(grad))).getColumn(0);
    let scale = 1;
    let next = theta;
    let nextLoss = current;
    for (let tries = 0; tries < 40; tries++) {
      next = theta.map((v, a) => v - scale * (step[a] as number));
      nextLoss = objective(next);
      if (nextLoss <= current) break;
      scale /= 2;
    }
    if (nextLoss > current) break;
    const improvement = current - nextLoss;
    theta = next;
    current = nextLoss;
    if (improvement <= 1e-14 * Math.max(1, Math.abs(current))) {
      iterations++;
      break;
    }
  }
  const weights: Float64Array[] = [];
  const intercepts: number[] = [];
  for (let c = 0; c < k; c++) {
    weights.push(theta.slice(c * d, c * d + p));
    intercepts.push(theta[c * d + p] as number);
  }
  return { weights, intercepts, iterations };
}
