export * from "./full-size";
