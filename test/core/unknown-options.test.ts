// Issue #15, "unknown option keys are ignored": every public options object rejects a key it does
// not know, naming the key, the nearest allowed key and the list. The last test reads the library's
// public signatures with the TypeScript compiler, so a new options parameter cannot be left out here.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import * as tf from "@tensorflow/tfjs";
import * as cl from "../../src";
import { pool2d, poolChannels } from "../../src/ops/pooling";
import { convBnReluLayers, vggBlockLayers } from "../../src/layers/vgg-block";
import { ConnectionTableConv2D } from "../../src/layers/connection-table-conv";
import { inceptionOutputChannels } from "../../src/layers/inception";
import { imageGridHtml } from "../../src/viz/image";
import { randomTransforms, transformMatrix } from "../../src/data/augment";
import { splitFromArrays } from "../../src/data/split";
import { tileImages } from "../../src/core/image";
import { projectRoot, useBackend, tempDir } from "../helpers";

type Case = [name: string, call: () => unknown, key: string, suggestion?: string];

const m = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
];
const k = [
  [1, 0],
  [0, 1],
];
const volume = [m];
const filters = [[k]];
const image: cl.PixelImage = { width: 2, height: 2, channels: 1, data: [0, 0.5, 1, 0.25] };
const box = { x1: 0, y1: 0, x2: 4, y2: 4 };
const layout = { gridSize: 2, boxesPerCell: 1, numClasses: 2, imageWidth: 8, imageHeight: 8 };
const counts = { branch1x1: 1, branch3x3Reduce: 1, branch3x3: 1, branch5x5Reduce: 1, branch5x5: 1, poolProjection: 1 };
const cost = { height: 8, width: 8, inChannels: 2, filters: 2, kernel: 3 };

function input(): tf.SymbolicTensor {
  return tf.input({ shape: [8, 8, 2] });
}

