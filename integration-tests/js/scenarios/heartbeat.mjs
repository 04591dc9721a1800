// An idle client stays connected for more than 3 x (pingInterval + pingTimeout): the server's pings keep its
// liveness timer from firing, and it answers them.
import assert from "node:assert/strict";
import { client, connected, ack, idle, run } from "./lib/harness.mjs";

const IDLE_FACTOR = 3;

run(async ({ url, path }) => {
  const socket = client(url, path, "/", { autoConnect: false });
  socket.connect();
  let handshake;
  socket.io.engine.on("packet", (packet) => {
    if (packet.type === "open") {
      handshake = JSON.parse(packet.data);
    }
  });
  const pings = [];
  const disconnects = [];
  socket.io.on("ping", () => pings.push(Date.now()));
  socket.on("disconnect", (reason) => disconnects.push(reason));
  await connected(socket);
  const engineId = socket.io.engine.id;

  const idleMs = IDLE_FACTOR * (handshake.pingInterval + handshake.pingTimeout) + 500;
  await idle(idleMs);

  assert.deepEqual(disconnects, [], "an idle client that answers pings must stay connected");
  assert.ok(socket.connected);
  assert.equal(socket.io.engine.id, engineId, "the same connection throughout");
  assert.ok(pings.length >= IDLE_FACTOR, `expected at least ${IDLE_FACTOR} pings, saw ${pings.length}`);
  assert.deepEqual(await ack(socket, "echo", "still here"), ["still here"]);
  return { engineId, handshake, idleMs, pings: pings.length, disconnects };
}, { timeoutMs: 90000 });
