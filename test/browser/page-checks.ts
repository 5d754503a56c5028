// What "the page works" means, as functions that return problems (empty = fine), so a test can
// also show that they report a broken page.
import { BrowserContext, Page } from "playwright-core";

/** Records every URL the browser requests in a context. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on("request", (request) => urls.push(request.url()));
  return urls;
}

/** The recorded requests that leave the machine's files: anything but file:, data:, blob:, about:. */
export function networkRequests(urls: string[]): string[] {
  return urls.filter((url) => !/^(file|data|blob|about|chrome-error):/i.test(url));
}

/**
 * Waits until every plotly figure of the page has drawn (its div holds an svg.main-svg with
 * content), up to timeoutMs; returns one problem per figure that did not, or if the page has
 * fewer than minFigures figures.
 */
export async function figureProblems(
  page: Page,
  options: { minFigures?: number; timeoutMs?: number } = {},
): Promise<string[]> {
  const { minFigures = 1, timeoutMs = 20_000 } = options;
  const selector = "div.convnet-plot, div.js-plotly-plot";
  const drawn = () =>
    page.evaluate((sel) => {
      const divs = Array.from(document.querySelectorAll(sel));
      return divs.map((div, i) => {
        const svg = div.querySelector("svg.main-svg");
        const ok = svg !== null && svg.childElementCount > 0 && svg.getBoundingClientRect().width > 0;
        return { id: div.id || `#${i}`, ok, text: (div.textContent ?? "").slice(0, 120) };
      });
    }, selector);
  const deadline = Date.now() + timeoutMs;
  let figures = await drawn();
  while (Date.now() < deadline && (figures.length < minFigures || figures.some((f) => !f.ok))) {
    await page.waitForTimeout(250);
    figures = await drawn();
  }
  const problems = figures
    .filter((f) => !f.ok)
    .map((f) => `figure ${f.id} did not draw (no svg.main-svg)${f.text ? `; it says: ${f.text}` : ""}`);
  if (figures.length < minFigures)
    problems.push(`expected at least ${minFigures} plotly figure(s), found ${figures.length}`);
  return problems;
}

/** Every <img> that has not loaded or has no pixels (naturalWidth 0). */
export async function imageProblems(page: Page, options: { minImages?: number } = {}): Promise<string[]> {
  const { minImages = 0 } = options;
  await page
    .waitForFunction(() => Array.from(document.images).every((img) => img.complete), undefined, { timeout: 20_000 })
    .catch(() => undefined);
  const images = await page.evaluate(() =>
    Array.from(document.images).map((img) => ({ src: img.src.slice(0, 80), ok: img.complete && img.naturalWidth > 0 })),
  );
  const problems = images.filter((i) => !i.ok).map((i) => `image ${i.src} did not show (naturalWidth 0)`);
  if (images.length < minImages) problems.push(`expected at least ${minImages} image(s), found ${images.length}`);
  return problems;
}

/**
 * The live chart titled `title` drew in place: exactly one such figure on the page (updates
 * replaced it rather than adding copies), holding more than one point.
 */
export async function liveChartProblems(page: Page, title: string): Promise<string[]> {
  const charts = await page.evaluate((wanted) => {
    type PlotDiv = HTMLElement & { layout?: { title?: { text?: string } }; data?: { x?: unknown[] }[] };
    return Array.from(document.querySelectorAll<PlotDiv>("div.convnet-plot"))
      .filter((div) => div.layout?.title?.text === wanted)
      .map((div) => (div.data ?? []).reduce((n, trace) => n + (trace.x?.length ?? 0), 0));
  }, title);
  if (charts.length !== 1)
    return [`expected exactly one live chart titled ${JSON.stringify(title)}, found ${charts.length}`];
  return charts[0] > 1 ? [] : [`the live chart ${JSON.stringify(title)} holds ${charts[0]} point(s); it never updated`];
}

/**
 * Checks that `text` (e.g. Korean) renders with real glyphs where `selector` shows it: each
 * character, drawn in that element's font, must differ from the missing-glyph box (tofu) and
 * from each other. Returns problems (empty = fine) and the fonts Chromium used for the text.
 */
export async function glyphProblems(
  page: Page,
  selector: string,
  text: string,
): Promise<{ problems: string[]; fonts: string[] }> {
  const found = await page.evaluate(
    ({ selector, text }) => {
      const host = document.querySelector(selector);
      if (!host) return { error: `no element matches ${selector}` };
      const probe = document.createElement("span");
      probe.setAttribute("data-convnet-glyph-probe", "");
      probe.textContent = text;
      host.appendChild(probe);
      // Off-screen cells may skip rendering (content-visibility), and then report no fonts.
      probe.scrollIntoView({ block: "center" });
      const font = getComputedStyle(probe).font;
      const canvas = document.createElement("canvas");
      canvas.width = 64;
      canvas.height = 64;
      const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
      const draw = (ch: string) => {
        ctx.clearRect(0, 0, 64, 64);
        ctx.font = font.replace(/\d+(\.\d+)?px/, "40px");
        ctx.fillStyle = "#000";
        ctx.fillText(ch, 4, 48);
        const pixels = ctx.getImageData(0, 0, 64, 64).data;
        let ink = 0;
        let signature = "";
        for (let i = 3; i < pixels.length; i += 4) {
          if (pixels[i] > 0) ink++;
          signature += pixels[i] > 127 ? "1" : "0";
        }
        return { ink, signature };
      };
      // U+10FFFD (private use, plane 16): no font has it, so it draws the missing-glyph box.
      const tofu = draw(String.fromCodePoint(0x10fffd));
      const chars = Array.from(text).filter((c) => c.trim() !== "");
      const glyphs = chars.map((c) => ({ c, ...draw(c) }));
      return { font, tofu, glyphs };
    },
    { selector, text },
  );
  if ("error" in found) return { problems: [String(found.error)], fonts: [] };
  const problems: string[] = [];
  for (const g of found.glyphs) {
    if (g.ink === 0) problems.push(`${JSON.stringify(g.c)} draws nothing in ${found.font}`);
    else if (g.signature === found.tofu.signature)
      problems.push(`${JSON.stringify(g.c)} draws as the missing-glyph box (tofu) in ${found.font}`);
  }
  const distinct = new Set(found.glyphs.map((g) => g.signature)).size;
  if (found.glyphs.length > 1 && distinct === 1)
    problems.push(`every character of ${JSON.stringify(text)} draws the same shape (tofu) in ${found.font}`);
  // Which fonts Chromium really used for the probe (CDP), for the report.
  let fonts: string[];
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeId } = await cdp.send("DOM.querySelector", {
      nodeId: root.nodeId,
      selector: "[data-convnet-glyph-probe]",
    });
    const { fonts: used } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    fonts = used.map((f: { familyName: string; glyphCount: number }) => `${f.familyName} (${f.glyphCount} glyphs)`);
    await cdp.detach();
  } catch (error) {
    fonts = [`(fonts unknown: ${(error as Error).message})`];
  }
  await page.evaluate(() => document.querySelectorAll("[data-convnet-glyph-probe]").forEach((e) => e.remove()));
  return { problems, fonts };
}
