// Many events emitted at once, none waiting for another: each sets its own socket.data key or joins its own room.
// API Gateway may handle them all at the same time and in any order; every change must land. The acks say each
// handler has run; then one more event reads the socket's state back, and the Java test checks the store at a
// checkpoint while the client is still connected.
import assert from "node:assert/strict";
import { client, connected, ack, checkpoint, run } from "./lib/harness.mjs";

const COUNT = 40;

run(async ({ url, path }) => {
  const socket = client(url, path, "/");
  await connected(socket);

  const answers = [];
  for (let i = 0; i < COUNT; i++) {
    answers.push(ack(socket, "set", `key${i}`, { i }));
    answers.push(ack(socket, "join", `room${i}`));
  }
  await Promise.all(answers);

  const [state] = await ack(socket, "state");
  for (let i = 0; i < COUNT; i++) {
    assert.deepEqual(state.data[`key${i}`], { i }, `socket.data.key${i}`);
    assert.ok(state.rooms.includes(`room${i}`), `room${i} joined`);
  }
  const ids = { socketId: socket.id, engineId: socket.io.engine.id, count: COUNT };
  await checkpoint("landed", ids);
  return { ...ids, state };
}, { timeoutMs: 60000 });
