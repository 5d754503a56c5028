/**
 * convnet-lab: everything a lesson imports.
 * Notebooks use `import * as cl from "../dist"` (the compiled library, with types).
 */
import * as tf from "@tensorflow/tfjs";

export { tf };
export * from "./backend";
export * from "./ops";
export * from "./layers";
export * from "./models";
export * from "./data";
export * from "./viz";
export * from "./train";
export * from "./detection";
export * from "./inspect";
export * from "./core/image";
export * from "./exercises";
