import { MlopsError } from "../errors/index.js";
import { maxReportBytes, type ReportDocument, reportDocument } from "./document.js";

/**
 * A report document from an artifact that PR code produced: refused unless it is small enough,
 * valid JSON and valid against the schema (every string and list bounded). Nothing from it is
 * rendered except through the escaping renderers.
 */
export function parseUntrustedReport(bytes: Uint8Array, source: string): ReportDocument {
  if (bytes.byteLength > maxReportBytes) {
    throw new MlopsError(
      "invalid-file",
      `the report is ${bytes.byteLength} bytes, more than the ${maxReportBytes} accepted`,
      {
        file: source,
      },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (err) {
    throw new MlopsError("invalid-file", `the report is not valid UTF-8 JSON: ${(err as Error).message}`, {
      file: source,
    });
  }
  const parsed = reportDocument.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`);
    throw new MlopsError("invalid-file", `the report does not match mlops-report/1: ${issues.join("; ")}`, {
      file: source,
      field: parsed.error.issues[0]?.path.join("."),
    });
  }
  return parsed.data;
}
