// Looking inside a trained convnet: activations, filter visualisation, Grad-CAM (lesson 14).
export * from "./activations";
export * from "./filter-visualisation";
export * from "./grad-cam";
export * from "./overlay";
export * from "./input-size";
