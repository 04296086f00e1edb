export { type ErrorCode, type ErrorDetails, isMlopsError, MlopsError, userMessage } from "./mlops-error.js";
