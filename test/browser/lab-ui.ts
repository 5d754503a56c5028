// Driving JupyterLab's own UI from a test: open a notebook, Run All through the menu, save through
// the toolbar, and read the kernel's replies off the websocket (JSON frames on jupyter_server 1.x,
// the v1 binary protocol on 2.x).
import * as http from "http";
import { Page, WebSocket } from "playwright-core";

/** One kernel message seen on the page's kernel websocket. */
export interface KernelMessage {
  msgType: string;
  status?: string;
}

function decodeFrame(
  payload: string | Buffer,
): { header?: { msg_type?: string }; content?: { status?: string } } | null {
  try {
    if (typeof payload === "string") return JSON.parse(payload);
    // v1.kernel.websocket.jupyter.org: uint64 count, uint64 offsets, then channel, header, parent, metadata, content.
    const count = Number(payload.readBigUInt64LE(0));
    const offsets = Array.from({ length: count }, (_, i) => Number(payload.readBigUInt64LE(8 * (i + 1))));
    const part = (i: number) => payload.subarray(offsets[i], offsets[i + 1]).toString("utf8");
    return { header: JSON.parse(part(1)), content: JSON.parse(part(4)) };
  } catch {
    return null;
  }
}

/** Records the kernel messages (execute replies, display updates) the page receives. */
export function recordKernelMessages(page: Page): KernelMessage[] {
  const seen: KernelMessage[] = [];
  page.on("websocket", (ws: WebSocket) => {
    if (!/\/api\/kernels\/[^/]+\/channels/.test(ws.url())) return;
    ws.on("framereceived", ({ payload }) => {
      const msg = decodeFrame(payload);
      const msgType = msg?.header?.msg_type;
      if (msgType === "execute_reply") seen.push({ msgType, status: msg?.content?.status });
      else if (msgType === "update_display_data" || msgType === "display_data") seen.push({ msgType });
    });
  });
  return seen;
}

function getJson(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { timeout: 5000 }, (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => {
          try {
            resolve(JSON.parse(body));
          } catch (error) {
            reject(error);
          }
        });
      })
      .on("error", reject);
  });
}

interface Session {
  path: string;
  kernel: { name: string; execution_state: string } | null;
}

/**
 * Waits until Lab's status bar says the notebook's kernel is idle ("<kernel display name> | Idle",
 * shown only once Lab is connected to a kernel) and the server has a kernel session for
 * notebookPath; returns that kernel's name. (The server's own execution_state can stay "starting":
 * it may miss the kernel's first status messages.)
 */
export async function waitForIdleKernel(
  page: Page,
  base: string,
  token: string,
  notebookPath: string,
  timeoutMs = 90_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = "no session yet";
  while (Date.now() < deadline) {
    const sessions = (await getJson(`${base}/api/sessions?token=${token}`).catch(() => [])) as Session[];
    const kernel = sessions.find((s) => s.path === notebookPath)?.kernel;
    const status = (await page.locator(".jp-StatusBar-Widget", { hasText: "|" }).allTextContents()).join(" ");
    last = `session kernel: ${kernel ? kernel.name : "none"}; status bar: ${status}`;
    if (kernel && /\|\s*Idle/.test(status)) return kernel.name;
    await page.waitForTimeout(300);
  }
  throw new Error(`no idle kernel for ${notebookPath} within ${timeoutMs / 1000} s (${last})`);
}

/** The kernel specs the server offers (names). */
export async function kernelSpecNames(base: string, token: string): Promise<string[]> {
  const specs = (await getJson(`${base}/api/kernelspecs?token=${token}`)) as { kernelspecs: Record<string, unknown> };
  return Object.keys(specs.kernelspecs);
}

let workspaces = 0;

/**
 * Opens a notebook in Lab's UI and waits until its panel shows cells. Each call uses a workspace of
 * its own, so tabs an earlier page left open are not restored beside it.
 */
export async function openInLab(page: Page, base: string, token: string, notebookPath: string): Promise<void> {
  const workspace = `convnet-test-${process.pid}-${++workspaces}`;
  await page.goto(`${base}/lab/workspaces/${workspace}/tree/${notebookPath}?token=${token}`, {
    waitUntil: "load",
    timeout: 60_000,
  });
  await page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").first().waitFor({ timeout: 60_000 });
}

/** Clicks a top menu, then one of its items, as a learner would. */
export async function menu(page: Page, top: string, item: RegExp): Promise<void> {
  await page.locator(".lm-MenuBar-itemLabel", { hasText: new RegExp(`^${top}$`) }).click();
  await page.locator(".lm-Menu-itemLabel", { hasText: item }).first().click();
}

/** Runs all cells through Run → Run All Cells; resolves when `expected` execute replies arrived. */
export async function runAllCells(
  page: Page,
  messages: KernelMessage[],
  expected: number,
  timeoutMs: number,
): Promise<KernelMessage[]> {
  const start = messages.length;
  await menu(page, "Run", /^Run All Cells$/);
  const deadline = Date.now() + timeoutMs;
  while (messages.slice(start).filter((m) => m.msgType === "execute_reply").length < expected) {
    if (Date.now() > deadline) break;
    await page.waitForTimeout(250);
  }
  return messages.slice(start);
}

/** Saves through the notebook toolbar's save button; resolves when Lab says it is saved. */
export async function saveInLab(page: Page): Promise<void> {
  await page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) [data-command="docmanager:save"]').first().click();
  // Lab marks an unsaved document's tab with jp-mod-dirty.
  await page.waitForFunction(() => !document.querySelector(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty"), undefined, {
    timeout: 30_000,
  });
}

/** Runs a command from Lab's command palette by its label (e.g. "Trust Notebook"). */
export async function paletteCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press("Control+Shift+C");
  const input = page.locator(".lm-CommandPalette-input");
  await input.waitFor({ timeout: 10_000 });
  await input.fill(label);
  await page
    .locator(".lm-CommandPalette-item", { hasText: new RegExp(`^${label}`) })
    .first()
    .click();
}
