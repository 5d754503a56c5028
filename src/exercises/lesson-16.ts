// Exercises of lesson 16 (registered on import).
import { arrayDifferenceNote, defineExercise, defineValueExercises } from "./check";

defineExercise<{ discriminator: number[]; generator: number[] }>({
  id: "16.1",
  title: "who is told what",
  hint: "The police (discriminator) learns real → 1 and fake → 0; the counterfeiter (generator) is scored against 1 for every fake it makes.",
  verify(answer) {
    if (answer === null || typeof answer !== "object") {
      return `give an object { discriminator: [...], generator: [...] }, got ${JSON.stringify(answer)}.`;
    }
    // a batch of 3 real images followed by 2 fakes, then the generator's 2 fakes
    const discriminatorTargets = [...[1, 1, 1], ...[0, 0]];
    const generatorTargets = [1, 1];
    return (
      arrayDifferenceNote("discriminator", answer.discriminator, discriminatorTargets) ??
      arrayDifferenceNote("generator", answer.generator, generatorTargets)
    );
  },
});

defineValueExercises([
  {
    id: "16.2",
    title: "the police loss of a coin-flipping discriminator",
    hint: "Binary cross-entropy of one sample is −ln(p) when the target is 1 and −ln(1 − p) when it is 0. Add the real term and the fake term with p = 0.5.",
    answerName: "the discriminator loss",
    expected: () => {
      const p = 0.5;
      return -Math.log(p) - Math.log(1 - p);
    },
    tolerance: 1e-3,
  },
  {
    id: "16.3",
    title: "weights of the generator's first transposed convolution",
    hint: "A transposed convolution with a 4 × 4 kernel from 64 channels to 32 has one 4 × 4 × 64 kernel per output channel, plus one bias each.",
    answerName: "the parameter count",
    expected: () => 4 * 4 * 64 * 32 + 32,
  },
]);
