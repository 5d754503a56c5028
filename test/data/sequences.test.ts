import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { parseCsv, csvColumn } from "../../src/data/csv";
import { loadStockPrices, monthOfDate } from "../../src/data/stock-prices";
import { loadJargonText, normalizeText } from "../../src/data/text-corpus";
import {
  slidingWindows,
  splitWindowsByTime,
  concatWindows,
  scaleByLastValue,
  lastValueForecast,
  meanAbsoluteForecastError,
  rootMeanSquaredForecastError,
} from "../../src/data/series-windows";
import { buildCharVocabulary, CharVocabulary, nextCharWindows, oneHotSequences } from "../../src/data/char-vocabulary";
import { ringPoints } from "../../src/data/toy-points";
import { expectNoLeak, useBackend } from "../helpers";

test("slidingWindows: windows of 2 over [1..5], counted and written out by hand", () => {
  const w = slidingWindows([1, 2, 3, 4, 5], 2);
  assert.deepEqual(w.inputs, [
    [1, 2],
    [2, 3],
    [3, 4],
  ]);
  assert.deepEqual(w.targets, [3, 4, 5]);
  assert.deepEqual(w.targetIndices, [2, 3, 4]);
  const two = slidingWindows([1, 2, 3, 4, 5], 2, 2); // target two steps after the window's end
  assert.deepEqual(two.inputs, [
    [1, 2],
    [2, 3],
  ]);
  assert.deepEqual(two.targets, [4, 5]);
  assert.deepEqual(two.targetIndices, [3, 4]);
});

test("slidingWindows: edge cases — exactly one window, window of 1, and too short a series", () => {
  assert.deepEqual(slidingWindows([7, 8, 9], 2).inputs, [[7, 8]]); // 3 = 2 + 1 values: one window
  assert.deepEqual(slidingWindows([7, 8, 9], 1).inputs, [[7], [8]]);
  assert.deepEqual(slidingWindows(new Float32Array([1, 2, 3]), 2).targets, [3]);
  assert.throws(
    () => slidingWindows([1, 2], 2),
    /series of 2 values has no window of 2 values.*needs at least windowLength \+ horizon = 3/,
  );
  assert.throws(() => slidingWindows([1, 2, 3], 0), /windowLength must be a whole number ≥ 1, got 0/);
  assert.throws(() => slidingWindows([1, 2, 3], 1, 1.5), /horizon must be a whole number ≥ 1, got 1.5/);
  assert.throws(() => slidingWindows([1, NaN, 3], 1), /series\[1\] is NaN/);
  assert.throws(() => slidingWindows(null as unknown as number[], 1), /series must be an array of numbers, got null/);
});

test("splitWindowsByTime / concatWindows: split at the target's index", () => {
  const w = slidingWindows([1, 2, 3, 4, 5], 2); // targets at 2, 3, 4
  const { train, test: held } = splitWindowsByTime(w, 4);
  assert.deepEqual(train.targets, [3, 4]);
  assert.deepEqual(held.inputs, [[3, 4]]);
  assert.deepEqual(held.targetIndices, [4]);
  assert.throws(
    () => splitWindowsByTime(w, 0),
    /firstTestIndex 0 leaves the train split empty: the targets lie at positions \d+ to \d+\. Pick a firstTestIndex from/,
  );
  const both = concatWindows([train, held]);
  assert.deepEqual(both.targets, [3, 4, 5]);
  assert.throws(() => splitWindowsByTime(w, -1), /firstTestIndex must be a whole number ≥ 0, got -1/);
  assert.throws(() => concatWindows([]), /non-empty array/);
  assert.throws(() => splitWindowsByTime({ inputs: [[1]], targets: [], targetIndices: [] }, 1), /same length/);
});

test("scaleByLastValue and lastValueForecast, by hand", () => {
  const s = scaleByLastValue({
    inputs: [
      [2, 4],
      [3, 6],
    ],
    targets: [6, 3],
    targetIndices: [2, 3],
  });
  assert.deepEqual(s.inputs, [
    [0.5, 1],
    [0.5, 1],
  ]);
  assert.deepEqual(s.targets, [1.5, 0.5]);
  assert.deepEqual(s.scales, [4, 6]);
  assert.deepEqual(lastValueForecast(slidingWindows([1, 2, 3, 4, 5], 2)), [2, 3, 4]);
  assert.throws(() => scaleByLastValue({ inputs: [[1, 0]], targets: [1], targetIndices: [2] }), /window 0 ends with 0/);
});

test("forecast errors: MAE and RMSE by hand", () => {
  assert.equal(meanAbsoluteForecastError([1, 2], [2, 4]), 1.5); // (1 + 2) / 2
  assert.equal(rootMeanSquaredForecastError([1, 2], [2, 4]), Math.sqrt(2.5)); // √((1 + 4) / 2)
  assert.throws(() => meanAbsoluteForecastError([1], [1, 2]), /same length, got 1 and 2/);
  assert.throws(() => rootMeanSquaredForecastError([NaN], [1]), /value 0 is not finite/);
});

test("parseCsv: quotes, escaped quotes, CRLF, blank lines; ragged rows rejected", () => {
  const t = parseCsv('a,b\r\n1,"x, y"\r\n\r\n2,"say ""hi"""\n');
  assert.deepEqual(t.header, ["a", "b"]);
  assert.deepEqual(t.rows, [
    ["1", "x, y"],
    ["2", 'say "hi"'],
  ]);
  assert.equal(csvColumn(t, "b"), 1);
  assert.throws(() => csvColumn(t, "c"), /column "c" is not in the header \[a, b\]/);
  assert.throws(() => parseCsv("a,b\n1,2,3\n"), /line 2 has 3 fields but the header has 2/);
  assert.throws(() => parseCsv('a\n"open\n'), /never closed/);
  assert.throws(() => parseCsv(""), /text is empty/);
});

