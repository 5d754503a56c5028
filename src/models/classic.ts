// The classic architectures (LeNet-5, AlexNet, VGG) and the plans they are built from.
export * from "./plan";
export * from "./lenet5";
export * from "./alexnet";
export * from "./vgg";
