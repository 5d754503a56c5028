// The modern architectures (lessons 09–12), each from one builder with options.
export * from "./googlenet"; // googlenet
export * from "./resnet"; // resnet, seResnet, resnetDepth
export * from "./counting"; // modelSummary, trainableParamCount
export * from "./mobilenet-like"; // mobilenetLike
export * from "./gradient-flow"; // kernelGradientNorms (lesson 10)
export * from "./inference-timing"; // measureInference (lesson 12)
