import { appendFile } from "node:fs/promises";
import type { ValidationReport } from "./run.js";

function escapeData(s: string): string {
  return s.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/**
 * GitHub Actions workflow commands, one per finding: the runner turns each into an annotation on
 * the schema line of the rule that failed (errors as errors, warnings as warnings).
 */
export function annotationLines(report: ValidationReport): string[] {
  return report.findings.map((f) => {
    const props = [`file=${escapeProperty(f.file ?? report.schema)}`];
    if (f.line) props.push(`line=${f.line}`);
    props.push(`title=${escapeProperty(`${report.file}: ${f.check}${f.column ? ` of ${f.column}` : ""}`)}`);
    return `::${f.severity === "error" ? "error" : "warning"} ${props.join(",")}::${escapeData(f.message)}`;
  });
}

/** Appends a markdown section to the job summary, when running in Actions. */
export async function appendStepSummary(
  markdown: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  await appendFile(file, `${markdown}\n\n`);
  return true;
}
