// Saving and loading models as files, with no network and no tfjs-node: the model is written
// as model.json (architecture + weight manifest) and weights.bin (the weights, float32) in one folder.
import * as tf from "@tensorflow/tfjs";
import * as fs from "fs";
import * as path from "path";
import { describeValue } from "../core/checks";
import { requireOptions } from "../core/options";
import { projectRoot } from "../core/paths";
import { requireModel } from "../core/tensors";

export const MODEL_JSON = "model.json";
export const WEIGHTS_BIN = "weights.bin";

/** How the course's saved base model is rebuilt (printed by every loading error). */
export const REBUILD_BASE_MODEL =
  "Rebuild it with `node scripts/train-base-model.js` in the project folder (a few minutes on a CPU; needs `npm run build` first).";

/** Folder of the base network trained on Fashion-MNIST, reused by the transfer-learning lesson. */
export function baseModelDir(): string {
  return path.join(projectRoot(), "datasets", "models", "fashion-base");
}

export interface SaveModelOptions {
  /** Replace files that already exist (default false: refuse). */
  overwrite?: boolean;
  /** Facts stored in model.json beside the model (how it was trained, its accuracy, ...). */
  metadata?: Record<string, unknown>;
}

export interface SavedModelFiles {
  modelJson: string;
  weights: string;
  /** Size of weights.bin in bytes. */
  weightBytes: number;
}

function requireDirectoryArgument(caller: string, directory: unknown): string {
  if (typeof directory !== "string" || directory.trim() === "") {
    throw new Error(
      `${caller}: directory must be a folder path (string), got ${describeValue(directory)}. Pass e.g. "datasets/models/my-model".`,
    );
  }
  return path.resolve(directory);
}

/** Creates the folder (and its parents) for a save, or says which part of the path is in the way. */
function makeFolder(caller: string, dir: string): void {
  for (let part = dir; ; part = path.dirname(part)) {
    if (fs.existsSync(part)) {
      if (!fs.statSync(part).isDirectory())
        throw new Error(
          `${caller}: cannot create the folder ${dir}: ${part} is a file, not a folder. Save to another path, or move that file.`,
        );
      break;
    }
    if (path.dirname(part) === part) break;
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new Error(
      `${caller}: cannot create the folder ${dir} (${error instanceof Error ? error.message : String(error)}). Save to a folder you can write to.`,
      { cause: error },
    );
  }
}

function joinWeightData(data: tf.io.WeightData | undefined): ArrayBuffer {
  if (data === undefined) return new ArrayBuffer(0);
  return Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data;
}

/**
 * Saves a tfjs LayersModel as `directory/model.json` + `directory/weights.bin` (the same
 * layout tf.io.browserFiles and tfjs-node's file:// handler write). Creates the folder.
 * Never replaces an existing file unless `overwrite: true`.
 */
export async function saveModelToFile(
  model: tf.LayersModel,
  directory: string,
  options: SaveModelOptions = {},
): Promise<SavedModelFiles> {
  const caller = "saveModelToFile";
  requireModel(caller, model);
  requireOptions<SaveModelOptions>(caller, options, ["overwrite", "metadata"], "{ overwrite: true }");
  const dir = requireDirectoryArgument(caller, directory);
  if (
    options.metadata !== undefined &&
    (typeof options.metadata !== "object" || options.metadata === null || Array.isArray(options.metadata))
  ) {
    throw new Error(
      `${caller}: metadata must be a plain object of facts, got ${describeValue(options.metadata)}. Pass e.g. {dataset: "Fashion-MNIST", testAccuracy: 0.87}.`,
    );
  }
  const modelJson = path.join(dir, MODEL_JSON);
  const weights = path.join(dir, WEIGHTS_BIN);
  if (!options.overwrite) {
    for (const file of [modelJson, weights]) {
      if (fs.existsSync(file)) {
        throw new Error(
          `${caller}: ${file} already exists and overwrite is off. Pass {overwrite: true} to replace it, or save to another folder.`,
        );
      }
    }
  }
  makeFolder(caller, dir);
  let weightBytes = 0;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = joinWeightData(artifacts.weightData);
      weightBytes = data.byteLength;
      const json = {
        format: "layers-model",
        generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
        ...(options.metadata ? { userDefinedMetadata: options.metadata } : {}),
      };
      // Write to temporary names first, so a crash never leaves half a model behind.
      fs.writeFileSync(`${weights}.tmp`, Buffer.from(data));
      fs.writeFileSync(`${modelJson}.tmp`, JSON.stringify(json));
      fs.renameSync(`${weights}.tmp`, weights);
      fs.renameSync(`${modelJson}.tmp`, modelJson);
      return {
        modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON", weightDataBytes: data.byteLength },
      };
    }),
  );
  return { modelJson, weights, weightBytes };
}

