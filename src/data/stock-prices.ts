import { describeValue } from "../core/checks";
import { datasetFilePath } from "../core/paths";
import { csvColumn, readCsvFile } from "./csv";

/** One company's monthly closing prices, oldest first. */
export interface PriceSeries {
  symbol: string;
  /** "YYYY-MM" of each month. */
  months: string[];
  prices: number[];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Jan 1 2000" → "2000-01" (the format of vega-datasets' stocks.csv). */
export function monthOfDate(date: string): string {
  const match = /^([A-Z][a-z]{2}) \d{1,2} (\d{4})$/.exec(date);
  const month = match ? MONTHS.indexOf(match[1]) : -1;
  if (!match || month < 0) {
    throw new Error(
      `monthOfDate: date ${describeValue(date)} is not like "Jan 1 2000" (month abbreviation, day, year).`,
    );
  }
  return `${match[2]}-${String(month + 1).padStart(2, "0")}`;
}

/**
 * Monthly stock prices 2000–2010 (vega-datasets' stocks.csv, MIT; see datasets/series/README.md),
 * one series per symbol in file order: MSFT, AMZN, IBM, GOOG, AAPL.
 */
export function loadStockPrices(): PriceSeries[] {
  const table = readCsvFile(datasetFilePath("series/stocks.csv", "loadStockPrices"));
  const [s, d, p] = [csvColumn(table, "symbol"), csvColumn(table, "date"), csvColumn(table, "price")];
  const bySymbol = new Map<string, PriceSeries>();
  table.rows.forEach((row, r) => {
    const price = Number(row[p]);
    if (!Number.isFinite(price) || price <= 0) {
      throw new Error(
        `loadStockPrices: line ${r + 2} has price ${describeValue(row[p])}; prices must be positive numbers. The file may be damaged: restore datasets/series/stocks.csv.`,
      );
    }
    const series = bySymbol.get(row[s]) ?? { symbol: row[s], months: [], prices: [] };
    series.months.push(monthOfDate(row[d]));
    series.prices.push(price);
    bySymbol.set(row[s], series);
  });
  for (const series of bySymbol.values()) {
    for (let i = 1; i < series.months.length; i++) {
      if (series.months[i] <= series.months[i - 1]) {
        throw new Error(
          `loadStockPrices: ${series.symbol} has ${series.months[i]} after ${series.months[i - 1]}; months must increase. Restore datasets/series/stocks.csv.`,
        );
      }
    }
  }
  return [...bySymbol.values()];
}
