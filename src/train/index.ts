export * from "./full-size";
export * from "./training"; // fit, evaluate, confusion matrix, seeding
