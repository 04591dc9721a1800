// One fallback gateway client (setup from SKYSOCKET_CLIENT): connects, reports its transport (after the upgrade
// with default options), gets a Buffer back as binary through an ack, then waits at a checkpoint while the Java
// test emits `news` to it from the server side, and reports what arrived.
import assert from "node:assert/strict";
import { client, clientMode, connected, ack, barrier, collect, checkpoint, plain, upgraded, run } from "./lib/harness.mjs";

run(async ({ url }) => {
  const socket = client(url, "/");
  const firstTransport = await new Promise((resolve) => socket.io.once("open", () => resolve(socket.io.engine.transport.name)));
  await connected(socket);
  const engineId = socket.io.engine.id;
  const transport = clientMode() === "polling" ? socket.io.engine.transport.name : await upgraded(socket);
  const news = collect(socket, "news");

  const bytes = Buffer.from([0, 1, 2, 127, 128, 254, 255]);
  const answer = await ack(socket, "echo", bytes, "text");
  assert.ok(Buffer.isBuffer(answer[0]), "a Buffer must come back as binary");
  assert.deepEqual(plain(answer), plain([bytes, "text"]));

  await checkpoint("connected", { engineId, socketId: socket.id });
  await barrier(socket);
  return {
    engineId, socketId: socket.id, firstTransport, transport,
    binaryIsBuffer: Buffer.isBuffer(answer[0]), echoed: plain(answer), news: plain(news),
  };
});
