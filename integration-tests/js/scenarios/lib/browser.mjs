// Headless Chromium for the browser scenarios, driven by playwright-core. A scenario that cannot get a browser
// exits 3 with the reason on stderr; the Java test then fails in CI and skips elsewhere, saying why.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CHROMIUM = process.env.SKYSOCKET_CHROMIUM ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** A browser on a fresh profile (Playwright passes the profile as --user-data-dir); exits 3 if it won't start. */
async function launch(profile) {
  try {
    if (Number(process.versions.node.split(".")[0]) < 20) {
      throw new Error(`playwright-core needs Node.js >= 20, this is ${process.version}`);
    }
    const { chromium } = await import("playwright-core");
    return await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 30000,
    });
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    process.stderr.write(`no browser: cannot launch ${CHROMIUM}: ${err.message}\n`,
      () => process.exit(3));
    return new Promise(() => {});
  }
}

/** Runs `use(page, pageErrors)` in a fresh browser and closes it (and its profile) afterwards. */
export async function withBrowser(use) {
  const profile = mkdtempSync(join(tmpdir(), "skysocket-chromium-"));
  const context = await launch(profile);
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const pageErrors = [];
    page.on("pageerror", (err) => pageErrors.push(err.message));
    return await use(page, pageErrors);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
