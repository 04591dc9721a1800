// The stock client on the fallback gateway without withCredentials: under Node it then keeps no cookies, so the
// polling session's cookie never comes back. `node cookieless.mjs <ws-url> <stage-path> <gateway-url> <setup>`,
// setup `default` (`io(url)`: polling, then the upgrade) or `polling` (`transports: ["polling"]`). B must connect,
// stay on one session (no disconnect, no reconnect), answer echoes with acks and share room `nocookie` with A,
// a client of the API Gateway emulator.
import assert from "node:assert/strict";
import { client, stockClient, connected, ack, barrier, collect, upgraded, run } from "./lib/harness.mjs";

run(async ({ url, path }) => {
  const [gatewayUrl, setup] = process.argv.slice(4);
  assert.ok(gatewayUrl && ["default", "polling"].includes(setup),
    "usage: node cookieless.mjs <ws-url> <stage-path> <gateway-url> <default|polling>");
  const a = client(url, path);
  const b = stockClient(gatewayUrl, setup === "polling" ? { transports: ["polling"] } : undefined);
  const disconnects = collect(b, "disconnect");
  const errors = collect(b, "connect_error");
  await Promise.all([connected(a), connected(b)]);
  const engineId = b.io.engine.id;
  const transport = setup === "polling" ? b.io.engine.transport.name : await upgraded(b);
  const heard = { a: collect(a, "said"), b: collect(b, "said") };

  const echoes = [];
  for (let i = 0; i < 3; i++) {
    echoes.push(await ack(b, "echo", `hello ${i}`, i));
  }
  assert.deepEqual(await ack(a, "join", "nocookie"), ["nocookie"]);
  assert.deepEqual(await ack(b, "join", "nocookie"), ["nocookie"]);
  assert.deepEqual(await ack(a, "say", { room: "nocookie", msg: "from api gateway" }), []);
  assert.deepEqual(await ack(b, "say", { room: "nocookie", msg: "from the gateway" }), []);
  await barrier(a, b);

  return {
    ids: { a: a.id, b: b.id },
    transport,
    sameEngine: b.io.engine.id === engineId,
    disconnects: disconnects.map((args) => args[0]),
    errors: errors.map((args) => args[0].message),
    echoes,
    heard: { a: heard.a.map((args) => args[0]), b: heard.b.map((args) => args[0]) },
  };
});
