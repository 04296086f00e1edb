import type { Command } from "commander";

/**
 * Every verb registers itself here. Command files import their domain code lazily inside the action,
 * so `mlops --help` and quick verbs do not pay for onnxruntime or DuckDB.
 */
export function registerCommands(_program: Command): void {}
