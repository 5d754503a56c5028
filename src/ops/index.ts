// From-scratch teaching math on plain arrays (no tfjs): convolution, padding, output sizes, pooling.
export type { Matrix, Volume } from "../core/checks";
export * from "./output-size";
export type { WindowOptions, WindowPlan } from "./window-plan";
export * from "./padding";
export * from "./dilation";
export * from "./correlate";
export * from "./conv-multi";
export * from "./im2col";
export * from "./pooling";
export * from "./receptive-field";
export * from "./counts";
export * from "./layout";
