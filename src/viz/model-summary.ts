import * as tf from "@tensorflow/tfjs";
import { requireBoolean, requireText } from "../core/checks";
import { requireOptions } from "../core/options";
import { modelSummary, ModelSummary } from "../models/counting";
import { ModelPlan } from "../models/plan";
import { show } from "./plotly";
import { showTable, TableRow } from "./table";

// What a learner looks at of a model summary: the table and the bar chart (the counting is models/counting.ts).

/** "28×28×6" */
export function shapeText(shape: readonly number[]): string {
  return shape.join("×");
}

/** Rows for `showTable`: one per layer and a total row. */
export function modelSummaryTableRows(summary: ModelSummary): TableRow[] {
  const rows: TableRow[] = summary.rows.map((r) => ({
    layer: r.name,
    type: r.type,
    "output shape": shapeText(r.outputShape),
    parameters: r.params,
    "multiply-adds": r.multiplyAdds,
    ...(r.note ? { note: r.note } : {}),
  }));
  rows.push({
    layer: "total",
    type: summary.nonTrainableParams > 0 ? `${summary.trainableParams.toLocaleString("en-US")} trainable` : "",
    "output shape": `input ${shapeText(summary.inputShape)}`,
    parameters: summary.totalParams,
    "multiply-adds": summary.totalMultiplyAdds,
  });
  return rows;
}

/** A plotly figure with two bar charts: parameters per layer (top) and multiply-adds per layer (bottom). */
export function modelSummaryFigure(
  summary: ModelSummary,
  title?: string,
): { data: Record<string, unknown>[]; layout: Record<string, unknown> } {
  const names = summary.rows.map((r) => r.name);
  return {
    data: [
      {
        type: "bar",
        name: "parameters",
        x: names,
        y: summary.rows.map((r) => r.params),
        xaxis: "x",
        yaxis: "y",
        marker: { color: "#1f77b4" },
      },
      {
        type: "bar",
        name: "multiply-adds",
        x: names,
        y: summary.rows.map((r) => r.multiplyAdds),
        xaxis: "x2",
        yaxis: "y2",
        marker: { color: "#ff7f0e" },
      },
    ],
    layout: {
      title: { text: title ?? `${summary.name}: where the parameters and the compute are` },
      grid: { rows: 2, columns: 1, pattern: "independent" },
      yaxis: { title: { text: "parameters" } },
      yaxis2: { title: { text: "multiply-adds" } },
      xaxis: { showticklabels: false },
      height: 520,
      showlegend: true,
    },
  };
}

export interface ShowModelSummaryOptions {
  /** Heading of the table and the chart (default: the model's name). */
  title?: string;
  /** Draw the bar chart of parameters and multiply-adds per layer (default true). */
  chart?: boolean;
}

/** Shows the summary table and (by default) a bar chart of parameters and compute per layer; returns the summary. */
export function showModelSummary(
  model: tf.LayersModel | ModelPlan,
  options: ShowModelSummaryOptions = {},
): ModelSummary {
  requireOptions<ShowModelSummaryOptions>("showModelSummary", options, ["title", "chart"], '{ title: "LeNet-5" }');
  if (options.title !== undefined)
    requireText("showModelSummary", "title", options.title, 'Pass e.g. { title: "LeNet-5" }.');
  if (options.chart !== undefined) requireBoolean("showModelSummary", "chart", options.chart);
  const summary = modelSummary(model);
  const title = options.title ?? summary.name;
  showTable(modelSummaryTableRows(summary), title);
  if (options.chart ?? true) show(modelSummaryFigure(summary, `${title}: parameters and multiply-adds per layer`));
  return summary;
}
