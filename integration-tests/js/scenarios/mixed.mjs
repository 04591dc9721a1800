// Both paths in one room: A on the API Gateway emulator (API Gateway options), B on the fallback gateway with
// polling only. `node mixed.mjs <ws-url> <stage-path> <gateway-url>`. Each one's `say` reaches the other.
import assert from "node:assert/strict";
import { client, gatewayClient, connected, ack, barrier, collect, run } from "./lib/harness.mjs";

run(async ({ url, path }) => {
  const gatewayUrl = process.argv[4];
  assert.ok(gatewayUrl, "usage: node mixed.mjs <ws-url> <stage-path> <gateway-url>");
  const a = client(url, path);
  const b = gatewayClient(gatewayUrl, "polling");
  await Promise.all([connected(a), connected(b)]);
  const heard = { a: collect(a, "said"), b: collect(b, "said") };

  assert.deepEqual(await ack(a, "join", "both"), ["both"]);
  assert.deepEqual(await ack(b, "join", "both"), ["both"]);
  assert.deepEqual(await ack(a, "say", { room: "both", msg: "from api gateway" }), []);
  assert.deepEqual(await ack(b, "say", { room: "both", msg: "from the gateway" }), []);
  await barrier(a, b);

  return {
    ids: { a: a.id, b: b.id },
    engines: { a: a.io.engine.id, b: b.io.engine.id },
    transports: { a: a.io.engine.transport.name, b: b.io.engine.transport.name },
    heard,
  };
});
