// Layers of the classic architectures: LeNet-5's sparse C3, AlexNet's LRN, VGG's 3×3 blocks.
export * from "./local-response-norm";
export * from "./connection-table-conv";
export * from "./vgg-block";
