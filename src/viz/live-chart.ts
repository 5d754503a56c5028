import { describeValue, requireNumber, requireText, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { currentDisplay, newUpdatableDisplay, UpdatableSink } from "./display";
import { ensurePlotlyLoaded, plotlyFigureHtml, PlotlyTrace } from "./plotly";

export interface LiveChartOptions {
  title?: string;
  /** Label of the x axis (default "epoch"). */
  xLabel?: string;
  /**
   * Which panel each series goes to, e.g. { loss: "loss", val_loss: "loss", acc: "accuracy" }.
   * Series not listed get a panel of their own name.
   */
  panels?: Record<string, string>;
  /** Minimum milliseconds between redraws while running (default 250). */
  throttleMs?: number;
  height?: number;
}

const KEYS = optionKeys<LiveChartOptions>()("title", "xLabel", "panels", "throttleMs", "height");

/**
 * A line chart that redraws in place as points arrive (tslab's newDisplay sends
 * update_display_data), e.g. loss and accuracy while a model trains.
 */
export class LiveChart {
  private readonly series = new Map<string, { x: number[]; y: number[] }>();
  private readonly sink: UpdatableSink;
  private lastDraw = 0;
  private readonly divId = `convnet-live-${process.pid}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9)}`;

  constructor(private readonly options: LiveChartOptions = {}) {
    const caller = "LiveChart";
    requireOptions<LiveChartOptions>(caller, options, KEYS, '{ title: "training", panels: { loss: "loss" } }');
    if (options.title !== undefined && typeof options.title !== "string")
      requireText(caller, "title", options.title, "Pass the chart's title as text.");
    if (options.xLabel !== undefined) requireText(caller, "xLabel", options.xLabel, 'Pass e.g. xLabel: "epoch".');
    if (options.panels !== undefined) {
      if (options.panels === null || typeof options.panels !== "object")
        throw new Error(
          `${caller}: panels must map series names to panel names, got ${describeValue(options.panels)}. Pass e.g. { loss: "loss", acc: "accuracy" }.`,
        );
      for (const [series, panel] of Object.entries(options.panels))
        requireText(caller, `panels.${series}`, panel, "Give the panel's name.");
    }
    if (options.throttleMs !== undefined)
      requireNumber(caller, "throttleMs", options.throttleMs, { min: 0, example: 250 });
    if (options.height !== undefined)
      requireWholeNumber(caller, "height", options.height, 100, "Give pixels, e.g. 360.");
    ensurePlotlyLoaded(currentDisplay());
    this.sink = newUpdatableDisplay();
    this.draw();
  }

  /** Adds one point per named series at position x, and redraws if enough time has passed. */
  add(x: number, values: Record<string, number>): void {
    requireNumber("LiveChart.add", "x", x, { fix: "Pass the epoch or step number." });
    if (values === null || typeof values !== "object" || Array.isArray(values)) {
      throw new Error(
        `LiveChart.add: values must be an object of series values like { loss: 0.5 }, got ${describeValue(values)}.`,
      );
    }
    for (const [name, y] of Object.entries(values)) {
      if (typeof y !== "number" || !Number.isFinite(y)) {
        const fix =
          typeof y === "number"
            ? "A NaN or infinite loss means training diverged: lower the learning rate or check the data."
            : "Pass plain numbers (use (await t.data())[0] for a tensor).";
        throw new Error(
          `LiveChart.add: the value of "${name}" at x = ${x} is ${describeValue(y)}; it must be a finite number. ${fix}`,
        );
      }
      const s = this.series.get(name) ?? { x: [], y: [] };
      s.x.push(x);
      s.y.push(y);
      this.series.set(name, s);
    }
    if (Date.now() - this.lastDraw >= (this.options.throttleMs ?? 250)) this.draw();
  }

  /** Draws the final state (always call at the end so no point is left undrawn). */
  finish(): void {
    this.draw();
  }

  /** The recorded points, e.g. to print a final number. */
  values(name: string): number[] {
    return [...(this.series.get(name)?.y ?? [])];
  }

  private panelOf(name: string): string {
    return this.options.panels?.[name] ?? name;
  }

  private draw(): void {
    this.lastDraw = Date.now();
    const panelNames = [...new Set([...this.series.keys()].map((n) => this.panelOf(n)))];
    const count = Math.max(1, panelNames.length);
    const gap = 0.08;
    const width = (1 - gap * (count - 1)) / count;
    const layout: Record<string, unknown> = {
      title: { text: this.options.title ?? "" },
      height: this.options.height ?? 360,
      legend: { orientation: "h", y: -0.2 },
    };
    panelNames.forEach((panel, i) => {
      const suffix = i === 0 ? "" : String(i + 1);
      layout[`xaxis${suffix}`] = {
        domain: [i * (width + gap), i * (width + gap) + width],
        title: { text: this.options.xLabel ?? "epoch" },
        anchor: `y${suffix}`,
      };
      layout[`yaxis${suffix}`] = { title: { text: panel }, anchor: `x${suffix}` };
    });
    const data: PlotlyTrace[] = [...this.series.entries()].map(([name, s]) => {
      const i = panelNames.indexOf(this.panelOf(name));
      const suffix = i <= 0 ? "" : String(i + 1);
      return { type: "scatter", mode: "lines+markers", name, x: s.x, y: s.y, xaxis: `x${suffix}`, yaxis: `y${suffix}` };
    });
    this.sink.html(plotlyFigureHtml({ data, layout }, this.divId));
  }
}

/** A live chart laid out for training: loss on the left, accuracy on the right. */
export function trainingChart(title = "training"): LiveChart {
  return new LiveChart({
    title,
    panels: { loss: "loss", val_loss: "loss", acc: "accuracy", val_acc: "accuracy" },
  });
}
