/**
 * The version of the project's own trainer (`mlops train`): part of the run key of every stage that
 * runs it, so a change to what the trainer computes retrains those stages instead of restoring the
 * old model. Bump it in the same commit as any change to src/train that can change a trained model
 * (features, split of work, numeric code, ONNX export); refactors that keep the bytes keep it.
 *
 * A constant rather than a hash of the trainer's sources: a hash would change with every comment
 * or refactor and retrain every user's models on each upgrade, and depends on how the code was
 * built; a number a person bumps is deterministic everywhere and says why the key changed.
 */
export const trainerVersion = 1;
