export * from "./check";
export * from "./expect";
// Each lesson registers its exercises when imported, and exports the inputs its exercises use
// (named exerciseNN_M after exercise NN.M, so a lesson cell reads them instead of copying them).
export * from "./lesson-00";
export * from "./lesson-01";
export * from "./lesson-02";
export * from "./lesson-03";
export * from "./lesson-04";
export * from "./lesson-05";
export * from "./lesson-06";
export * from "./lesson-07";
export * from "./lesson-08";
export * from "./lesson-09";
export * from "./lesson-10";
export * from "./lesson-11";
export * from "./lesson-12";
export * from "./lesson-13";
export * from "./lesson-14";
export * from "./lesson-15";
export * from "./lesson-16";
export * from "./lesson-17";
