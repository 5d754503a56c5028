import * as tf from "@tensorflow/tfjs";
import { describeValue, requireWholeNumber } from "../core/checks";
import { chainShapes, emptyMapError, smallestSquareInput } from "../layers/layer-shapes";

/**
 * A chain of layers described before any weight exists. `makeLayers()` returns fresh, unbuilt
 * tfjs layers each time it is called, so the same plan can be summarised (shapes, parameters,
 * multiply-adds: see `modelSummary`) without allocating weights, and built into a model when
 * it is to be trained. VGG16's plan costs nothing; its built model holds 553 MB of float32.
 */
export interface ModelPlan {
  /** The model's name, e.g. "vgg16". */
  name: string;
  /** One example's shape, without the batch dimension, e.g. [224, 224, 3]. */
  inputShape: number[];
  /** Fresh layers in order: the first one receives the input. */
  makeLayers(): tf.layers.Layer[];
}

/** True when `value` looks like a ModelPlan (used to tell plans from built models). */
export function isModelPlan(value: unknown): value is ModelPlan {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ModelPlan).makeLayers === "function" &&
    Array.isArray((value as ModelPlan).inputShape)
  );
}

/**
 * Returns the plan after following one example's shape through its layers: a layer whose output
 * would have no cells (an input too small for the network) is an error naming the layer, the
 * sizes and the smallest square input that works. Costs shape arithmetic only, no weights.
 */
export function checkedPlan(caller: string, plan: ModelPlan): ModelPlan {
  const input = [null, ...plan.inputShape];
  const layers = plan.makeLayers();
  const { shapes, emptyAt } = chainShapes(layers, input);
  if (emptyAt !== undefined) {
    const before = emptyAt === 0 ? input : shapes[emptyAt - 1];
    throw emptyMapError(
      caller,
      layers[emptyAt],
      before,
      shapes[emptyAt],
      smallestSquareInput(plan.makeLayers(), plan.inputShape[2]),
      "network",
    );
  }
  return plan;
}

/** Builds a plan into a tfjs model (allocating and initialising its weights). */
export function buildPlan(plan: ModelPlan): tf.Sequential {
  if (!isModelPlan(plan)) {
    throw new Error(
      `buildPlan: plan must be a ModelPlan ({ name, inputShape, makeLayers }), got ${describeValue(plan)}. ` +
        "Pass e.g. lenet5Plan() or vggPlan({ depth: 16 }).",
    );
  }
  plan.inputShape.forEach((size, i) =>
    requireWholeNumber("buildPlan", `plan.inputShape[${i}]`, size, 1, "Use e.g. [28, 28, 1]."),
  );
  // A Sequential model keeps `model.summary()` and `model.add()` working as learners expect.
  const model = tf.sequential({ name: plan.name });
  model.add(tf.layers.inputLayer({ inputShape: plan.inputShape, name: `${plan.name}_input` }));
  for (const layer of plan.makeLayers()) model.add(layer);
  return model;
}
