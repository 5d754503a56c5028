/**
 * convnet-lab's public surface: every name a lesson, a solution, a script or a learner uses, listed
 * here and nowhere else. Notebooks use `import * as cl from "../dist"` (the compiled library, with
 * types). Everything else stays importable from its own module (the tests do so); see
 * CONTRIBUTING.md for the folders and their order.
 */
import * as tf from "@tensorflow/tfjs";

export { tf };

// backend: which tensor engine runs, and how fast.
export { initBackend, backendInfo, type BackendName, type BackendInfo, type InitBackendOptions } from "./backend";

// core: the picture type every image function shares; matrices and volumes of the ops.
export { pixelImageFromArray, type PixelImage, type PixelScale, type TileOptions } from "./core/image";
export type { Matrix, Volume } from "./core/checks";

// ops: from-scratch teaching math on plain arrays (lessons 02–04), and counting (lessons 03–12).
export {
  outputSize,
  outputSizeDetails,
  convOutputShape,
  type Padding,
  type Rounding,
  type OutputSizeOptions,
  type OutputSizeDetails,
  type ConvOutputShapeOptions,
} from "./ops/output-size";
export type { WindowOptions } from "./ops/window-plan";
export { pad2d, type PadAmount } from "./ops/padding";
export { flip180, correlate2d, convolve2d, correlationSteps, type CorrelationStep } from "./ops/correlate";
export { conv2dMulti, type FilterBank, type Conv2dMultiOptions } from "./ops/conv-multi";
export { im2col, matrixMultiply, filtersAsColumns, conv2dAsMatrixProduct } from "./ops/im2col";
export {
  maxPool2d,
  avgPool2d,
  minPool2d,
  poolChannels,
  globalAveragePool2d,
  flattenVolume,
  type PoolMode,
  type PoolOptions,
} from "./ops/pooling";
export { receptiveField, type ReceptiveFieldLayer, type ReceptiveFieldRow } from "./ops/receptive-field";
export { hwcToChw, chwToHwc } from "./ops/layout";
export {
  convParameterCount,
  convMultiplyAdds,
  denseParameterCount,
  standardConvCost,
  depthwiseConvCost,
  pointwiseConvCost,
  separableConvCost,
  type ConvLayerSize,
  type DenseLayerSize,
  type ConvCostInput,
  type ConvCost,
  type SeparableCost,
} from "./ops/counts";

// data: datasets, photos, augmentation, batches, sequences.
export {
  loadImage,
  resizeImage,
  cropImage,
  saveImage,
  toPng,
  imageToTensor,
  tensorToImage,
  splitChannels,
  channelMatrix,
  imageToVolume,
  toGrayscale,
} from "./data/image-io";
export { batchToImages, imageMosaic, type BatchImagesOptions } from "./data/batch-images";
export { loadMnist, type LoadMnistOptions } from "./data/mnist";
export { loadFashionMnist, FASHION_MNIST_CLASS_NAMES, type LoadFashionMnistOptions } from "./data/fashion-mnist";
export { makeColorShapes, type ColorShapesOptions } from "./data/color-shapes";
export { disposeSplit, type Split, type Dataset, type DatasetLoadOptions } from "./data/split";
export { takeExamples, firstExamples } from "./data/batches";
export {
  transformImages,
  augmentImages,
  type FillMode,
  type ImageTransform,
  type TransformImageOptions,
  type AugmentOptions,
} from "./data/augment";
export {
  slidingWindows,
  splitWindowsByTime,
  concatWindows,
  scaleByLastValue,
  lastValueForecast,
  meanAbsoluteForecastError,
  rootMeanSquaredForecastError,
  type SeriesWindows,
} from "./data/series-windows";
export { loadStockPrices, type PriceSeries } from "./data/stock-prices";
export { loadJargonText } from "./data/text-corpus";
export { buildCharVocabulary, oneHotSequences, nextCharWindows, type CharVocabulary } from "./data/char-vocabulary";
export { ringPoints, type RingPointsOptions } from "./data/toy-points";

// layers: the building blocks of the architectures.
export { convBnRelu, type ConvBnReluOptions } from "./layers/conv-bn-relu";
export {
  LocalResponseNormalization,
  localResponseNormPixel,
  type LocalResponseNormOptions,
} from "./layers/local-response-norm";
export { LENET5_C3_TABLE } from "./layers/connection-table-conv";
export {
  residualBlock,
  bottleneckBlock,
  type ResidualBlockOptions,
  type BottleneckBlockOptions,
} from "./layers/residual";
export { seBlock, seBlockParams, type SeBlockOptions } from "./layers/se-block";
export { inceptionModule, type InceptionModuleOptions } from "./layers/inception";
export { separableConv, type SeparableConvOptions } from "./layers/separable";
export { recalibrateBatchNorm } from "./layers/batch-norm-calibration";

