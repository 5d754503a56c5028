export * from "./display";
export * from "./plotly";
export * from "./live-chart";
export * from "./image";
export * from "./heatmap";
export * from "./table";
export * from "./model-summary";
export * from "./correlation-steps";
