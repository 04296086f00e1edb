export { type Logger, lineLogger, memoryLogger, type Progress, silentLogger } from "./logger.js";
