// A page on another origin than the fallback gateway, in headless Chromium, with the stock socket.io-client and
// no withCredentials: its requests carry no cookies, so the polling sessions never see their secret cookie.
// `node cross-origin.mjs <page-url> <gateway-url>`. Client A has the default options (polling, then websocket),
// B `transports: ["polling"]`; each connects, stays on one session, answers an echo with an ack, and the two chat
// in room `xo`. Exit 3: no browser to drive (lib/browser.mjs).
import assert from "node:assert/strict";
import { run } from "./lib/harness.mjs";
import { withBrowser } from "./lib/browser.mjs";

/** Runs in the page: `io` is the bundle the page loaded from the gateway. */
async function converse(gatewayUrl) {
  const until = (emitter, event, ms = 15000) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${event}' within ${ms} ms`)), ms);
    emitter.once(event, (...args) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
  const connected = (socket) => new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", (err) => reject(new Error(`connect_error: ${err.message}`)));
    setTimeout(() => reject(new Error("no connect within 15000 ms")), 15000);
  });
  const a = io(gatewayUrl);
  const b = io(gatewayUrl, { transports: ["polling"], forceNew: true });
  const disconnects = [];
  a.on("disconnect", (reason) => disconnects.push(`a: ${reason}`));
  b.on("disconnect", (reason) => disconnects.push(`b: ${reason}`));
  await Promise.all([connected(a), connected(b)]);
  const engines = [a.io.engine.id, b.io.engine.id];
  if (a.io.engine.transport.name !== "websocket") {
    await until(a.io.engine, "upgrade");
  }
  const echoes = [await a.timeout(8000).emitWithAck("echo", "from a", 1),
    await b.timeout(8000).emitWithAck("echo", "from b", 2)];
  await a.timeout(8000).emitWithAck("join", "xo");
  await b.timeout(8000).emitWithAck("join", "xo");
  let heard = until(b, "said");
  await a.timeout(8000).emitWithAck("say", { room: "xo", msg: "a to b" });
  const [toB] = await heard;
  heard = until(a, "said");
  await b.timeout(8000).emitWithAck("say", { room: "xo", msg: "b to a" });
  const [toA] = await heard;
  const seen = {
    ids: [a.id, b.id],
    transports: [a.io.engine.transport.name, b.io.engine.transport.name],
    sameEngines: a.io.engine.id === engines[0] && b.io.engine.id === engines[1],
    disconnects: [...disconnects], echoes, heard: { a: toA, b: toB }, pageOrigin: location.origin,
  };
  a.disconnect();
  b.disconnect();
  return seen;
}

run(async ({ url }) => {
  const gatewayUrl = process.argv[3];
  assert.ok(gatewayUrl, "usage: node cross-origin.mjs <page-url> <gateway-url>");
  return withBrowser(async (page, pageErrors) => {
    await page.goto(url, { timeout: 15000 });
    const seen = await page.evaluate(converse, gatewayUrl);
    return { ...seen, pageErrors };
  });
}, { timeoutMs: 90000 });