test("loadStockPrices: five symbols; counts and first/last rows as in the file", () => {
  const all = loadStockPrices();
  assert.deepEqual(
    all.map((s) => s.symbol),
    ["MSFT", "AMZN", "IBM", "GOOG", "AAPL"],
  );
  const msft = all[0];
  assert.equal(msft.prices.length, 123); // Jan 2000 … Mar 2010 = 10 × 12 + 3 months
  assert.equal(msft.months[0], "2000-01");
  assert.equal(msft.prices[0], 39.81); // first data line: MSFT,Jan 1 2000,39.81
  const goog = all[3];
  assert.equal(goog.prices.length, 68); // Aug 2004 … Mar 2010 = 5 + 5 × 12 + 3 months
  assert.equal(goog.months[0], "2004-08");
  const aapl = all[4];
  assert.equal(aapl.months[aapl.months.length - 1], "2010-03");
  assert.equal(aapl.prices[aapl.prices.length - 1], 223.02); // last line of the file
  assert.equal(monthOfDate("Dec 1 2009"), "2009-12");
  assert.throws(() => monthOfDate("2009-12-01"), /is not like "Jan 1 2000"/);
});

test("normalizeText and loadJargonText", () => {
  assert.equal(normalizeText("   a\u2019b\n   c\n\n   d\u2014e \u201cf\u201d"), 'a\'b c\nd-e "f"');
  const text = loadJargonText({ normalize: true });
  assert.ok(
    text.startsWith("Chapter 1. Hacker Slang and Hacker Culture\nThis document is a collection of slang terms"),
  );
  assert.ok(/^[\n -~]+$/.test(text), "only ASCII letters, punctuation, spaces and newlines remain");
  assert.ok(loadJargonText().includes("\u2018hacker culture\u2019"), "the raw file keeps its typographic quotes");
  assert.throws(() => normalizeText(3 as unknown as string), /text must be a string, got number/);
  assert.throws(
    () => loadJargonText({ normalize: "yes" as unknown as boolean }),
    /normalize must be one of true, false, got "yes"/,
  );
});

test("CharVocabulary: 'hello' has the alphabet e, h, l, o", () => {
  const v = buildCharVocabulary("hello");
  assert.deepEqual(v.chars, ["e", "h", "l", "o"]);
  assert.equal(v.size, 4);
  assert.deepEqual(v.encode("hell"), [1, 0, 2, 2]);
  assert.equal(v.decode([1, 0, 2, 2, 3]), "hello");
  assert.throws(() => v.encode("help"), /character "p" at position 3 is not in the vocabulary/);
  assert.throws(() => v.decode([4]), /ids\[0\] must be a whole number from 0 to 3, got 4/);
  assert.throws(() => new CharVocabulary(["a", "a"]), /appears twice/);
  assert.throws(() => buildCharVocabulary(""), /non-empty string/);
});

test("oneHotSequences: shape and the positions of the ones; no leak", async () => {
  await useBackend("cpu");
  await expectNoLeak(async () => {
    const x = oneHotSequences(
      [
        [1, 0],
        [2, 2],
      ],
      3,
    );
    assert.deepEqual(x.shape, [2, 2, 3]);
    assert.deepEqual(await x.array(), [
      [
        [0, 1, 0],
        [1, 0, 0],
      ],
      [
        [0, 0, 1],
        [0, 0, 1],
      ],
    ]);
    const h = buildCharVocabulary("hello").oneHot(["he"]);
    assert.deepEqual(await h.array(), [
      [
        [0, 1, 0, 0],
        [1, 0, 0, 0],
      ],
    ]);
    tf.dispose([x, h]);
  });
  assert.throws(() => oneHotSequences([[0, 3]], 3), /sequences\[0\]\[1\] must be a whole number from 0 to 2, got 3/);
  assert.throws(() => oneHotSequences([[0], [0, 1]], 3), /sequence 1 has 2 ids but sequence 0 has 1/);
  assert.throws(() => oneHotSequences([[0]], 0), /vocabSize must be a whole number ≥ 1, got 0/);
});

test("nextCharWindows: target is the input shifted by one", () => {
  assert.deepEqual(nextCharWindows([0, 1, 2, 3, 4], 2), {
    inputs: [
      [0, 1],
      [2, 3],
    ],
    targets: [
      [1, 2],
      [3, 4],
    ],
  });
  assert.deepEqual(nextCharWindows([0, 1, 2, 3, 4], 2, 1).inputs, [
    [0, 1],
    [1, 2],
    [2, 3],
  ]);
  assert.deepEqual(nextCharWindows([5, 6], 1), { inputs: [[5]], targets: [[6]] });
  assert.throws(
    () => nextCharWindows([0, 1], 2),
    /2 ids are too few for one window of 2 plus its next character \(needs 3\)/,
  );
  assert.throws(() => nextCharWindows([0, 1, 2], 1, 0), /step must be a whole number ≥ 1, got 0/);
});

test("ringPoints: on the circle when noise is 0; same seed, same points", () => {
  const exact = ringPoints(50, { radius: 3, noise: 0 });
  for (const [x, y] of exact) assert.ok(Math.abs(Math.hypot(x, y) - 3) < 1e-12);
  assert.deepEqual(ringPoints(5, { seed: 7 }), ringPoints(5, { seed: 7 }));
  assert.notDeepEqual(ringPoints(5, { seed: 7 }), ringPoints(5, { seed: 8 }));
  assert.throws(() => ringPoints(0), /count must be a whole number ≥ 1, got 0/);
  assert.throws(() => ringPoints(3, { radius: -1 }), /radius must be a finite number > 0, got -1/);
});
