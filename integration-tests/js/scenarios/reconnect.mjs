// A transport the server closes (Management API DELETE, done by the Java test at checkpoint "connected") is
// re-established by the client itself; on "/", where the example app keeps dropped sockets, with the same socket
// id (`recovered`); an explicit socket.disconnect() is not re-established.
import assert from "node:assert/strict";
import { client, connected, ack, checkpoint, idle, once, run } from "./lib/harness.mjs";

run(async ({ url, path }) => {
  const socket = client(url, path, "/", {
    reconnection: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 300,
    randomizationFactor: 0,
  });
  const events = [];
  socket.on("disconnect", (reason) => events.push(`disconnect:${reason}`));
  socket.io.on("reconnect_attempt", (n) => events.push(`reconnect_attempt:${n}`));
  socket.io.on("reconnect", (n) => events.push(`reconnect:${n}`));
  await connected(socket);
  const first = { engineId: socket.io.engine.id, socketId: socket.id };

  const dropped = once(socket, "disconnect", 15000);
  const reconnected = once(socket.io, "reconnect", 15000);
  await checkpoint("connected", first, { wait: false });
  const [reason] = await dropped;
  await reconnected;
  await connected(socket);
  const second = { engineId: socket.io.engine.id, socketId: socket.id, recovered: socket.recovered };
  assert.equal(reason, "transport close");
  assert.equal(second.socketId, first.socketId, "a recovered socket keeps its id");
  assert.equal(socket.recovered, true);
  assert.notEqual(second.engineId, first.engineId);
  assert.deepEqual(await ack(socket, "echo", "after reconnect"), ["after reconnect"]);

  const marker = events.length;
  const closed = once(socket, "disconnect");
  socket.disconnect();
  const [clientReason] = await closed;
  // Three times the longest reconnection delay: long enough for an attempt that should not happen.
  await idle(900);
  const afterDisconnect = events.slice(marker);
  assert.equal(clientReason, "io client disconnect");
  assert.deepEqual(afterDisconnect, ["disconnect:io client disconnect"], "an explicit disconnect must not reconnect");
  assert.equal(socket.active, false);
  assert.equal(socket.connected, false);

  return { first, second, reason, clientReason, events, afterDisconnect, recovered: second.recovered };
});
