// Types of scripts/bench/results.mjs, for test/bench-results.test.ts.
export type Unit = "s" | "ms" | "rps" | "count";

export interface BenchResult {
  name: string;
  measure: string;
  ours?: number | null;
  baseline?: number | null;
  baselineName?: string;
  ratio?: number | null;
  target?: string;
  pass: boolean | null;
  note?: string;
  unit?: Unit;
  missing?: string;
}

export interface BenchMachine {
  date: string;
  command: string;
  wall: string;
  cpus: string;
  node: string;
  openssl: string;
  loadBefore: string;
  loadAfter: string;
  note?: string;
  reps: number;
  quick: boolean;
}

export function formatValue(value: number | null | undefined, unit?: Unit): string;
export function verdict(result: BenchResult): string;
export function resultRow(result: BenchResult, stamp: string): string;
export const tableHeader: string[];
export function resultsTable(results: BenchResult[], stamp: string): string;
export function missed(results: BenchResult[]): BenchResult[];
export function exitStatus(results: BenchResult[]): 0 | 1;
export function versionsLine(versions: Record<string, string>): string;
export function resultsBlock(input: {
  machine: BenchMachine;
  versions: Record<string, string>;
  results: BenchResult[];
  sections?: { title: string; body: string }[];
}): string;
export function replaceBetween(
  text: string,
  start: string,
  end: string,
  content: string,
  file?: string,
): string;
