// Boxes, IoU, NMS, YOLO-grid decoding, upsampling, transposed-convolution sizes and a small
// segmentation network (lesson 15).
export * from "./boxes";
export * from "./nms";
export * from "./yolo-grid";
export * from "./upsampling";
export * from "./transposed-conv";
export * from "./shape-scenes";
export * from "./segmentation";
export * from "./draw-boxes";
