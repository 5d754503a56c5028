// Exercises of lesson 13 (registered on import).
import { BASE_FEATURE_LAYER, baseNetwork, setTrainable, withNewHead } from "../models/base-network";
import { defineValueExercises } from "./check";

/**
 * Trainable weights of the base network cut after `featureLayer` with a new head, when the base is
 * frozen except for the layers from `unfreezeFrom` on (the models are built, counted and freed).
 */
function trainableAfter(classes: number, featureLayer = BASE_FEATURE_LAYER, unfreezeFrom?: string): number {
  const base = baseNetwork();
  const model = withNewHead(base, { classes, featureLayer });
  setTrainable(model, false, featureLayer);
  if (unfreezeFrom) setTrainable(model, true, featureLayer, unfreezeFrom);
  const count = model.trainableWeights.reduce((sum, w) => sum + (w.shape as number[]).reduce((n, d) => n * d, 1), 0);
  model.dispose();
  base.dispose();
  return count;
}

defineValueExercises([
  {
    id: "13.1",
    title: "fine-tuning two blocks",
    hint: "Unfreeze block2_conv and block3_conv (block1 stays frozen) under the new 10-class head. Add up their weights and biases: a conv layer has k·k·inChannels·filters + filters.",
    answerName: "the trainable parameter count",
    expected: () => trainableAfter(10, BASE_FEATURE_LAYER, "block2_conv"),
  },
  {
    id: "13.2",
    title: "a head for a 5-class task",
    hint: "Same frozen base (cut after block3_pool: 3 × 3 × 64 features), but the new task has 5 classes. How many parameters does the new dense head have?",
    answerName: "the new head's parameter count",
    expected: () => trainableAfter(5),
  },
  {
    id: "13.3",
    title: "cutting the base lower",
    hint: "Cut the base after block2_pool instead (its output is 7 × 7 × 32) and put a new 10-class dense head there. How many parameters does that head have? Lower cuts keep more general features, but also more numbers per image.",
    answerName: "the new head's parameter count",
    expected: () => trainableAfter(10, "block2_pool"),
  },
]);
