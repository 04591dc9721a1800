// The demo page in headless Chromium against a Node client on the API Gateway emulator, both in room "lobby".
// `node browser-demo.mjs <ws-url> <stage-path> <gateway-url>`. Exit 3 (message on stderr): no browser to drive
// (Chromium would not launch, or Node is older than playwright-core's 20), so the Java test skips, saying why.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { client, connected, ack, once, run } from "./lib/harness.mjs";

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

run(async ({ url, path }) => {
  const gatewayUrl = process.argv[4];
  assert.ok(gatewayUrl, "usage: node browser-demo.mjs <ws-url> <stage-path> <gateway-url>");
  const profile = mkdtempSync(join(tmpdir(), "skysocket-chromium-"));
  const context = await launch(profile);
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const pageErrors = [];
    page.on("pageerror", (err) => pageErrors.push(err.message));

    // A generous connect timeout: the browser shares a loaded 2-core machine with the whole stack.
    const node = client(url, path, "/", { timeout: 20000 });
    await connected(node, 20000);
    assert.deepEqual(await ack(node, "join", "lobby"), ["lobby"]);

    await page.goto(gatewayUrl + "/", { timeout: 15000 });
    const status = page.locator("#status");
    await status.and(page.locator("[data-id]")).waitFor({ timeout: 15000 });
    const browserId = await status.getAttribute("data-id");

    await page.fill("#room", "lobby");
    await page.click("#join");
    const log = page.locator("#log li");
    await log.filter({ hasText: /^joined lobby$/ }).waitFor({ timeout: 10000 });

    // Node → browser: the page shows "<from>: <msg>".
    assert.deepEqual(await ack(node, "say", { room: "lobby", msg: "hello from node" }), []);
    await log.filter({ hasText: `${node.id}: hello from node` }).waitFor({ timeout: 10000 });

    // Browser → Node: the Node client gets `said`.
    const heard = once(node, "said", 10000);
    await page.fill("#message", "hello from the browser");
    await page.click("#send");
    const [said] = await heard;
    await log.filter({ hasText: /^me: hello from the browser$/ }).waitFor({ timeout: 10000 });

    return {
      browserId,
      nodeId: node.id,
      browserLog: await log.allTextContents(),
      nodeHeard: said,
      pageErrors,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}, { timeoutMs: 90000 });
