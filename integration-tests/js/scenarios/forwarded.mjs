// Two stock clients through a load balancer in front of two gateway nodes (setup from SKYSOCKET_CLIENT:
// `default` = polling, then the websocket upgrade; `polling`; or `websocket`; a cookie jar or none from
// SKYSOCKET_COOKIES). `node forwarded.mjs <proxy-url>`.
// A connects first, then B (the balancer places them on different nodes); each answers an echo, both join room
// `fw`, and each one's `say` reaches the other. At checkpoint `connected` the test looks up who owns what.
import assert from "node:assert/strict";
import { client, clientMode, connected, ack, barrier, collect, checkpoint, upgraded, run } from "./lib/harness.mjs";

run(async ({ url }) => {
  // Generous: the first handshake of a fresh JVM on a shared 2-core machine can take seconds.
  const options = { timeout: 30000 };
  const ready = async (socket) => {
    await connected(socket, 30000);
    return clientMode() === "polling" ? socket.io.engine.transport.name : upgraded(socket, 30000);
  };
  const a = client(url, "/", "/", options);
  const transportA = await ready(a);
  const b = client(url, "/", "/", options);
  const transportB = await ready(b);
  const heard = { a: collect(a, "said"), b: collect(b, "said") };

  assert.deepEqual(await ack(a, "echo", "a", 1), ["a", 1]);
  assert.deepEqual(await ack(b, "echo", "b", 2), ["b", 2]);
  assert.deepEqual(await ack(a, "join", "fw"), ["fw"]);
  assert.deepEqual(await ack(b, "join", "fw"), ["fw"]);
  await checkpoint("connected", { a: a.io.engine.id, b: b.io.engine.id }, { timeoutMs: 100000 });
  assert.deepEqual(await ack(a, "say", { room: "fw", msg: "from a" }), []);
  assert.deepEqual(await ack(b, "say", { room: "fw", msg: "from b" }), []);
  await barrier(a, b);
  return {
    sids: { a: a.io.engine.id, b: b.io.engine.id },
    transports: { a: transportA, b: transportB },
    heard: { a: heard.a.map((args) => args[0].msg), b: heard.b.map((args) => args[0].msg) },
  };
}, { timeoutMs: 100000 });
