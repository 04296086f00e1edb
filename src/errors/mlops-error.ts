/**
 * The one error type of the project. Domain code returns or throws it with enough structure for a
 * door (CLI or action) to print `file:line: field: expected …, got …` or to put an annotation on
 * the exact line; nothing below the doors turns it into an exit code.
 */
export type ErrorCode =
  | "usage"
  | "invalid-file"
  | "not-found"
  | "hash-mismatch"
  | "conflict"
  | "refused"
  | "io"
  | "remote"
  | "command-failed"
  | "internal";

export interface ErrorDetails {
  file?: string;
  line?: number;
  column?: number;
  field?: string;
  expected?: string;
  got?: string;
  hint?: string;
  cause?: unknown;
}

export class MlopsError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly field: string | undefined;
  readonly expected: string | undefined;
  readonly got: string | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "MlopsError";
    this.code = code;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.field = details.field;
    this.expected = details.expected;
    this.got = details.got;
    this.hint = details.hint;
  }

  /** `file:line: field: message` — the form editors and the Actions log turn into links. */
  toUserString(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ""}: ` : "";
    const field = this.field ? `${this.field}: ` : "";
    const hint = this.hint ? `\n  hint: ${this.hint}` : "";
    return `${where}${field}${this.message}${hint}`;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { code: this.code, message: this.message };
    for (const key of ["file", "line", "column", "field", "expected", "got", "hint"] as const) {
      if (this[key] !== undefined) out[key] = this[key];
    }
    return out;
  }
}

/** A message for a person from anything thrown: our errors keep their location, others their text. */
export function userMessage(err: unknown): string {
  if (err instanceof MlopsError) return err.toUserString();
  if (err instanceof Error) return err.message;
  return String(err);
}

export function isMlopsError(err: unknown, code?: ErrorCode): err is MlopsError {
  return err instanceof MlopsError && (code === undefined || err.code === code);
}
