// Starts the system Chromium headless through playwright-core (never downloads a browser).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, BrowserContext } from "playwright-core";

/** Flags for a headless Chromium as root on a machine with no network. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

function candidates(): string[] {
  // An explicit CONVNET_CHROMIUM is the only candidate: a wrong path must not fall back silently.
  return process.env.CONVNET_CHROMIUM ? [process.env.CONVNET_CHROMIUM] : CANDIDATES;
}

/** The Chromium executable, or null. CONVNET_CHROMIUM overrides the search. */
export function findChromium(): string | null {
  return candidates().find((candidate) => fs.existsSync(candidate)) ?? null;
}

/** node:test's skip option: a reason when CONVNET_SKIP_BROWSER=1, else false (the test runs and may fail). */
export function browserSkip(): string | false {
  return process.env.CONVNET_SKIP_BROWSER === "1" ? "browser tests skipped (CONVNET_SKIP_BROWSER=1)" : false;
}

/** Throws a clear error when Chromium is missing (tests must not pass silently without it). */
export function requireChromium(): string {
  const found = findChromium();
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates().join(", ")}). Install it (Debian/Ubuntu: sudo apt-get install chromium), ` +
        "point CONVNET_CHROMIUM at a Chromium or Chrome binary, or set CONVNET_SKIP_BROWSER=1 to skip the browser tests.",
    );
  }
  return found;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh headless Chromium with its own throw-away profile folder. */
export async function startChromium(): Promise<Browser> {
  const executablePath = requireChromium();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "convnet-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1200, height: 900 },
    timeout: 60_000,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where screenshots go (test artifacts; out/ is a build folder). */
export function screenshotPath(name: string): string {
  if (!/^[\w.-]+$/.test(name))
    throw new Error(
      `screenshotPath: name ${JSON.stringify(name)} must be a plain file name (letters, digits, '.', '-', '_'). Pass e.g. "site-index".`,
    );
  const dir = path.resolve(__dirname, "..", "..", "..", "out", "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
