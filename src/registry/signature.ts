import type { TensorSpec } from "../manifest/model-version.js";

export interface Signature {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
}

/** The differences a client would notice: inputs and outputs added, removed or retyped. */
export function signatureChanges(before: Signature, after: Signature): string[] {
  const changes: string[] = [];
  for (const side of ["inputs", "outputs"] as const) {
    const old = new Map(before[side].map((t) => [t.name, t]));
    const now = new Map(after[side].map((t) => [t.name, t]));
    for (const [name, t] of old) {
      const n = now.get(name);
      if (!n) changes.push(`${side.slice(0, -1)} '${name}' removed`);
      else if (n.dtype !== t.dtype || JSON.stringify(n.shape) !== JSON.stringify(t.shape)) {
        changes.push(
          `${side.slice(0, -1)} '${name}' ${t.dtype}${fmtShape(t.shape)} → ${n.dtype}${fmtShape(n.shape)}`,
        );
      }
    }
    for (const name of now.keys()) if (!old.has(name)) changes.push(`${side.slice(0, -1)} '${name}' added`);
  }
  return changes;
}

function fmtShape(shape: TensorSpec["shape"]): string {
  return `[${shape.map((d) => (d === null ? "?" : String(d))).join(", ")}]`;
}
