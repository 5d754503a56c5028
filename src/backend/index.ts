export * from "./init";
export { registerWasmTrainingKernels } from "./wasm-training-kernels";
