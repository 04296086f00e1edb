// Types of workflow-runner.mjs for TypeScript callers (the tests); the JSDoc in the .mjs files is the
// source, and `tsc --allowJs --checkJs` over scripts/e2e keeps the two honest.

export type Conclusion = "success" | "failure" | "cancelled" | "skipped";

export interface Annotation {
  level: "error" | "warning" | "notice";
  message: string;
  file?: string;
  line?: number;
  col?: number;
  title?: string;
}

export interface RunOptions {
  workflowPath: string;
  event: { name: string; payload?: Record<string, unknown> };
  workspace: string;
  repository?: string;
  sha?: string;
  ref?: string;
  runId?: string | number;
  runNumber?: string | number;
  runAttempt?: string | number;
  actor?: string;
  token?: string | ((job: { job: string; permissions: Record<string, string> }) => string | Promise<string>);
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  inputs?: Record<string, unknown>;
  environments?: Record<string, { secrets?: Record<string, string>; vars?: Record<string, string> }>;
  env?: Record<string, string>;
  baseEnv?: Record<string, string>;
  githubApiUrl?: string;
  serverUrl?: string;
  checkoutRemote?: string | ((repository: string) => string | undefined);
  artifactsDir?: string;
  runnerTemp?: string;
  changedFiles?: string[];
  defaultPermissions?: "restricted" | "permissive";
  log?: (line: string) => void;
}

export interface StepResult {
  index: number;
  id: string | null;
  name: string;
  uses?: string;
  post?: boolean;
  equivalent?: string;
  outcome: Conclusion;
  conclusion: Conclusion;
  outputs: Record<string, string>;
  duration_ms: number;
  summary: string;
  annotations: Annotation[];
  log: string;
  exitCode: number | null;
  error?: string;
}

export interface Concurrency {
  group: string;
  cancelInProgress: boolean;
}

export interface JobResult {
  workflow: string;
  job: string;
  name: string;
  conclusion: Conclusion;
  steps: StepResult[];
  outputs: Record<string, string>;
  permissions: Record<string, "read" | "write" | "none">;
  environment: { name: string; url: string } | null;
  concurrency: { workflow: Concurrency | null; job: Concurrency | null };
  timeoutMinutes: number;
  continueOnError: boolean;
  runsOn: string;
  equivalents: { step: string; uses: string; equivalent: string }[];
  summary: string;
  annotations: Annotation[];
  token: string;
  duration_ms: number;
}

export interface WorkflowResult {
  workflow: string;
  event: string;
  conclusion: "success" | "failure" | "cancelled";
  order: string[];
  jobs: Record<string, JobResult>;
}

export interface NeedResult {
  result: string;
  outputs: Record<string, string>;
}

export interface WorkflowFile {
  file: string;
  data: Record<string, unknown>;
  lineOf(path: (string | number)[]): number | undefined;
}

export interface ExpressionScope {
  contexts: Record<string, unknown>;
  status?: { success(): boolean; failure(): boolean; cancelled(): boolean };
  where: string;
}

export const PERMISSION_SCOPES: string[];
export const LOCAL_EQUIVALENTS: Record<string, { description: string }>;

export function loadWorkflow(workflowPath: string): WorkflowFile;
export function effectivePermissions(
  wf: WorkflowFile,
  jobId: string,
  fallback?: "restricted" | "permissive",
): Record<string, "read" | "write" | "none">;
export function runWorkflowJob(
  options: RunOptions & { job: string; needs?: Record<string, NeedResult> },
): Promise<JobResult>;
export function runWorkflow(options: RunOptions): Promise<WorkflowResult>;
export function eventTriggers(
  on: unknown,
  event: { name: string; payload: Record<string, unknown> },
  context?: { ref?: string; changedFiles?: string[] },
): { triggered: true } | { triggered: false; reason: string };
export function evaluateExpression(source: string, scope: ExpressionScope): unknown;
export function evaluateCondition(condition: string | undefined, scope: ExpressionScope): boolean;
export function interpolate(value: unknown, scope: ExpressionScope): unknown;
