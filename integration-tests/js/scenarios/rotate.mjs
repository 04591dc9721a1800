// A connection the server rotates (past skysocket.max-connection-age-ms the heartbeat closes its transport, as
// it must before API Gateway's 2-hour limit) is re-established by the client itself; on "/", where the example
// app keeps dropped sockets, with the same socket id (`recovered`).
import assert from "node:assert/strict";
import { client, connected, ack, once, run } from "./lib/harness.mjs";

run(async ({ url, path }) => {
  const socket = client(url, path, "/", { reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 300 });
  const reasons = [];
  socket.on("disconnect", (reason) => reasons.push(reason));
  await connected(socket);
  const first = { engineId: socket.io.engine.id, socketId: socket.id };

  await once(socket.io, "reconnect", 30000);
  await connected(socket);
  const second = { engineId: socket.io.engine.id, socketId: socket.id };
  assert.equal(reasons[0], "transport close", "rotation closes the transport, it never sends a Socket.IO DISCONNECT");
  assert.notEqual(second.engineId, first.engineId);
  assert.equal(second.socketId, first.socketId, "a rotated socket is recovered");
  assert.equal(socket.recovered, true);
  assert.deepEqual(await ack(socket, "echo", "after rotation"), ["after rotation"]);
  return { first, second, reasons: reasons.slice(0, 1) };
}, { timeoutMs: 45000 });
