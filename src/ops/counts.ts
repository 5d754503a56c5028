import { requireBoolean, requirePair, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";

export interface ConvLayerSize {
  /** Kernel size: one number, or [rows, columns]. */
  kernel: number | [number, number];
  /** Channels of the layer's input. */
  inChannels: number;
  /** Number of filters = channels of the output. */
  filters: number;
  /** Whether each filter has a bias (default true). */
  bias?: boolean;
}

export interface DenseLayerSize {
  inputs: number;
  units: number;
  /** Whether each unit has a bias (default true). */
  bias?: boolean;
}

const CONV_KEYS = optionKeys<ConvLayerSize>()("kernel", "inChannels", "filters", "bias");
const CONV_MAC_KEYS = optionKeys<ConvLayerSize & { outHeight: number; outWidth: number }>()(...CONV_KEYS, "outHeight", "outWidth");
const DENSE_KEYS = optionKeys<DenseLayerSize>()("inputs", "units", "bias");

function checkBias(caller: string, bias: unknown): boolean {
  return bias === undefined ? true : requireBoolean(caller, "bias", bias);
}

/** Weights of a conv layer: kh·kw·inChannels per filter, plus one bias per filter. */
export function convParameterCount(layer: ConvLayerSize): number {
  const caller = "convParameterCount";
  requireOptions<ConvLayerSize>(caller, layer, CONV_KEYS, "{ kernel: 3, inChannels: 3, filters: 16 }", { name: "layer", required: true });
  const [kh, kw] = requirePair(caller, "kernel", layer.kernel, 1);
  requireWholeNumber(caller, "inChannels", layer.inChannels, 1);
  requireWholeNumber(caller, "filters", layer.filters, 1);
  const bias = checkBias(caller, layer.bias);
  return kh * kw * layer.inChannels * layer.filters + (bias ? layer.filters : 0);
}

/** Multiply-adds of one forward pass of a conv layer on one image: every output cell costs kh·kw·inChannels. */
export function convMultiplyAdds(layer: ConvLayerSize & { outHeight: number; outWidth: number }): number {
  const caller = "convMultiplyAdds";
  requireOptions(caller, layer, CONV_MAC_KEYS, "{ kernel: 3, inChannels: 3, filters: 16, outHeight: 32, outWidth: 32 }", { name: "layer", required: true });
  const [kh, kw] = requirePair(caller, "kernel", layer.kernel, 1);
  requireWholeNumber(caller, "inChannels", layer.inChannels, 1);
  requireWholeNumber(caller, "filters", layer.filters, 1);
  requireWholeNumber(caller, "outHeight", layer.outHeight, 1);
  requireWholeNumber(caller, "outWidth", layer.outWidth, 1);
  return layer.outHeight * layer.outWidth * layer.filters * kh * kw * layer.inChannels;
}

/** Weights of a dense (fully connected) layer: inputs·units, plus one bias per unit. */
export function denseParameterCount(layer: DenseLayerSize): number {
  const caller = "denseParameterCount";
  requireOptions<DenseLayerSize>(caller, layer, DENSE_KEYS, "{ inputs: 512, units: 10 }", { name: "layer", required: true });
  requireWholeNumber(caller, "inputs", layer.inputs, 1);
  requireWholeNumber(caller, "units", layer.units, 1);
  return layer.inputs * layer.units + (checkBias(caller, layer.bias) ? layer.units : 0);
}
