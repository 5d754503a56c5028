import * as tf from "@tensorflow/tfjs";

/** tfjs's fused activations the addon applies itself (codes as in native/src/activation.h). */
const CODES: Record<string, number> = { linear: 0, relu: 1, relu6: 2, leakyrelu: 3, sigmoid: 4, elu: 5 };

/** The addon's code for a fused kernel's activation, or undefined when it must run elsewhere (prelu). */
export function activationCode(attrs: tf.NamedAttrMap): number | undefined {
  return CODES[(attrs.activation as string | undefined) ?? "linear"];
}

/** The slope of leakyrelu below zero: tfjs's default when the op was not given one. */
export function leakyAlpha(attrs: tf.NamedAttrMap): number {
  return (attrs.leakyreluAlpha as number | undefined) ?? 0.2;
}
