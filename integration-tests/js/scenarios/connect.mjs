// The open packet arrives, `connect` fires with a socket id, and the transport is websocket.
// Checkpoint "connected": the Java test checks the server stored this connection and socket.
import assert from "node:assert/strict";
import { client, connected, checkpoint, ack, run } from "./lib/harness.mjs";

run(async ({ url, path }) => {
  const socket = client(url, path, "/", { autoConnect: false });
  socket.connect(); // creates the Engine.IO socket synchronously; its first packet cannot have arrived yet
  const packets = [];
  socket.io.engine.on("packet", (packet) => packets.push({ type: packet.type, data: packet.data }));
  await connected(socket);

  const open = packets.find((packet) => packet.type === "open");
  assert.ok(open, "no Engine.IO open packet before connect");
  assert.equal(packets[0].type, "open", "the open packet must be the first packet");
  const handshake = JSON.parse(open.data);
  const engineId = socket.io.engine.id;
  const transport = socket.io.engine.transport.name;
  assert.equal(typeof socket.id, "string");
  assert.ok(socket.id.length > 0, "empty socket id");
  assert.equal(transport, "websocket");
  assert.equal(handshake.sid, engineId);

  await checkpoint("connected", { engineId, socketId: socket.id });
  const echoed = await ack(socket, "echo", "after connect");
  assert.deepEqual(echoed, ["after connect"]);
  return { socketId: socket.id, engineId, transport, handshake, echoed };
});
