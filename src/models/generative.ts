// Generative and sequence models (lessons 16 GAN and 17 RNN).
export { dcganGenerator, dcganDiscriminator } from "./dcgan";
export type { DcganOptions } from "./dcgan";
export { pointGenerator, pointDiscriminator } from "./point-gan";
export type { PointGanOptions } from "./point-gan";
export { createGan, latentNoise, ganTrainStep, disposeGan } from "./gan-training";
export type { Gan, GanStepResult } from "./gan-training";
export { simpleRnnStep, simpleRnnStates } from "./rnn-step";
export type { SimpleRnnWeights } from "./rnn-step";
export { charRnn, rnnForecaster, nextCharProbabilities, generateIds } from "./char-rnn";
export type { RecurrentCell, CharRnnOptions, RnnForecasterOptions, GenerateOptions } from "./char-rnn";
