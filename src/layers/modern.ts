// The blocks of the modern architectures (lessons 09–12).
export * from "./residual"; // residualBlock, bottleneckBlock (ResNet)
export * from "./se-block"; // seBlock (SENet)
export * from "./inception"; // inceptionModule (GoogLeNet)
export * from "./separable"; // separableConv (MobileNet)
export * from "./batch-norm-calibration"; // recalibrateBatchNorm (exact BN statistics after short training)
