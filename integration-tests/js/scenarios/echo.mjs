// `echo` without a callback is emitted back as an `echo` event with the same arguments.
import assert from "node:assert/strict";
import { client, connected, once, plain, run } from "./lib/harness.mjs";

run(async ({ url, path }) => {
  const socket = client(url, path, "/");
  await connected(socket);

  const sent = [1, "two", { three: [3, "drei"] }, null];
  const back = once(socket, "echo");
  socket.emit("echo", ...sent);
  const got = await back;
  assert.deepEqual(got, sent);

  const binary = [Buffer.from("binary without ack")];
  const binaryBack = once(socket, "echo");
  socket.emit("echo", ...binary);
  const gotBinary = await binaryBack;
  assert.ok(Buffer.isBuffer(gotBinary[0]), "binary must come back as a Buffer");
  assert.deepEqual(plain(gotBinary), plain(binary));

  return { sent, got, binarySent: plain(binary), binaryGot: plain(gotBinary) };
});
