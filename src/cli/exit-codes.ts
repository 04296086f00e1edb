/** The contract every verb keeps: scripts branch on these. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** `mlops monitor --fail-on-fire`: the rule fired. Not 1, so a script can tell "retrain" from "monitoring broke". */
export const EXIT_FIRED = 3;
