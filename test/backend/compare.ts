// The backend tests' comparison helpers live in test/helpers.ts with the others; this file keeps their old import path.
export { assertClose, onBothBackends, randomPlain, randomValues, scaledDiff, toPlain, toTensor, useWasmWithKernels } from "../helpers";
export type { Plain } from "../helpers";
