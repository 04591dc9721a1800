// Remote sockets across both paths: A and C on the API Gateway emulator, B on the fallback gateway, an admin
// on the path the last argument names. `node remote-sockets.mjs <ws-url> <stage-path> <gateway-url> <apigw|gateway>`.
// members lists a room's "/" sockets wherever they are; gather makes them join another room, which a broadcast
// then reaches on both paths; kick closes every member's connection, on both paths.
import assert from "node:assert/strict";
import { client, gatewayClient, connected, ack, barrier, collect, once, run } from "./lib/harness.mjs";

const token = process.env.SKYSOCKET_ADMIN_TOKEN ?? "admin-secret";

/** Asks `members` until the answer satisfies `done`; bounded, each try a full round trip. */
async function membersUntil(socket, room, done) {
  let last;
  for (let i = 0; i < 50; i++) {
    [last] = await ack(socket, "members", room);
    if (done(last)) {
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`members(${room}) never settled; last ${JSON.stringify(last)}`);
}

run(async ({ url, path }) => {
  const gatewayUrl = process.argv[4];
  const adminOn = process.argv[5] ?? "apigw";
  assert.ok(gatewayUrl, "usage: node remote-sockets.mjs <ws-url> <stage-path> <gateway-url> <apigw|gateway>");
  const a = client(url, path);
  const b = gatewayClient(gatewayUrl, "polling");
  const c = client(url, path);
  const admin = adminOn === "gateway"
    ? gatewayClient(gatewayUrl, "polling", "/admin", { auth: { token } })
    : client(url, path, "/admin", { auth: { token } });
  await Promise.all([connected(a), connected(b), connected(c), connected(admin)]);
  // Taken now: socket.io-client clears a socket's id once it is disconnected.
  const ids = { a: a.id, b: b.id, c: c.id };
  const heard = { a: collect(a, "said"), b: collect(b, "said"), c: collect(c, "said") };

  for (const socket of [a, b]) {
    assert.deepEqual(await ack(socket, "join", "crew"), ["crew"]);
  }
  const crew = [a.id, b.id].sort();
  const membersFromApiGateway = (await ack(c, "members", "crew"))[0];
  const membersFromGateway = (await ack(b, "members", "crew"))[0];

  const gathered = await ack(admin, "gather", { from: "crew", to: "deck" });
  assert.deepEqual(await ack(c, "join", "deck"), ["deck"]);
  const deck = (await ack(c, "members", "deck"))[0];
  assert.deepEqual(await ack(c, "say", { room: "deck", msg: "all hands" }), []);
  await barrier(a, b, c);

  const disconnects = { a: once(a, "disconnect", 10000), b: once(b, "disconnect", 10000) };
  const kicked = await ack(admin, "kick", "crew");
  const reasons = { a: await disconnects.a, b: await disconnects.b };
  const crewAfter = await membersUntil(c, "crew", (ids) => ids.length === 0);
  await barrier(c);

  return {
    ids,
    crew,
    membersFromApiGateway,
    membersFromGateway,
    gathered,
    deck,
    heard,
    kicked,
    reasons,
    engines: { a: a.io.engine.readyState, b: b.io.engine.readyState },
    connected: { a: a.connected, b: b.connected, c: c.connected },
    crewAfter,
  };
});
