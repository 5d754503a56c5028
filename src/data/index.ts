export * from "./image-io"; // loading/saving photos with jimp, image <-> tensor
export * from "./datasets"; // MNIST, Fashion-MNIST, integrity, augmentation, batching
export * from "./sequences"; // windowing of series and text for the RNN lesson
