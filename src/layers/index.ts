export * from "./conv-bn-relu";
export * from "./classic"; // LRN and other layers of LeNet/AlexNet/VGG
export * from "./modern"; // residual, bottleneck, SE, inception, separable
