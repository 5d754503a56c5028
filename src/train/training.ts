// Training helpers: fit with a live chart, evaluation, confusion matrix, seeding.
export * from "./seed";
export * from "./evaluate";
export * from "./fit";
