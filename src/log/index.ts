export { type Logger, memoryLogger, type Progress, silentLogger } from "./logger.js";
