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
export async function figureProblems(page: Page, options: { minFigures?: number; timeoutMs?: number } = {}): Promise<string[]> {
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
  const problems = figures.filter((f) => !f.ok).map((f) => `figure ${f.id} did not draw (no svg.main-svg)${f.text ? `; it says: ${f.text}` : ""}`);
  if (figures.length < minFigures) problems.push(`expected at least ${minFigures} plotly figure(s), found ${figures.length}`);
  return problems;
}

/** Every <img> that has not loaded or has no pixels (naturalWidth 0). */
export async function imageProblems(page: Page, options: { minImages?: number } = {}): Promise<string[]> {
  const { minImages = 0 } = options;
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete), undefined, { timeout: 20_000 }).catch(() => undefined);
  const images = await page.evaluate(() =>
    Array.from(document.images).map((img) => ({ src: img.src.slice(0, 80), ok: img.complete && img.naturalWidth > 0 })),
  );
  const problems = images.filter((i) => !i.ok).map((i) => `image ${i.src} did not show (naturalWidth 0)`);
  if (images.length < minImages) problems.push(`expected at least ${minImages} image(s), found ${images.length}`);
  return problems;
}