export interface LoadModelOptions {
  /** A sentence telling the reader how to recreate the files, added to every error. */
  howToRebuild?: string;
}

interface ModelJsonFile {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  userDefinedMetadata?: Record<string, unknown>;
}

const BYTES_PER_VALUE: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

function readModelJson(caller: string, dir: string, rebuild: string): ModelJsonFile {
  const file = path.join(dir, MODEL_JSON);
  if (!fs.existsSync(file)) {
    const what = fs.existsSync(dir) ? `the folder ${dir} has no ${MODEL_JSON}` : `the folder ${dir} does not exist`;
    throw new Error(`${caller}: no saved model there: ${what}. ${rebuild}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(
      `${caller}: ${file} is corrupt (not valid JSON: ${error instanceof Error ? error.message : String(error)}). Delete the folder's model files and recreate them. ${rebuild}`,
      { cause: error },
    );
  }
  const json = parsed as Partial<ModelJsonFile>;
  const manifestOk =
    Array.isArray(json?.weightsManifest) &&
    json.weightsManifest.every(
      (group) =>
        Array.isArray(group?.paths) && group.paths.every((p) => typeof p === "string") && Array.isArray(group?.weights),
    );
  if (typeof json?.modelTopology !== "object" || json.modelTopology === null || !manifestOk) {
    throw new Error(
      `${caller}: ${file} is corrupt: a tfjs model.json needs "modelTopology" (an object) and "weightsManifest" (a list of {paths, weights}). Delete the folder's model files and recreate them. ${rebuild}`,
    );
  }
  return json as ModelJsonFile;
}

/** The metadata stored with a saved model (saveModelToFile's `metadata`), or {} when there is none. */
export function readModelMetadata(directory: string, options: LoadModelOptions = {}): Record<string, unknown> {
  requireOptions<LoadModelOptions>("readModelMetadata", options, ["howToRebuild"], '{ howToRebuild: "Run ..." }');
  const dir = requireDirectoryArgument("readModelMetadata", directory);
  return readModelJson("readModelMetadata", dir, options.howToRebuild ?? "").userDefinedMetadata ?? {};
}

/**
 * Loads a LayersModel saved by saveModelToFile (or any tfjs model.json + weight files)
 * from the local disk, with no network. A missing or damaged file gives an error that
 * says what is wrong and, with `howToRebuild`, how to recreate it.
 */
export async function loadModelFromFile(directory: string, options: LoadModelOptions = {}): Promise<tf.LayersModel> {
  const caller = "loadModelFromFile";
  requireOptions<LoadModelOptions>(caller, options, ["howToRebuild"], '{ howToRebuild: "Run ..." }');
  const dir = requireDirectoryArgument(caller, directory);
  const rebuild = options.howToRebuild ?? "Save the model again with saveModelToFile.";
  const json = readModelJson(caller, dir, rebuild);
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  const buffers: Buffer[] = [];
  for (const name of json.weightsManifest.flatMap((group) => group.paths)) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file))
      throw new Error(`${caller}: ${MODEL_JSON} lists the weight file ${name}, but ${file} is missing. ${rebuild}`);
    buffers.push(fs.readFileSync(file));
  }
  const weightBytes = buffers.reduce((sum, b) => sum + b.length, 0);
  if (weightSpecs.every((spec) => !spec.quantization && BYTES_PER_VALUE[spec.dtype] !== undefined)) {
    const expected = weightSpecs.reduce(
      (sum, spec) => sum + spec.shape.reduce((n, d) => n * d, 1) * BYTES_PER_VALUE[spec.dtype],
      0,
    );
    if (expected !== weightBytes) {
      throw new Error(
        `${caller}: the weight files in ${dir} are corrupt: ${MODEL_JSON} describes ${expected} bytes of weights but the files hold ${weightBytes} (truncated or from another model). ${rebuild}`,
      );
    }
  }
  const all = Buffer.concat(buffers);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
  try {
    return await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs,
        weightData,
        userDefinedMetadata: json.userDefinedMetadata,
      }),
    );
  } catch (error) {
    throw new Error(
      `${caller}: the model in ${dir} could not be rebuilt (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); the files are damaged or were written by an incompatible tfjs. ${rebuild}`,
      { cause: error },
    );
  }
}

/** Loads the course's base network (a small convnet trained on Fashion-MNIST) from datasets/models/fashion-base. */
export async function loadBaseModel(): Promise<tf.LayersModel> {
  return loadModelFromFile(baseModelDir(), { howToRebuild: REBUILD_BASE_MODEL });
}
