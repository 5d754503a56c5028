import { describeValue, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";

/** One layer of a stack, as far as receptive fields are concerned. */
export interface ReceptiveFieldLayer {
  name?: string;
  kernel: number;
  stride?: number;
  dilation?: number;
}

const LAYER_KEYS = optionKeys<ReceptiveFieldLayer>()("name", "kernel", "stride", "dilation");

export interface ReceptiveFieldRow {
  name: string;
  kernel: number;
  stride: number;
  dilation: number;
  /** Input pixels (along one axis) that one output cell of this layer depends on. */
  receptiveField: number;
  /** Input pixels between two neighbouring output cells of this layer. */
  jump: number;
}

/**
 * Receptive field (수용 영역) after each layer of a stack, along one axis.
 * Each layer widens it by (effective kernel − 1) times the jump so far:
 * r = r_prev + (d·(k − 1)) · j_prev, and j = j_prev · s.
 */
export function receptiveField(layers: ReceptiveFieldLayer[]): ReceptiveFieldRow[] {
  const caller = "receptiveField";
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new Error(
      `${caller}: layers must be a non-empty array like [{ kernel: 3 }, { kernel: 2, stride: 2 }], got ${describeValue(layers)}.`,
    );
  }
  let field = 1;
  let jump = 1;
  return layers.map((layer, i) => {
    requireOptions<ReceptiveFieldLayer>(caller, layer, LAYER_KEYS, "{ kernel: 3, stride: 1 }", {
      name: `layers[${i}]`,
      required: true,
    });
    const { kernel, stride = 1, dilation = 1 } = layer;
    requireWholeNumber(caller, `layers[${i}].kernel`, kernel, 1);
    requireWholeNumber(caller, `layers[${i}].stride`, stride, 1);
    requireWholeNumber(caller, `layers[${i}].dilation`, dilation, 1);
    field += dilation * (kernel - 1) * jump;
    jump *= stride;
    return { name: layer.name ?? `layer ${i + 1}`, kernel, stride, dilation, receptiveField: field, jump };
  });
}
