/**
 * convnet-lab's public surface: every name a lesson, a solution, a script or a learner uses, listed
 * here and nowhere else. Notebooks use `import * as cl from "../dist"` (the compiled library, with
 * types). Everything else stays importable from its own module (the tests do so); see
 * CONTRIBUTING.md for the folders and their order.
 */
import * as tf from "@tensorflow/tfjs";

export { tf };

// backend: which tensor engine runs, and how fast.
export { initBackend, backendInfo } from "./backend";
export type { BackendName, BackendInfo, InitBackendOptions } from "./backend";

// core: the picture type every image function shares; matrices and volumes of the ops.
export { pixelImageFromArray } from "./core/image";
export type { PixelImage, PixelScale, TileOptions } from "./core/image";
export type { Matrix, Volume } from "./core/checks";

// ops: from-scratch teaching math on plain arrays (lessons 02–04), and counting (lessons 03–12).
export { outputSize, outputSizeDetails, convOutputShape } from "./ops/output-size";
export type { Padding, Rounding, OutputSizeOptions, OutputSizeDetails, ConvOutputShapeOptions } from "./ops/output-size";
export type { WindowOptions } from "./ops/window-plan";
export { pad2d } from "./ops/padding";
export type { PadAmount } from "./ops/padding";
export { flip180, correlate2d, convolve2d, correlationSteps } from "./ops/correlate";
export type { CorrelationStep } from "./ops/correlate";
export { conv2dMulti } from "./ops/conv-multi";
export type { FilterBank, Conv2dMultiOptions } from "./ops/conv-multi";
export { im2col, matrixMultiply, filtersAsColumns, conv2dAsMatrixProduct } from "./ops/im2col";
export { maxPool2d, avgPool2d, minPool2d, poolChannels, globalAveragePool2d, flattenVolume } from "./ops/pooling";
export type { PoolMode, PoolOptions } from "./ops/pooling";
export { receptiveField } from "./ops/receptive-field";
export type { ReceptiveFieldLayer, ReceptiveFieldRow } from "./ops/receptive-field";
export { hwcToChw, chwToHwc } from "./ops/layout";
export { convParameterCount, convMultiplyAdds, denseParameterCount, standardConvCost, depthwiseConvCost, pointwiseConvCost, separableConvCost } from "./ops/counts";
export type { ConvLayerSize, DenseLayerSize, ConvCostInput, ConvCost, SeparableCost } from "./ops/counts";

// data: datasets, photos, augmentation, batches, sequences.
export { loadImage, resizeImage, cropImage, saveImage, toPng, imageToTensor, tensorToImage, splitChannels, channelMatrix, imageToVolume, toGrayscale } from "./data/image-io";
export { batchToImages, imageMosaic } from "./data/batch-images";
export type { BatchImagesOptions } from "./data/batch-images";
export { loadMnist } from "./data/mnist";
export type { LoadMnistOptions } from "./data/mnist";
export { loadFashionMnist, FASHION_MNIST_CLASS_NAMES } from "./data/fashion-mnist";
export type { LoadFashionMnistOptions } from "./data/fashion-mnist";
export { makeColorShapes } from "./data/color-shapes";
export type { ColorShapesOptions } from "./data/color-shapes";
export { disposeSplit } from "./data/split";
export type { Split, Dataset, DatasetLoadOptions } from "./data/split";
export { takeExamples, firstExamples } from "./data/batches";
export { transformImages, augmentImages } from "./data/augment";
export type { FillMode, ImageTransform, TransformImageOptions, AugmentOptions } from "./data/augment";
export { slidingWindows, splitWindowsByTime, concatWindows, scaleByLastValue, lastValueForecast, meanAbsoluteForecastError, rootMeanSquaredForecastError } from "./data/series-windows";
export type { SeriesWindows } from "./data/series-windows";
export { loadStockPrices } from "./data/stock-prices";
export type { PriceSeries } from "./data/stock-prices";
export { loadJargonText } from "./data/text-corpus";
export { buildCharVocabulary, oneHotSequences, nextCharWindows } from "./data/char-vocabulary";
export type { CharVocabulary } from "./data/char-vocabulary";
export { ringPoints } from "./data/toy-points";
export type { RingPointsOptions } from "./data/toy-points";

// layers: the building blocks of the architectures.
export { convBnRelu } from "./layers/conv-bn-relu";
export type { ConvBnReluOptions } from "./layers/conv-bn-relu";
export { LocalResponseNormalization, localResponseNormPixel } from "./layers/local-response-norm";
export type { LocalResponseNormOptions } from "./layers/local-response-norm";
export { LENET5_C3_TABLE } from "./layers/connection-table-conv";
export { residualBlock, bottleneckBlock } from "./layers/residual";
export type { ResidualBlockOptions, BottleneckBlockOptions } from "./layers/residual";
export { seBlock, seBlockParams } from "./layers/se-block";
export type { SeBlockOptions } from "./layers/se-block";
export { inceptionModule } from "./layers/inception";
export type { InceptionModuleOptions } from "./layers/inception";
export { separableConv } from "./layers/separable";
export type { SeparableConvOptions } from "./layers/separable";
export { recalibrateBatchNorm } from "./layers/batch-norm-calibration";

