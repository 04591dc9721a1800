// Connection state recovery on "/" (the example app keeps dropped sockets): client a joins room "r" and hears
// one `said`; its transport then drops (the Java test's Management API DELETE at checkpoint "connected", or by
// itself: the emulator's idle close, the server's rotation). At checkpoint "dropped" the test waits until the
// server has ended the old connection; then b says 2, 3, 4 to "r" and 5 to a's own id while a is away, a
// reconnects, b says 6. With RECOVERY_EXPECT=recovered (default) a must come back with the same id and
// `recovered`, and hear 1..6 once each, in order, with rising offsets; with RECOVERY_EXPECT=expired (a reconnect
// after the duration) it gets a new id, `recovered` false, and hears only 1 and 6 ... once it rejoins "r".
import assert from "node:assert/strict";
import { ack, barrier, checkpoint, client, connected, once, run } from "./lib/harness.mjs";

const expect = process.env.RECOVERY_EXPECT ?? "recovered";

run(async ({ url, path }) => {
  // a reconnects by hand, so the packets sent while it is away are sent while it is away, not raced.
  const a = client(url, path, "/", { reconnection: false });
  const b = client(url, path, "/", { reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 300 });
  await Promise.all([connected(a), connected(b)]);
  assert.ok(a._pid, "the CONNECT answer of a namespace with recovery carries a pid");
  const first = { socketId: a.id, engineId: a.io.engine.id, recovered: a.recovered };
  const heard = [];
  a.on("said", (said, offset) => heard.push({ msg: said.msg, offset, recovered: a.recovered }));
  assert.deepEqual(await ack(a, "join", "r"), ["r"]);
  assert.deepEqual(await ack(b, "say", { room: "r", msg: 1 }), []);
  await barrier(a);
  assert.equal(heard.length, 1, "a hears the first message live");

  const dropped = once(a, "disconnect", 30000);
  await checkpoint("connected", first, { wait: false });
  const [reason] = await dropped;
  await checkpoint("dropped", { reason });
  for (const msg of [2, 3, 4]) {
    assert.deepEqual(await ack(b, "say", { room: "r", msg }), []);
  }
  assert.deepEqual(await ack(b, "say", { room: first.socketId, msg: 5 }), []);

  a.connect();
  await connected(a);
  const second = { socketId: a.id, engineId: a.io.engine.id, recovered: a.recovered };
  if (expect === "expired") {
    assert.deepEqual(await ack(a, "join", "r"), ["r"]);
  }
  await barrier(a);
  assert.deepEqual(await ack(b, "say", { room: "r", msg: 6 }), []);
  await barrier(a);
  return { first, second, reason, heard };
}, { timeoutMs: 60000 });
