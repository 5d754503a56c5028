// Offline datasets, their integrity checks, seeded splits, batching and augmentation.
export * from "./random";
export * from "./idx";
export * from "./integrity";
export * from "./split";
export * from "./mnist";
export * from "./fashion-mnist";
export * from "./augment";
export * from "./image-sampler";
export * from "./color-shapes";
export * from "./batches";
export * from "./dataset-files";
export * from "./batch-images";
