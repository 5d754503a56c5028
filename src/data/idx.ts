import * as zlib from "zlib";

/**
 * The IDX file format of MNIST and Fashion-MNIST: two zero bytes, a type byte, the
 * number of dimensions, then each dimension as a big-endian uint32, then the values.
 */
export interface IdxArray {
  /** Sizes of the dimensions, e.g. [60000, 28, 28]. */
  shape: number[];
  /** The values (unsigned bytes for both MNIST datasets). */
  data: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

const IDX_TYPES: Record<number, { name: string; bytes: number }> = {
  0x08: { name: "uint8", bytes: 1 },
  0x09: { name: "int8", bytes: 1 },
  0x0b: { name: "int16", bytes: 2 },
  0x0c: { name: "int32", bytes: 4 },
  0x0d: { name: "float32", bytes: 4 },
  0x0e: { name: "float64", bytes: 8 },
};

/** Parses an (uncompressed) IDX file; throws on a bad header or a truncated or overlong body. */
export function parseIdx(bytes: Uint8Array, source = "IDX data"): IdxArray {
  if (!(bytes instanceof Uint8Array)) {
    throw new Error(
      `parseIdx: bytes must be a Uint8Array or Buffer, got ${typeof bytes}. Read the file with fs.readFileSync.`,
    );
  }
  if (bytes.length < 4) {
    throw new Error(
      `parseIdx: ${source} has ${bytes.length} bytes, fewer than the 4-byte IDX header. The file is truncated: reinstall it.`,
    );
  }
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new Error(
      `parseIdx: ${source} does not start with the IDX magic bytes 00 00 (found ${bytes[0]} ${bytes[1]}). Is it still gzip-compressed, or not an IDX file?`,
    );
  }
  const type = IDX_TYPES[bytes[2]];
  if (!type) {
    throw new Error(
      `parseIdx: ${source} has type byte 0x${bytes[2].toString(16)}, which is not an IDX type (0x08, 0x09, 0x0b, 0x0c, 0x0d, 0x0e). The file is not an IDX file.`,
    );
  }
  const rank = bytes[3];
  if (rank === 0) throw new Error(`parseIdx: ${source} declares 0 dimensions; an IDX array needs at least 1.`);
  const headerLength = 4 + 4 * rank;
  if (bytes.length < headerLength) {
    throw new Error(
      `parseIdx: ${source} has ${bytes.length} bytes, but its header alone needs ${headerLength} (${rank} dimensions). The file is truncated: reinstall it.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape: number[] = [];
  for (let d = 0; d < rank; d++) shape.push(view.getUint32(4 + 4 * d, false));
  const count = shape.reduce((a, b) => a * b, 1);
  const expected = headerLength + count * type.bytes;
  if (bytes.length !== expected) {
    const what = bytes.length < expected ? "truncated" : "longer than its header says";
    throw new Error(
      `parseIdx: ${source} is ${what}: shape [${shape.join(", ")}] of ${type.name} needs ${expected} bytes, found ${bytes.length}. ` +
        "Reinstall the dataset (the file is damaged).",
    );
  }
  const body = bytes.subarray(headerLength);
  if (type.name === "uint8") return { shape, data: new Uint8Array(body) };
  if (type.name === "int8")
    return { shape, data: new Int8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.length)) };
  // Wider types are big-endian in IDX.
  const out =
    type.name === "int16"
      ? new Int16Array(count)
      : type.name === "int32"
        ? new Int32Array(count)
        : type.name === "float32"
          ? new Float32Array(count)
          : new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const at = headerLength + i * type.bytes;
    out[i] =
      type.name === "int16"
        ? view.getInt16(at, false)
        : type.name === "int32"
          ? view.getInt32(at, false)
          : type.name === "float32"
            ? view.getFloat32(at, false)
            : view.getFloat64(at, false);
  }
  return { shape, data: out };
}

/** Gunzips bytes when they start with the gzip magic number, with a clear error for a damaged file. */
export function gunzipIfNeeded(bytes: Uint8Array, source: string): Uint8Array {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return zlib.gunzipSync(bytes);
    } catch (error) {
      throw new Error(
        `${source} is a damaged gzip file (${error instanceof Error ? error.message : String(error)}). It is probably truncated: reinstall the dataset.`,
        { cause: error },
      );
    }
  }
  return bytes;
}
