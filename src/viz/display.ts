/**
 * Where rich output goes. Inside a tslab kernel it is the notebook; elsewhere
 * (scripts, unit tests) a plain-text fallback, or a recorder installed by a test.
 */
export interface DisplaySink {
  html(html: string): void;
  png(bytes: Uint8Array): void;
  markdown(text: string): void;
  text(text: string): void;
}

/** A sink whose outputs can be overwritten in place (tslab's newDisplay). */
export type UpdatableSink = DisplaySink;

interface TslabModule {
  display: DisplaySink;
  newDisplay(): DisplaySink;
}

let override: { display: DisplaySink; newDisplay: () => UpdatableSink } | undefined;

function insideKernel(): boolean {
  // tslab sets this writer only when a Jupyter kernel is running.
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- tslab is loaded only inside a kernel
    const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };
    return jupyter.lastWriteDisplayData != null;
  } catch {
    return false;
  }
}

const consoleSink: DisplaySink = {
  html: () => console.log("[html output: shown in a notebook]"),
  png: (bytes) => console.log(`[image: ${bytes.length} bytes of PNG, shown in a notebook]`),
  markdown: (text) => console.log(text),
  text: (text) => console.log(text),
};

/** The sink for one-off outputs. */
export function currentDisplay(): DisplaySink {
  if (override) return override.display;
  // eslint-disable-next-line @typescript-eslint/no-var-requires -- tslab is loaded only inside a kernel
  if (insideKernel()) return (require("tslab") as TslabModule).display;
  return consoleSink;
}

/** A fresh sink whose later calls replace its earlier output (live charts). */
export function newUpdatableDisplay(): UpdatableSink {
  if (override) return override.newDisplay();
  // eslint-disable-next-line @typescript-eslint/no-var-requires -- tslab is loaded only inside a kernel
  if (insideKernel()) return (require("tslab") as TslabModule).newDisplay();
  return consoleSink;
}

/** One recorded output, for tests. */
export interface RecordedOutput {
  kind: "html" | "png" | "markdown" | "text";
  value: string | Uint8Array;
  /** Which updatable display produced it (undefined for one-off outputs). */
  displayId?: number;
}

/**
 * Sends every output to an array instead of the notebook, until the returned
 * function is called. Used by tests; lets a script capture figures too.
 */
export function recordDisplays(): { outputs: RecordedOutput[]; stop: () => void } {
  const outputs: RecordedOutput[] = [];
  let nextId = 1;
  const sinkFor = (displayId?: number): DisplaySink => ({
    html: (value) => outputs.push({ kind: "html", value, displayId }),
    png: (value) => outputs.push({ kind: "png", value, displayId }),
    markdown: (value) => outputs.push({ kind: "markdown", value, displayId }),
    text: (value) => outputs.push({ kind: "text", value, displayId }),
  });
  const previous = override;
  override = { display: sinkFor(), newDisplay: () => sinkFor(nextId++) };
  return { outputs, stop: () => (override = previous) };
}
