export * from "./check";
// Each lesson's exercises register themselves on import (files named lesson-NN.ts).
