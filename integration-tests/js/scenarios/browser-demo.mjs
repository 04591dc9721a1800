// The demo page in headless Chromium: its two clients (API Gateway path and fallback path) and a Node client on
// the API Gateway emulator, all three in room "lobby", each hearing the others' messages.
// `node browser-demo.mjs <ws-url> <stage-path> <gateway-url>`. Exit 3 (message on stderr): no browser to drive
// (playwright-core missing, Chromium would not launch, or Node older than playwright-core's 20); the Java test
// then fails in CI and skips elsewhere, saying why.
import assert from "node:assert/strict";
import { client, connected, ack, once, run } from "./lib/harness.mjs";
import { withBrowser } from "./lib/browser.mjs";

/** One of the page's two clients: its section is #apigw or #fallback. */
function pane(page, id) {
  const section = page.locator(`#${id}`);
  const status = section.locator(".status");
  const log = section.locator(".log li");
  return {
    /** Waits until connected (on `transport`, when given) and returns the socket id the page shows. */
    async connected(transport) {
      const attribute = transport ? `[data-transport="${transport}"]` : "[data-id]";
      await status.and(page.locator(attribute)).waitFor({ timeout: 20000 });
      return status.getAttribute("data-id");
    },
    transport: () => status.getAttribute("data-transport"),
    async join(room) {
      await section.locator(".room").fill(room);
      await section.locator(".join").click();
      await this.shows(`joined ${room}`);
    },
    async say(msg) {
      await section.locator(".message").fill(msg);
      await section.locator(".send").click();
      await this.shows(`me: ${msg}`);
    },
    shows: (text) => log.filter({ hasText: new RegExp(`^${escape(text)}$`) }).waitFor({ timeout: 10000 }),
    log: () => log.allTextContents(),
  };
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

run(async ({ url, path }) => {
  const gatewayUrl = process.argv[4];
  assert.ok(gatewayUrl, "usage: node browser-demo.mjs <ws-url> <stage-path> <gateway-url>");
  return withBrowser(async (page, pageErrors) => {
    // A generous connect timeout: the browser shares a loaded 2-core machine with the whole stack.
    const node = client(url, path, "/", { timeout: 20000 });
    await connected(node, 20000);
    assert.deepEqual(await ack(node, "join", "lobby"), ["lobby"]);

    await page.goto(gatewayUrl + "/", { timeout: 15000 });
    const apigw = pane(page, "apigw");
    const fallback = pane(page, "fallback");
    const apigwId = await apigw.connected();
    // The fallback client starts on polling; waiting for the upgrade shows the browser's websocket works too.
    const fallbackId = await fallback.connected("websocket");
    await apigw.join("lobby");
    await fallback.join("lobby");

    // API Gateway client → fallback client and Node.
    let heard = once(node, "said", 10000);
    await apigw.say("hello from the API Gateway path");
    await fallback.shows(`${apigwId}: hello from the API Gateway path`);
    const [fromApigw] = await heard;

    // Fallback client → API Gateway client and Node.
    heard = once(node, "said", 10000);
    await fallback.say("hello from the fallback path");
    await apigw.shows(`${fallbackId}: hello from the fallback path`);
    const [fromFallback] = await heard;

    // Node → both clients of the page.
    assert.deepEqual(await ack(node, "say", { room: "lobby", msg: "hello from node" }), []);
    await apigw.shows(`${node.id}: hello from node`);
    await fallback.shows(`${node.id}: hello from node`);

    return {
      apigw: { id: apigwId, transport: await apigw.transport(), log: await apigw.log() },
      fallback: { id: fallbackId, transport: await fallback.transport(), log: await fallback.log() },
      nodeId: node.id,
      nodeHeard: [fromApigw, fromFallback],
      pageErrors,
    };
  });
}, { timeoutMs: 90000 });
