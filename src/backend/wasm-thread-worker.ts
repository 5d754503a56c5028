// The script each wasm pthread runs under Node (see wasm-threads.ts). tfjs ships this worker's
// code as a string and hands it to the browser as a Blob URL, which Node's worker_threads cannot
// open; here it runs from a file instead.
import * as path from "path";

const workerFile = require.resolve("@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js");
const glueFile = path.join(path.dirname(workerFile), "tfjs-backend-wasm-threaded-simd.js");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { wasmWorkerContents } = require(workerFile) as { wasmWorkerContents: string };

// The worker asks for the wasm glue code as a Blob URL too; the same code sits in the glue file.
URL.createObjectURL = () => glueFile;
URL.revokeObjectURL = () => undefined;

// The shipped text holds "\n" escapes that became real newlines inside string literals; tfjs
// escapes them again before use, and so do we. `require` and `__filename` are what it expects.
new Function("require", "__filename", wasmWorkerContents.replace(/\n/g, "\\n"))(require, __filename);