// models: architectures, plans, counting, saving and loading.
export { buildPlan, type ModelPlan } from "./models/plan";
export { lenet5, lenet5Plan, LENET5_MODERN, type LeNet5Options } from "./models/lenet5";
export { alexnet, alexnetPlan, type AlexNetOptions } from "./models/alexnet";
export { vgg, vggPlan, VGG_CONFIGS, type VggOptions } from "./models/vgg";
export { googlenet, type GooglenetOptions } from "./models/googlenet";
export { resnet, seResnet, resnetDepth, type ResnetOptions, type ResnetDepth } from "./models/resnet";
export { mobilenetLike, type MobilenetLikeOptions } from "./models/mobilenet-like";
export { modelSummary, trainableParamCount, type ModelSummary, type ModelSummaryRow } from "./models/counting";
export { kernelGradientNorms, type LayerGradientNorm } from "./models/gradient-flow";
export { measureInference, type InferenceTiming } from "./models/inference-timing";
export { baseNetwork, withNewHead, setTrainable, BASE_FEATURE_LAYER, type NewHeadOptions } from "./models/base-network";
export {
  saveModelToFile,
  loadModelFromFile,
  readModelMetadata,
  loadBaseModel,
  baseModelDir,
  MODEL_JSON,
  type SaveModelOptions,
  type SavedModelFiles,
  type LoadModelOptions,
} from "./models/io";
export { dcganGenerator, dcganDiscriminator, type DcganOptions } from "./models/dcgan";
export { pointGenerator, pointDiscriminator, type PointGanOptions } from "./models/point-gan";
export { createGan, latentNoise, ganTrainStep, disposeGan, type Gan, type GanStepResult } from "./models/gan-training";
export { simpleRnnStep, type SimpleRnnWeights } from "./models/rnn-step";
export {
  charRnn,
  rnnForecaster,
  generateIds,
  type RecurrentCell,
  type CharRnnOptions,
  type RnnForecasterOptions,
  type GenerateOptions,
} from "./models/char-rnn";

// viz: what a learner looks at.
export { show, plotlyFigureHtml, ensurePlotlyLoaded, type PlotlyFigure, type PlotlyTrace } from "./viz/plotly";
export { newUpdatableDisplay, type UpdatableSink } from "./viz/display";
export { heatmap, heatmapFigure, type HeatmapOptions, type HeatmapCells } from "./viz/heatmap";
export { showImage, imageGrid, type ImageGridOptions } from "./viz/image";
export { LiveChart, trainingChart, type LiveChartOptions } from "./viz/live-chart";
export { showTable, showMarkdown, type TableRow } from "./viz/table";
export { showModelSummary, type ShowModelSummaryOptions } from "./viz/model-summary";
export { correlationStepsFigure } from "./viz/correlation-steps";
export { lineChartFigure, showLineChart, type LineSeries, type LineChartOptions } from "./viz/line-chart";
export { barChartFigure, showBarChart, type BarSeries, type BarChartOptions } from "./viz/bar-chart";
export { pointCloudFigure, type PointGroup, type PointCloudOptions } from "./viz/point-cloud";
export { channelHeatmapFigure, type ChannelHeatmapOptions } from "./viz/channel-heatmap";
export { kernelPositionsFigure, type KernelPositionsOptions } from "./viz/kernel-positions";
export { poolingWindowsFigure, type PoolingWindowsOptions } from "./viz/pooling-windows";

// train: fitting, evaluating, seeding, the lesson size switch.
export { fit, type FitOptions, type FitResult, type BatchAugmenter } from "./train/fit";
export { evaluate, predictClasses, confusionMatrix } from "./train/evaluate";
export { setSeed, clearSeed } from "./train/seed";
export { fullSize, bySize } from "./train/full-size";

// detection: boxes, IoU, NMS, YOLO grids, upsampling, segmentation (lesson 15).
export { iou, type Box } from "./detection/boxes";
export { nonMaxSuppression, type NmsOptions } from "./detection/nms";
export {
  yoloCellLength,
  decodeYoloGrid,
  encodeYoloGrid,
  type YoloGridLayout,
  type YoloDetection,
  type LabelledBox,
} from "./detection/yolo-grid";
export { upsampleNearest, upsampleBilinear, type BilinearOptions } from "./detection/upsampling";
export {
  transposedConvOutputSize,
  transposedConv2d,
  type TransposedConvSize,
  type TransposedConv2dOptions,
} from "./detection/transposed-conv";
export { makeShapeScenes, type ShapeScenesOptions, type ShapeScenes } from "./detection/shape-scenes";
export { pixelAccuracy, maskIoU, tinySegmentationNet, type SegmentationNetOptions } from "./detection/segmentation";
export { drawBoxes, type DrawBoxesOptions } from "./detection/draw-boxes";

// inspect: looking inside a trained convnet (lesson 14).
export { activationModel, layerActivations, featureMapImages } from "./inspect/activations";
export {
  filterVisualisation,
  type FilterVisualisationOptions,
  type FilterVisualisation,
} from "./inspect/filter-visualisation";
export { gradCam, type GradCamOptions, type GradCamResult } from "./inspect/grad-cam";
export { overlayHeatmap } from "./inspect/overlay";
export { withInputSize } from "./inspect/input-size";

// exercises: each lesson's exercises register themselves when this module loads.
// check cells: a readable line when a check passes, an error that fails the notebook when it does not.
export { checkExercise, type CheckResult } from "./exercises";
export {
  expectClose,
  expectEqual,
  expectAbove,
  expectAtLeast,
  expectBelow,
  expectAtMost,
  expectThrows,
  maxAbsDifference,
  type NumericValue,
  type ExpectCloseOptions,
} from "./exercises/expect";
// the inputs of the exercises, named exerciseNN_M after exercise NN.M (lesson cells print them).
export { exercise01_1 } from "./exercises/lesson-01";
export { exercise02_1, exercise02_3 } from "./exercises/lesson-02";
export { exercise03_4 } from "./exercises/lesson-03";
export { exercise04_1 } from "./exercises/lesson-04";
export { exercise07_2 } from "./exercises/lesson-07";
export { exercise11_2 } from "./exercises/lesson-11";
export { exercise15_1, exercise15_3 } from "./exercises/lesson-15";
export { exercise17_2, exercise17_3 } from "./exercises/lesson-17";