// models: architectures, plans, counting, saving and loading.
export { buildPlan } from "./models/plan";
export type { ModelPlan } from "./models/plan";
export { lenet5, lenet5Plan, LENET5_MODERN } from "./models/lenet5";
export type { LeNet5Options } from "./models/lenet5";
export { alexnet, alexnetPlan } from "./models/alexnet";
export type { AlexNetOptions } from "./models/alexnet";
export { vgg, vggPlan, VGG_CONFIGS } from "./models/vgg";
export type { VggOptions } from "./models/vgg";
export { googlenet } from "./models/googlenet";
export type { GooglenetOptions } from "./models/googlenet";
export { resnet, seResnet, resnetDepth } from "./models/resnet";
export type { ResnetOptions, ResnetDepth } from "./models/resnet";
export { mobilenetLike } from "./models/mobilenet-like";
export type { MobilenetLikeOptions } from "./models/mobilenet-like";
export { modelSummary, trainableParamCount } from "./models/counting";
export type { ModelSummary, ModelSummaryRow } from "./models/counting";
export { kernelGradientNorms } from "./models/gradient-flow";
export type { LayerGradientNorm } from "./models/gradient-flow";
export { measureInference } from "./models/inference-timing";
export type { InferenceTiming } from "./models/inference-timing";
export { baseNetwork, withNewHead, setTrainable, BASE_FEATURE_LAYER } from "./models/base-network";
export type { NewHeadOptions } from "./models/base-network";
export { saveModelToFile, loadModelFromFile, readModelMetadata, loadBaseModel, baseModelDir, MODEL_JSON } from "./models/io";
export type { SaveModelOptions, SavedModelFiles, LoadModelOptions } from "./models/io";
export { dcganGenerator, dcganDiscriminator } from "./models/dcgan";
export type { DcganOptions } from "./models/dcgan";
export { pointGenerator, pointDiscriminator } from "./models/point-gan";
export type { PointGanOptions } from "./models/point-gan";
export { createGan, latentNoise, ganTrainStep, disposeGan } from "./models/gan-training";
export type { Gan, GanStepResult } from "./models/gan-training";
export { simpleRnnStep } from "./models/rnn-step";
export type { SimpleRnnWeights } from "./models/rnn-step";
export { charRnn, rnnForecaster, generateIds } from "./models/char-rnn";
export type { RecurrentCell, CharRnnOptions, RnnForecasterOptions, GenerateOptions } from "./models/char-rnn";

// viz: what a learner looks at.
export { show, plotlyFigureHtml, ensurePlotlyLoaded } from "./viz/plotly";
export type { PlotlyFigure, PlotlyTrace } from "./viz/plotly";
export { newUpdatableDisplay } from "./viz/display";
export type { UpdatableSink } from "./viz/display";
export { heatmap, heatmapFigure } from "./viz/heatmap";
export type { HeatmapOptions } from "./viz/heatmap";
export { showImage, imageGrid } from "./viz/image";
export type { ImageGridOptions } from "./viz/image";
export { LiveChart, trainingChart } from "./viz/live-chart";
export type { LiveChartOptions } from "./viz/live-chart";
export { showTable, showMarkdown } from "./viz/table";
export type { TableRow } from "./viz/table";
export { showModelSummary } from "./viz/model-summary";
export type { ShowModelSummaryOptions } from "./viz/model-summary";
export { correlationStepsFigure } from "./viz/correlation-steps";

// train: fitting, evaluating, seeding, the lesson size switch.
export { fit } from "./train/fit";
export type { FitOptions, FitResult, BatchAugmenter } from "./train/fit";
export { evaluate, predictClasses, confusionMatrix } from "./train/evaluate";
export { setSeed, clearSeed } from "./train/seed";
export { fullSize, bySize } from "./train/full-size";

// detection: boxes, IoU, NMS, YOLO grids, upsampling, segmentation (lesson 15).
export { iou } from "./detection/boxes";
export type { Box } from "./detection/boxes";
export { nonMaxSuppression } from "./detection/nms";
export type { NmsOptions } from "./detection/nms";
export { yoloCellLength, decodeYoloGrid, encodeYoloGrid } from "./detection/yolo-grid";
export type { YoloGridLayout, YoloDetection, LabelledBox } from "./detection/yolo-grid";
export { upsampleNearest, upsampleBilinear } from "./detection/upsampling";
export type { BilinearOptions } from "./detection/upsampling";
export { transposedConvOutputSize, transposedConv2d } from "./detection/transposed-conv";
export type { TransposedConvSize, TransposedConv2dOptions } from "./detection/transposed-conv";
export { makeShapeScenes } from "./detection/shape-scenes";
export type { ShapeScenesOptions, ShapeScenes } from "./detection/shape-scenes";
export { pixelAccuracy, maskIoU, tinySegmentationNet } from "./detection/segmentation";
export type { SegmentationNetOptions } from "./detection/segmentation";
export { drawBoxes } from "./detection/draw-boxes";
export type { DrawBoxesOptions } from "./detection/draw-boxes";

// inspect: looking inside a trained convnet (lesson 14).
export { activationModel, layerActivations, featureMapImages } from "./inspect/activations";
export { filterVisualisation } from "./inspect/filter-visualisation";
export type { FilterVisualisationOptions, FilterVisualisation } from "./inspect/filter-visualisation";
export { gradCam } from "./inspect/grad-cam";
export type { GradCamOptions, GradCamResult } from "./inspect/grad-cam";
export { overlayHeatmap } from "./inspect/overlay";
export { withInputSize } from "./inspect/input-size";

// exercises: each lesson's exercises register themselves when this module loads.
export { checkExercise, arrayDifferenceNote } from "./exercises";
export type { CheckResult } from "./exercises";
