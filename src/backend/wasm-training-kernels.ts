/**
 * Registers convnet-lab's own training kernels on the wasm backend
 * (wasm ships forward kernels only). Implemented in issue #3.
 */
export function registerWasmTrainingKernels(): void {
  // Intentionally empty until the kernels land: wasm stays inference-only and
  // initBackend reports canTrain = false.
}