function tinyModel(): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 3, name: "conv" }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 2, activation: "softmax" }),
    ],
  });
  model.compile({ optimizer: "sgd", loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  return model;
}

function cases(): Case[] {
  const model = tinyModel();
  const split = splitFromArrays(
    new Float32Array(2 * 16),
    Int32Array.from([0, 1]),
    { height: 4, width: 4, channels: 1 },
    2,
  );
  const images = tf.zeros([2, 4, 4, 1]) as tf.Tensor4D;
  const g = cl.pointGenerator();
  const d = cl.pointDiscriminator();
  const gan = cl.createGan(g, d);
  const rnn = cl.charRnn({ vocabSize: 3, units: 2 });
  const dir = tempDir("options");
  return [
    ["outputSize", () => cl.outputSize({ input: 5, kernel: 3, strides: 2 } as never), "strides", "stride"],
    ["outputSizeDetails", () => cl.outputSizeDetails({ input: 5, kernel: 3, paddng: 1 } as never), "paddng", "padding"],
    [
      "convOutputShape",
      () => cl.convOutputShape({ inputShape: [5, 5, 1], filters: 1, kernel: 3, strides: 2 } as never),
      "strides",
      "stride",
    ],
    ["pad2d", () => cl.pad2d(m, { top: 1, bottom: 1, left: 1, rigth: 1 } as never), "rigth", "right"],
    ["correlate2d", () => cl.correlate2d(m, k, { strides: 2 } as never), "strides", "stride"],
    ["convolve2d", () => cl.convolve2d(m, k, { dilations: 1 } as never), "dilations", "dilation"],
    ["correlationSteps", () => cl.correlationSteps(m, k, { strides: 1 } as never), "strides", "stride"],
    ["correlationStepsFigure", () => cl.correlationStepsFigure(m, k, { strides: 1 } as never), "strides", "stride"],
    ["im2col", () => cl.im2col(volume, 2, 2, { strides: 1 } as never), "strides", "stride"],
    ["conv2dMulti", () => cl.conv2dMulti(volume, filters, { biases: [1] } as never), "biases", "bias"],
    [
      "conv2dAsMatrixProduct",
      () => cl.conv2dAsMatrixProduct(volume, filters, { biases: [1] } as never),
      "biases",
      "bias",
    ],
    ["pool2d", () => pool2d(m, "max", { size: 1, strides: 1 } as never), "strides", "stride"],
    ["maxPool2d", () => cl.maxPool2d(m, { size: 2, strides: 1 } as never), "strides", "stride"],
    ["avgPool2d", () => cl.avgPool2d(m, { size: 1, rounding: "floor", paddding: 0 } as never), "paddding", "padding"],
    ["minPool2d", () => cl.minPool2d(m, { sise: 1 } as never), "sise", "size"],
    ["poolChannels", () => poolChannels(volume, "avg", { size: 1, strides: 1 } as never), "strides", "stride"],
    [
      "receptiveField",
      () => cl.receptiveField([{ kernel: 3 }, { kernel: 3, strides: 2 } as never]),
      "strides",
      "stride",
    ],
    [
      "convParameterCount",
      () => cl.convParameterCount({ kernel: 3, inChannels: 1, filters: 1, biases: false } as never),
      "biases",
      "bias",
    ],
    [
      "convMultiplyAdds",
      () =>
        cl.convMultiplyAdds({ kernel: 3, inChannels: 1, filters: 1, outHeight: 2, outWidth: 2, stride: 2 } as never),
      "stride",
    ],
    ["denseParameterCount", () => cl.denseParameterCount({ inputs: 3, units: 2, unit: 1 } as never), "unit", "units"],
    [
      "convBnRelu",
      () => cl.convBnRelu(input(), { filters: 2, kernelSize: 3, stride: 2 } as never),
      "stride",
      "strides",
    ],
    [
      "convBnReluLayers",
      () => convBnReluLayers({ filters: 2, kernelSize: 3, name: "a", strides: 2 } as never),
      "strides",
    ],
    [
      "vggBlockLayers",
      () => vggBlockLayers({ convs: 1, filters: 2, name: "b", batchnorm: true } as never),
      "batchnorm",
      "batchNorm",
    ],
    [
      "localResponseNormPixel",
      () => cl.localResponseNormPixel([1, 2], { depthRadious: 1 } as never),
      "depthRadious",
      "depthRadius",
    ],
    ["LocalResponseNormalization", () => new cl.LocalResponseNormalization({ betta: 0.75 } as never), "betta", "beta"],
    [
      "ConnectionTableConv2D",
      () => new ConnectionTableConv2D({ table: [[0]], kernelsize: 5 } as never),
      "kernelsize",
      "kernelSize",
    ],
    ["residualBlock", () => cl.residualBlock(input(), { filters: 2, stride: 2 } as never), "stride", "strides"],
    [
      "bottleneckBlock",
      () => cl.bottleneckBlock(input(), { filters: 2, expansions: 4 } as never),
      "expansions",
      "expansion",
    ],
    ["seBlock", () => cl.seBlock(input(), { reductio: 2 } as never), "reductio", "reduction"],
    [
      "inceptionOutputChannels",
      () => inceptionOutputChannels({ ...counts, poolProj: 1 } as never, 2),
      "poolProj",
      "poolProjection",
    ],
    ["inceptionModule", () => cl.inceptionModule(input(), { ...counts, reduced: false } as never), "reduced", "reduce"],
    ["separableConv", () => cl.separableConv(input(), { filters: 2, stride: 1 } as never), "stride", "strides"],
    ["standardConvCost", () => cl.standardConvCost({ ...cost, strides: 2 } as never), "strides", "stride"],
    [
      "depthwiseConvCost",
      () => cl.depthwiseConvCost({ ...cost, depthMultiplyer: 1 } as never),
      "depthMultiplyer",
      "depthMultiplier",
    ],
    ["pointwiseConvCost", () => cl.pointwiseConvCost({ ...cost, biases: true } as never), "biases", "bias"],
    ["separableConvCost", () => cl.separableConvCost({ ...cost, paddding: "same" } as never), "paddding", "padding"],
    [
      "recalibrateBatchNorm",
      () => cl.recalibrateBatchNorm(model, images, { batchsize: 2 } as never),
      "batchsize",
      "batchSize",
    ],
    ["lenet5Plan", () => cl.lenet5Plan({ activaton: "relu" } as never), "activaton", "activation"],
    ["lenet5", () => cl.lenet5({ pool: "max" } as never), "pool", "pooling"],
    ["alexnetPlan", () => cl.alexnetPlan({ sise: "small" } as never), "sise", "size"],
    ["alexnet", () => cl.alexnet({ size: "small", dropuot: 0.5 } as never), "dropuot", "dropout"],
    ["vggPlan", () => cl.vggPlan({ depht: 11 } as never), "depht", "depth"],
    ["vgg", () => cl.vgg({ size: "small", batchnorm: true } as never), "batchnorm", "batchNorm"],
    ["googlenet", () => cl.googlenet({ widht: 0.25 } as never), "widht", "width"],
    ["resnetDepth", () => cl.resnetDepth({ depth: 18, shortcut: false } as never), "shortcut", "shortcuts"],
    ["resnet", () => cl.resnet({ depth: 18, stemStride: 2 } as never), "stemStride", "stemStrides"],
    ["seResnet", () => cl.seResnet({ depth: 18, reduction: 8 } as never), "reduction"],
    ["mobilenetLike", () => cl.mobilenetLike({ seperable: false } as never), "seperable", "separable"],
    ["measureInference", () => cl.measureInference(() => tf.zeros([1]), { repeat: 3 } as never), "repeat", "repeats"],
    ["dcganGenerator", () => cl.dcganGenerator({ latentDims: 8 } as never), "latentDims", "latentDim"],
    ["dcganDiscriminator", () => cl.dcganDiscriminator({ imageSise: 28 } as never), "imageSise", "imageSize"],
    ["pointGenerator", () => cl.pointGenerator({ hiddenUnit: 8 } as never), "hiddenUnit", "hiddenUnits"],
    ["pointDiscriminator", () => cl.pointDiscriminator({ hidenUnits: 8 } as never), "hidenUnits", "hiddenUnits"],
    ["createGan", () => cl.createGan(g, d, { learningrate: 1e-3 } as never), "learningrate", "learningRate"],
    ["ganTrainStep", () => cl.ganTrainStep(gan, tf.zeros([2, 2]), { sed: 1 } as never), "sed", "seed"],
    ["imageMosaic", () => cl.imageMosaic(images, { column: 2 } as never), "column", "columns"],
    ["tileImages", () => tileImages([image], { column: 2 } as never), "column", "columns"],
    ["charRnn", () => cl.charRnn({ vocabSize: 3, units: 2, cells: "lstm" } as never), "cells", "cell"],
    ["rnnForecaster", () => cl.rnnForecaster({ windowLength: 3, units: 2, unit: 1 } as never), "unit", "units"],
    [
      "generateIds",
      () => cl.generateIds(rnn, [0], 3, { length: 1, temprature: 1 } as never),
      "temprature",
      "temperature",
    ],
    [
      "saveModelToFile",
      () => cl.saveModelToFile(model, path.join(dir, "m"), { overwite: true } as never),
      "overwite",
      "overwrite",
    ],
    ["readModelMetadata", () => cl.readModelMetadata(dir, { howToRebuld: "" } as never), "howToRebuld", "howToRebuild"],
    ["loadModelFromFile", () => cl.loadModelFromFile(dir, { rebuild: "" } as never), "rebuild"],
    ["baseNetwork", () => cl.baseNetwork({ class: 10 } as never), "class", "classes"],
    [
      "withNewHead",
      () => cl.withNewHead(model, { classes: 2, featureLayr: "conv" } as never),
      "featureLayr",
      "featureLayer",
    ],
    [
      "loadImage",
      () => cl.loadImage(path.join(projectRoot, "datasets/images/fruits.jpg"), { channel: 1 } as never),
      "channel",
      "channels",
    ],
    ["resizeImage", () => cl.resizeImage(image, { width: 1, height: 1, w: 1 } as never), "w", "width"],
    ["cropImage", () => cl.cropImage(image, { x: 0, y: 0, width: 1, height: 1, h: 1 } as never), "h", "height"],
    [
      "saveImage",
      () => cl.saveImage(path.join(dir, "x.png"), image, { overwite: true } as never),
      "overwite",
      "overwrite",
    ],
    ["toPng", () => cl.toPng(image, { zom: 2 } as never), "zom", "zoom"],
    ["loadMnist", () => cl.loadMnist({ traniSize: 100 } as never), "traniSize", "trainSize"],
    ["loadFashionMnist", () => cl.loadFashionMnist({ testSise: 10 } as never), "testSise", "testSize"],
    ["transformMatrix", () => transformMatrix({ rotaton: 10 } as never, 4, 4), "rotaton", "rotation"],
    [
      "transformImages (transform)",
      () => cl.transformImages(images, [{ rotaton: 10 } as never, {}]),
      "rotaton",
      "rotation",
    ],
    [
      "transformImages (options)",
      () => cl.transformImages(images, [{}, {}], { fillmode: "wrap" } as never),
      "fillmode",
      "fillMode",
    ],
    ["randomTransforms", () => randomTransforms(1, 4, 4, { rotaton: 10 } as never), "rotaton", "rotation"],
    ["augmentImages", () => cl.augmentImages(images, { rotaton: 10 } as never), "rotaton", "rotation"],
    ["makeColorShapes", () => cl.makeColorShapes({ cout: 20 } as never), "cout", "count"],
    ["loadJargonText", () => cl.loadJargonText({ normalise: true } as never), "normalise", "normalize"],
    ["ringPoints", () => cl.ringPoints(4, { radious: 1 } as never), "radious", "radius"],
    ["LiveChart", () => new cl.LiveChart({ titel: "x" } as never), "titel", "title"],
    ["showImage", () => cl.showImage(image, { zom: 2 } as never), "zom", "zoom"],
    ["imageGridHtml", () => imageGridHtml([image], { label: ["a"] } as never), "label", "labels"],
    ["imageGrid", () => cl.imageGrid([image], { colums: 1 } as never), "colums", "columns"],
    ["heatmapFigure", () => cl.heatmapFigure(m, { titel: "x" } as never), "titel", "title"],
    ["heatmap", () => cl.heatmap(m, { xlabels: ["a"] } as never), "xlabels", "xLabels"],
    [
      "lineChartFigure",
      () => cl.lineChartFigure([{ name: "a", x: [1], y: [1] }], { title: "t", heigth: 300 } as never),
      "heigth",
      "height",
    ],
    [
      "showLineChart",
      () => cl.showLineChart([{ name: "a", x: [1], y: [1], doted: true } as never], { title: "t" }),
      "doted",
      "dotted",
    ],
    [
      "barChartFigure",
      () => cl.barChartFigure([{ x: ["a"], y: [1] }], { title: "t", hieght: 300 } as never),
      "hieght",
      "height",
    ],
    ["showBarChart", () => cl.showBarChart([{ x: ["a"], y: [1], nmae: "a" } as never], { title: "t" }), "nmae", "name"],
    [
      "pointCloudFigure",
      () => cl.pointCloudFigure([{ name: "a", points: [[0, 0]] }], { title: "t", rnage: 2 } as never),
      "rnage",
      "range",
    ],
    [
      "channelHeatmapFigure",
      () => cl.channelHeatmapFigure(m, { channel: 0, title: "t", annotated: true } as never),
      "annotated",
      "annotate",
    ],
    [
      "kernelPositionsFigure",
      () => cl.kernelPositionsFigure({ input: 5, kernel: 3, strides: 2 } as never),
      "strides",
      "stride",
    ],
    ["poolingWindowsFigure", () => cl.poolingWindowsFigure(m, { size: 1, strides: 1 } as never), "strides", "stride"],
    ["showModelSummary", () => cl.showModelSummary(model, { charts: false } as never), "charts", "chart"],
    ["evaluate", () => cl.evaluate(model, split, { batch: 2 } as never), "batch", "batchSize"],
    ["confusionMatrix", () => cl.confusionMatrix(model, split, { batchsize: 2 } as never), "batchsize", "batchSize"],
    ["fit", () => cl.fit(model, split, { epochs: 1, batchsize: 2 } as never), "batchsize", "batchSize"],
    [
      "fit (augment)",
      () => cl.fit(model, split, { epochs: 1, chart: false, augment: { rotaton: 10 } } as never),
      "rotaton",
      "rotation",
    ],
    [
      "nonMaxSuppression",
      () => cl.nonMaxSuppression([box], [1], { iouTreshold: 0.5 } as never),
      "iouTreshold",
      "iouThreshold",
    ],
    ["yoloCellLength", () => cl.yoloCellLength({ ...layout, numClass: 2 } as never), "numClass", "numClasses"],
    ["decodeYoloGrid", () => cl.decodeYoloGrid([], { ...layout, gridsize: 2 } as never), "gridsize", "gridSize"],
    [
      "encodeYoloGrid",
      () => cl.encodeYoloGrid([], { ...layout, imageHieght: 8 } as never),
      "imageHieght",
      "imageHeight",
    ],
    [
      "upsampleBilinear",
      () => cl.upsampleBilinear(m, 2, { halfPixelCentres: true } as never),
      "halfPixelCentres",
      "halfPixelCenters",
    ],
    [
      "transposedConvOutputSize",
      () => cl.transposedConvOutputSize({ input: 2, kernel: 2, strides: 2 } as never),
      "strides",
      "stride",
    ],
    [
      "transposedConv2d",
      () => cl.transposedConv2d(m, k, { outputPaddin: 0 } as never),
      "outputPaddin",
      "outputPadding",
    ],
    ["makeShapeScenes", () => cl.makeShapeScenes({ cout: 2 } as never), "cout", "count"],
    ["tinySegmentationNet", () => cl.tinySegmentationNet({ sise: 32 } as never), "sise", "size"],
    ["drawBoxes", () => cl.drawBoxes(image, [], { color: [[1, 0, 0]] } as never), "color", "colours"],
    [
      "filterVisualisation",
      () => cl.filterVisualisation(model, { layerName: "conv", filter: 0, step: 3 } as never),
      "step",
      "steps",
    ],
    [
      "gradCam",
      () => cl.gradCam(model, tf.zeros([4, 4, 1]), { layerName: "conv", clasIndex: 1 } as never),
      "clasIndex",
      "classIndex",
    ],
    [
      "withInputSize",
      () => cl.withInputSize(model, { height: 8, width: 8, upTo: "conv", heigth: 8 } as never),
      "heigth",
      "height",
    ],
  ];
}

let built: Case[] | undefined;
const allCases = (): Case[] => (built ??= cases());

test("every public options object rejects an unknown key, naming it, the nearest key and the keys allowed", async () => {
  await useBackend("cpu");
  const silent: string[] = [];
  for (const [name, call, key, suggestion] of allCases()) {
    let message: string | undefined;
    try {
      await call();
    } catch (error) {
      message = (error as Error).message;
    }
    const expected = new RegExp(
      `unknown key \`${key}\`${suggestion ? ` \\(did you mean \`${suggestion}\`\\?\\)` : "(?! \\(did)"}.*The keys it takes: `,
    );
    if (message === undefined || !expected.test(message)) silent.push(`${name}: ${message ?? "no error"}`);
  }
  assert.deepEqual(silent, [], `these calls did not reject their unknown key:\n${silent.join("\n")}`);
});

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
    );
}

/** Names of the functions and classes any module of src/ exports with a parameter whose type is an object (an options bag or a record). */
function exportedObjectParameters(): Set<string> {
  const files = sourceFiles(path.join(projectRoot, "src")).filter((f) => !/src[\\/](exercises|backend)[\\/]/.test(f));
  const program = ts.createProgram(files, {
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2020,
  });
  const checker = program.getTypeChecker();
  const isObjectParameter = (type: ts.Type): boolean => {
    if (type.isUnion())
      return type.types.some((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) && isObjectParameter(t));
    if (type.isIntersection()) return type.types.some(isObjectParameter);
    if (
      !(type.flags & ts.TypeFlags.Object) ||
      checker.isArrayType(type) ||
      checker.isTupleType(type) ||
      type.getCallSignatures().length
    ) {
      return checker.isArrayType(type) && isObjectParameter(checker.getTypeArguments(type as ts.TypeReference)[0]);
    }
    const declaration = (type.getSymbol() ?? type.aliasSymbol)?.declarations?.[0];
    return !declaration?.getSourceFile().fileName.includes("node_modules"); // tensors, models, typed arrays
  };
  const found = new Set<string>();
  const exports = files.flatMap((f) =>
    checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(f)!)!),
  );
  for (const exported of exports) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.valueDeclaration;
    if (!declaration || !(symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class))) continue;
    if (/src[\\/](exercises|backend)[\\/]/.test(declaration.getSourceFile().fileName)) continue; // owned elsewhere
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    const signatures = symbol.flags & ts.SymbolFlags.Class ? type.getConstructSignatures() : type.getCallSignatures();
    for (const signature of signatures) {
      if (signature.getParameters().some((p) => isObjectParameter(checker.getTypeOfSymbolAtLocation(p, declaration))))
        found.add(exported.name);
    }
  }
  return found;
}

/** Parameters that are records of data, not options: their required keys are checked, extra fields are allowed. */
const DATA_RECORDS: Record<string, string> = {
  buildPlan: "a ModelPlan { name, inputShape, makeLayers }",
  simpleRnnStep: "SimpleRnnWeights read from a layer",
  disposeGan: "the Gan object createGan returned",
  boxArea: "a Box",
  intersectionArea: "two Boxes",
  iou: "two Boxes",
  splitWindowsByTime: "SeriesWindows",
  scaleByLastValue: "SeriesWindows",
  lastValueForecast: "SeriesWindows",
  concatWindows: "SeriesWindows",
  takeExamples: "a Split",
  firstExamples: "a Split",
  disposeSplit: "a Split",
  evaluateMetrics: "a Split",
  predictClasses: "a tensor",
  csvColumn: "a CsvTable",
  show: "a plotly figure (plotly's own schema)",
  plotlyFigureHtml: "a plotly figure",
  ensurePlotlyLoaded: "a display sink",
  modelSummary: "a model or a ModelPlan",
  modelSummaryTableRows: "a ModelSummary",
  modelSummaryFigure: "a ModelSummary",
  imageToTensor: "a PixelImage",
  channelImage: "a PixelImage",
  splitChannels: "a PixelImage",
  channelMatrix: "a PixelImage",
  imageToVolume: "a PixelImage",
  toGrayscale: "a PixelImage",
  toRgba: "a PixelImage",
  autoZoom: "a PixelImage",
  overlayHeatmap: "a PixelImage",
  batchToImages: "a tensor",
  nextSeed: "an Rng",
  verifyBytes: "a FileCheck",
  splitFromPixels: "a shape record",
  splitFromArrays: "a shape record",
  makeDataset: "Splits",
  checkShapes: "a Split",
  pixelImageFromArray: "nested arrays",
  // The checking helpers themselves: their object arguments are written by the library, not by learners.
  meetsRule: "a NumberRule written by the library",
  requireNumber: "a NumberRule written by the library",
  requireOptions: "the options it checks, and its own { name, required } written by the library",
  readVerifiedFile: "a FileCheck",
  checkSplitValues: "a Split",
  requireDatasetOptions: "the loader options it checks (loadMnist's case above)",
  checkedPlan: "a ModelPlan",
  sizeAlongAxis: "outputSize's options (checked there)",
  planWindows: "WindowOptions already checked by each caller",
};

test("the table above covers every exported function that takes an options object", () => {
  const covered = new Set(allCases().map(([name]) => name.split(" ")[0]));
  const missing = [...exportedObjectParameters()].filter((name) => !covered.has(name) && !(name in DATA_RECORDS));
  assert.deepEqual(
    missing,
    [],
    "public functions with an object parameter that no case checks (add a case, or list it as a data record with the reason)",
  );
});
