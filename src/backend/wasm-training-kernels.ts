import * as tf from "@tensorflow/tfjs";
import { withScaleShiftBatchNorm } from "./kernels/batch-norm";
import { withContiguousSlice } from "./kernels/contiguous-slice";
import { conv2dBackpropFilterConfig } from "./kernels/conv2d-backprop-filter";
import { conv2dBackpropInputConfig } from "./kernels/conv2d-backprop-input";
import { depthwiseBackpropFilterConfig, depthwiseBackpropInputConfig } from "./kernels/depthwise-backprop";
import { withExplicitSamePadding } from "./kernels/explicit-same-padding";
import { withExplicitTranspose } from "./kernels/explicit-transpose-matmul";
import { withLeadingAxesReduce } from "./kernels/leading-axes-reduce";
import { maxPoolGradConfig } from "./kernels/max-pool-grad";
import { sharedIdentityConfig, withSharedSameDtypeCast } from "./kernels/shared-identity";
import { tileConfig } from "./kernels/tile";
import { unsortedSegmentSumConfig } from "./kernels/unsorted-segment-sum";
import type { NativeAddon } from "./native/addon";
import { nativeConvForward, nativeConvGradient } from "./native/conv-kernels";
import { nativeMatMul } from "./native/matmul-kernels";
import { ADAM_UPDATE, adamUpdateConfig, installFusedAdam } from "./native/adam";
import {
  BATCH_NORM_TRAINING,
  BATCH_NORM_TRAINING_GRAD,
  batchNormTrainingConfig,
  batchNormTrainingGradConfig,
  installFusedBatchNormLayer,
} from "./native/batch-norm-training";
import { nativeMaxPoolGrad } from "./native/pool-kernels";
import { RELU_GRAD, reluGradConfig } from "./native/relu-gradient";

/** Wraps a wasm kernel of ours so the native addon runs the cases it takes (the rest go to the wasm one). */
type NativeWrap = (wasm: tf.KernelConfig, addon: NativeAddon) => tf.KernelConfig;

/** One kernel of ours: built from the stock wasm kernel of the same name when it wraps one. */
interface TrainingKernel {
  kernelName: string;
  why: string;
  build(stock: tf.KernelConfig | undefined): tf.KernelConfig;
  native?: NativeWrap;
}

function fixed(config: tf.KernelConfig, why: string, native?: NativeWrap): TrainingKernel {
  return { kernelName: config.kernelName, why, build: () => config, native };
}

/** A kernel of ours that handles some cases itself and passes the rest to the stock one. */
function wrapping(
  kernelName: string,
  why: string,
  wrap: (stock: tf.KernelConfig) => tf.KernelConfig,
  native?: NativeWrap,
): TrainingKernel {
  return {
    kernelName,
    why,
    native,
    build: (stock) => {
      if (stock === undefined) {
        throw new Error(
          `registerWasmTrainingKernels: the stock wasm kernel '${kernelName}' is missing; reinstall @tensorflow/tfjs-backend-wasm 4.22.`,
        );
      }
      return wrap(stock);
    },
  };
}

const SAME_PADDING_BUG =
  "stock wasm gives zeros for some 'same' convolutions with stride > kernel; the padding is passed explicitly";

function samePaddingFix(kernelName: string, depthwise: boolean): TrainingKernel {
  return wrapping(
    kernelName,
    SAME_PADDING_BUG,
    (stock) => withExplicitSamePadding(stock, depthwise),
    nativeConvForward,
  );
}

const TRAINING_KERNELS: TrainingKernel[] = [
  fixed(conv2dBackpropFilterConfig, "missing in stock wasm: gradient of a convolution's filter", nativeConvGradient),
  fixed(
    conv2dBackpropInputConfig,
    "stock wasm's is a slow direct loop; also conv2dTranspose's forward pass",
    nativeConvGradient,
  ),
  fixed(
    depthwiseBackpropFilterConfig,
    "missing in stock wasm: depthwise/separable convolution filter gradient",
    nativeConvGradient,
  ),
  fixed(
    depthwiseBackpropInputConfig,
    "missing in stock wasm: depthwise/separable convolution input gradient",
    nativeConvGradient,
  ),
  fixed(unsortedSegmentSumConfig, "missing in stock wasm: gradient of gather (embedding layers)"),
  fixed(
    tileConfig,
    "stock wasm's is slow (and aborts on strings); the batch-norm gradient tiles a vector to the activation's shape",
  ),
  fixed(maxPoolGradConfig, "stock wasm's loop is slow", nativeMaxPoolGrad),
  fixed(sharedIdentityConfig, "stock wasm copies the data; tensors are immutable, so a new reference is enough"),
  wrapping(
    "Slice",
    "stock wasm copies the whole input out of the heap to take a slice (every batch of predict and fit)",
    withContiguousSlice,
  ),
  wrapping("Cast", "a cast to the same dtype copies the data in stock wasm; shared instead", withSharedSameDtypeCast),
  wrapping(
    "Sum",
    "stock wasm transposes the tensor before summing over leading axes (batch-norm and bias gradients)",
    (stock) => withLeadingAxesReduce(stock, false),
  ),
  wrapping(
    "Mean",
    "stock wasm transposes the tensor before averaging over leading axes (batch-norm statistics)",
    (stock) => withLeadingAxesReduce(stock, true),
  ),
  wrapping(
    "FusedBatchNorm",
    "stock wasm's loop is slow; folded into one multiply and one add per channel",
    withScaleShiftBatchNorm,
  ),
  wrapping(
    "BatchMatMul",
    "stock wasm's transposeA/transposeB path is a slow loop (dense-layer gradients use it)",
    withExplicitTranspose,
    nativeMatMul,
  ),
  wrapping(
    "_FusedMatMul",
    "stock wasm's transposeA/transposeB path is a slow loop, and it adds the bias wrongly to batched (rank > 2) products",
    withExplicitTranspose,
    nativeMatMul,
  ),
  samePaddingFix("Conv2D", false),
  samePaddingFix("FusedConv2D", false),
  samePaddingFix("DepthwiseConv2dNative", true),
  samePaddingFix("FusedDepthwiseConv2D", true),
];

