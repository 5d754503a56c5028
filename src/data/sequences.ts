// Sequences for the RNN lesson (17) and toy data for the GAN lesson (16).
export { parseCsv, readCsvFile, csvColumn } from "./csv";
export type { CsvTable } from "./csv";
export { loadStockPrices, monthOfDate } from "./stock-prices";
export type { PriceSeries } from "./stock-prices";
export { loadJargonText, normalizeText } from "./text-corpus";
export {
  slidingWindows,
  splitWindowsByTime,
  concatWindows,
  scaleByLastValue,
  lastValueForecast,
  meanAbsoluteForecastError,
  rootMeanSquaredForecastError,
} from "./series-windows";
export type { SeriesWindows } from "./series-windows";
export { CharVocabulary, buildCharVocabulary, oneHotSequences, nextCharWindows } from "./char-vocabulary";
export { ringPoints } from "./toy-points";
