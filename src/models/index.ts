export * from "./classic"; // lenet5, alexnet, vgg
export * from "./modern"; // googlenet, resnet, seResnet, mobilenetLike
export * from "./generative"; // dcgan, charRnn
export * from "./io"; // saveModelToFile, loadModelFromFile
export * from "./base-network"; // baseNetwork, withNewHead, setTrainable (lessons 13-14)