/**
 * Kernels only the addon has: each replaces a chain of small tfjs kernels (batch norm in training,
 * the ReLU gradient, Adam's update), taken by the code that would run the chain when it finds
 * them registered on the active backend (native/batch-norm-training.ts, relu-gradient.ts, adam.ts).
 */
const NATIVE_ONLY: Array<{ kernelName: string; make: (addon: NativeAddon) => tf.KernelConfig }> = [
  { kernelName: BATCH_NORM_TRAINING, make: batchNormTrainingConfig },
  { kernelName: BATCH_NORM_TRAINING_GRAD, make: batchNormTrainingGradConfig },
  { kernelName: RELU_GRAD, make: reluGradConfig },
  { kernelName: ADAM_UPDATE, make: adamUpdateConfig },
];

/** Registers the addon's own kernels (addon given) or removes them (null). */
function registerNativeOnly(addon: NativeAddon | null): void {
  for (const { kernelName, make } of NATIVE_ONLY) {
    if (tf.getKernel(kernelName, "wasm") !== undefined) tf.unregisterKernel(kernelName, "wasm");
    if (addon !== null) tf.registerKernel(make(addon));
  }
  if (addon !== null) {
    installFusedBatchNormLayer();
    installFusedAdam();
  }
}

/** kernelFuncs registered by us, so a second registration can recognise them. */
const ours = new WeakSet<tf.KernelFunc>();
/** The stock wasm kernels ours replace, kept to rebuild ours (e.g. when the native addon is switched on or off). */
const stockKernels = new Map<string, tf.KernelConfig | undefined>();
/** The addon the registered kernels use (null: wasm only). */
let registeredAddon: NativeAddon | null | undefined;

/** What registerWasmTrainingKernels adds or replaces on wasm, and why; `native` when the addon takes over. */
export function wasmTrainingKernelList(): Array<{ kernelName: string; why: string; native: boolean }> {
  return TRAINING_KERNELS.map(({ kernelName, why, native }) => ({ kernelName, why, native: native !== undefined }));
}

/**
 * Registers convnet-lab's own training kernels on the wasm backend (stock wasm ships
 * forward kernels and only a few slow backward ones), with the native addon running the
 * heavy ones when one is given. Idempotent and silent: when the kernels registered are
 * already ours with the same addon, nothing changes (leaving `nativeAddon` out keeps the one
 * in use); a stock one is unregistered first,
 * because tfjs warns when a name is registered twice.
 */
export function registerWasmTrainingKernels(nativeAddon?: NativeAddon | null): void {
  if (tf.findBackendFactory("wasm") === null) {
    throw new Error(
      "registerWasmTrainingKernels: the wasm backend is not loaded, so there is nothing to add kernels to. " +
        "Call `await initBackend()` (or require('@tensorflow/tfjs-backend-wasm') first).",
    );
  }
  // Left out: keep the addon already in use (none the first time).
  const addon = nativeAddon === undefined ? (registeredAddon ?? null) : nativeAddon;
  const sameAddon = registeredAddon === addon;
  for (const kernel of TRAINING_KERNELS) {
    const current = tf.getKernel(kernel.kernelName, "wasm");
    const isOurs = current !== undefined && ours.has(current.kernelFunc);
    if (isOurs && sameAddon) continue;
    if (!isOurs) stockKernels.set(kernel.kernelName, current);
    const wasmConfig = kernel.build(stockKernels.get(kernel.kernelName));
    const config = addon !== null && kernel.native !== undefined ? kernel.native(wasmConfig, addon) : wasmConfig;
    if (current !== undefined) tf.unregisterKernel(kernel.kernelName, "wasm");
    tf.registerKernel(config);
    ours.add(config.kernelFunc);
  }
  if (!sameAddon) registerNativeOnly(addon);
  registeredAddon = addon;
}

/** The native addon the registered kernels use, or null for wasm only. */
export function registeredNativeAddon(): NativeAddon | null {
  return registeredAddon ?? null;
}

/** True when every kernel of ours is the one tfjs will run on wasm. */
export function wasmTrainingKernelsRegistered(): boolean {
  return TRAINING_KERNELS.every((kernel) => {
    const current = tf.getKernel(kernel.kernelName, "wasm");
    return current !== undefined && ours.has(current.kernelFunc);
  });
}
