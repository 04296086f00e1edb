// Types of test-summary.mjs for TypeScript callers (its test); the JSDoc in the .mjs is the source.

export interface VitestJsonReport {
  numPassedTests?: number;
  numFailedTests?: number;
  testResults?: {
    name: string;
    status?: string;
    message?: string;
    assertionResults?: { fullName?: string; title?: string; status: string }[];
  }[];
}

export function summarise(
  report: VitestJsonReport,
  options: { label: string; ci: boolean; root?: string },
): { line: string; problems: string[] };
