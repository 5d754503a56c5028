// Boxes, IoU, NMS, YOLO-grid decoding, upsampling sizes (lesson 15).
export {};
