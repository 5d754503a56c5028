import * as tf from "@tensorflow/tfjs";
import { describeValue, requireChoice, requireWholeNumber } from "../core/checks";
import { LayerBaseOptions, layerBaseOptions } from "./block-checks";

/**
 * LeNet-5's C3 connection table (LeCun et al. 1998, Table I): for each of the 16 C3 feature
 * maps, the S2 maps (0–5) it reads. Six maps read 3 neighbours, six read 4 neighbours, three
 * read 4 non-neighbours and one reads all 6: 60 connections instead of 96.
 */
export const LENET5_C3_TABLE: readonly (readonly number[])[] = [
  [0, 1, 2],
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
  [4, 5, 0],
  [5, 0, 1],
  [0, 1, 2, 3],
  [1, 2, 3, 4],
  [2, 3, 4, 5],
  [3, 4, 5, 0],
  [4, 5, 0, 1],
  [5, 0, 1, 2],
  [0, 1, 3, 4],
  [1, 2, 4, 5],
  [0, 2, 3, 5],
  [0, 1, 2, 3, 4, 5],
];

export interface ConnectionTableConv2DOptions extends LayerBaseOptions {
  /** table[f] lists the input channels output map f reads; its length is the number of filters. */
  table: readonly (readonly number[])[];
  /** Square kernel size (default 5, as in LeNet-5). */
  kernelSize?: number;
  activation?: "tanh" | "relu" | "linear";
}

const OWN_KEYS = ["table", "kernelSize", "activation"] as const;

/**
 * A 'valid', stride-1 convolution in which output map f sees only the input channels listed in
 * table[f] (a sparse connection table, as LeNet-5's C3). It stores one k×k kernel per
 * connection, so its parameter count is connections·k² + filters; the full kernel is assembled
 * in each call by a matrix product with a fixed 0/1 placement matrix (gradients flow through it).
 */
export class ConnectionTableConv2D extends tf.layers.Layer {
  static className = "ConnectionTableConv2D";
  readonly table: number[][];
  readonly kernelSize: number;
  readonly activationName: "tanh" | "relu" | "linear";
  private kernel?: tf.LayerVariable;
  private bias?: tf.LayerVariable;
  private inChannels = 0;

  constructor(options: ConnectionTableConv2DOptions) {
    super(
      layerBaseOptions("ConnectionTableConv2D", options, OWN_KEYS, "{ table: LENET5_C3_TABLE, kernelSize: 5 }", true),
    );
    const table = options.table;
    if (
      !Array.isArray(table) ||
      table.length === 0 ||
      table.some((row) => !Array.isArray(row) || row.length === 0 || row.some((c) => !Number.isInteger(c) || c < 0))
    ) {
      throw new Error(
        `ConnectionTableConv2D: table must be a non-empty array of non-empty arrays of channel indices ≥ 0, got ${describeValue(table)}. ` +
          "Pass e.g. LENET5_C3_TABLE.",
      );
    }
    table.forEach((row, f) => {
      if (new Set(row).size !== row.length)
        throw new Error(
          `ConnectionTableConv2D: table[${f}] lists a channel twice (${describeValue(row)}); list each input channel once.`,
        );
    });
    const kernelSize = requireWholeNumber(
      "ConnectionTableConv2D",
      "kernelSize",
      options.kernelSize ?? 5,
      1,
      "LeNet-5 uses kernelSize: 5.",
    );
    const activation = requireChoice("ConnectionTableConv2D", "activation", options.activation ?? "linear", [
      "tanh",
      "relu",
      "linear",
    ] as const);
    this.table = table.map((row) => [...row]);
    this.kernelSize = kernelSize;
    this.activationName = activation;
  }

  /** Number of (output map, input channel) pairs. */
  get connections(): number {
    return this.table.reduce((s, row) => s + row.length, 0);
  }

  private checkInput(inputShape: tf.Shape): number {
    const channels = Number(inputShape[inputShape.length - 1]);
    const highest = Math.max(...this.table.flat());
    if (inputShape.length !== 4 || highest >= channels) {
      throw new Error(
        `ConnectionTableConv2D: the table reads input channel ${highest}, but the input shape is [${inputShape.map(String).join(", ")}] ` +
          `(${channels} channels, NHWC expected). Use a table whose indices are below the number of input channels.`,
      );
    }
    return channels;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    this.inChannels = this.checkInput(shape);
    const k = this.kernelSize;
    // Glorot-uniform over the connections each output actually has, as for a dense conv.
    const fanIn = k * k * (this.connections / this.table.length);
    const fanOut = k * k * (this.connections / this.inChannels);
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    this.kernel = this.addWeight(
      "kernel",
      [k * k, this.connections],
      "float32",
      tf.initializers.randomUniform({ minval: -limit, maxval: limit }),
    );
    this.bias = this.addWeight("bias", [this.table.length], "float32", tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    this.checkInput(shape);
    const k = this.kernelSize;
    const side = (d: number | null) => (d === null ? null : d - k + 1);
    return [shape[0], side(shape[1]), side(shape[2]), this.table.length];
  }

  /** The 0/1 matrix that puts connection c at (input channel, filter) of a full kernel. */
  private placement(): tf.Tensor2D {
    const filters = this.table.length;
    const values = new Float32Array(this.connections * this.inChannels * filters);
    let c = 0;
    this.table.forEach((row, f) => {
      for (const channel of row) values[c++ * this.inChannels * filters + channel * filters + f] = 1;
    });
    return tf.tensor2d(values, [this.connections, this.inChannels * filters]);
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      const k = this.kernelSize;
      const full = tf
        .matMul(this.kernel!.read() as tf.Tensor2D, this.placement())
        .reshape([k, k, this.inChannels, this.table.length]) as tf.Tensor4D;
      const y = tf.add(tf.conv2d(x, full, 1, "valid"), this.bias!.read());
      if (this.activationName === "tanh") return tf.tanh(y);
      if (this.activationName === "relu") return tf.relu(y);
      return y;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), table: this.table, kernelSize: this.kernelSize, activation: this.activationName };
  }

  /** One multiply-add per connection per kernel tap per output pixel. */
  multiplyAdds(_inputShapes: (number | null)[][], outputShape: (number | null)[]): number {
    return Number(outputShape[1]) * Number(outputShape[2]) * this.connections * this.kernelSize * this.kernelSize;
  }

  paramsBeforeBuild(inputShape: (number | null)[]): { params: number; trainableParams: number } {
    this.checkInput(inputShape);
    const params = this.connections * this.kernelSize * this.kernelSize + this.table.length;
    return { params, trainableParams: this.trainable ? params : 0 };
  }
}
tf.serialization.registerClass(ConnectionTableConv2D);
