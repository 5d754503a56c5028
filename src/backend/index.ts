export * from "./init";
export {
  registerWasmTrainingKernels,
  wasmTrainingKernelList,
  wasmTrainingKernelsRegistered,
} from "./wasm-training-kernels";
