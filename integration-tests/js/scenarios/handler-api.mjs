// Socket.IO's handler API as a client sees it, on whichever path the test points it at: several listeners of one
// event (the first ack wins), a catch-all listener, packet middleware refusing an event (no ack; the app's error
// listener tells the client), namespace-wide emits, the handshake, `disconnecting` seeing the rooms, a dynamic
// namespace, and a connection that never joins a namespace closed after the connect timeout.
import assert from "node:assert/strict";
import { Manager } from "socket.io-client";
import { client, clientMode, clientOptions, connected, ack, collect, once, run } from "./lib/harness.mjs";

/** An Engine.IO connection that never sends a Socket.IO CONNECT; resolves with how long the server kept it. */
async function neverJoins(url, path) {
  const mode = clientMode();
  const transports = { polling: ["polling"], websocket: ["websocket"] };
  const options = mode === "apigw" ? clientOptions(path, { autoConnect: false })
    : { reconnection: false, autoConnect: false, withCredentials: true, transports: transports[mode] };
  const manager = new Manager(url, options);
  try {
    await new Promise((resolve, reject) => manager.open((err) => (err ? reject(err) : resolve())));
    const openedAt = Date.now();
    const [reason] = await once(manager.engine, "close", 15000);
    return { reason, keptMs: Date.now() - openedAt };
  } finally {
    manager.engine?.close();
  }
}

run(async ({ url, path }) => {
  const a = client(url, path, "/", { auth: { token: "t-1" }, query: { room: "r 1" } });
  const b = client(url, path, "/");
  await Promise.all([connected(a), connected(b)]);
  const socketId = a.id;

  const secondRan = once(a, "second-ran");
  const multi = await ack(a, "multi", 7);
  const [second] = await secondRan;

  const anySeen = once(a, "any-seen");
  const probe = await ack(a, "probe", 1, "two");
  const any = await anySeen;

  const refusal = once(a, "refused");
  const forbidden = await new Promise((resolve) => {
    a.timeout(1500).emit("forbidden", 1, (err, ...answer) => resolve(err ? "no ack" : answer));
  });
  const [refused] = await refusal;

  const allA = once(a, "all");
  const allB = once(b, "all");
  await ack(a, "everyone", "hi");
  const everyone = [await allA, await allB];

  const [handshake] = await ack(a, "handshake");

  assert.deepEqual(await ack(a, "join", "lobby"), ["lobby"]);
  assert.deepEqual(await ack(a, "join", "extra"), ["extra"]);
  assert.deepEqual(await ack(b, "join", "lobby"), ["lobby"]);
  const gone = once(b, "gone");
  const after = once(b, "after");
  a.disconnect();
  const disconnecting = await gone;
  const disconnect = await after;

  const d = client(url, path, "/dyn-42");
  await connected(d);
  const where = await ack(d, "where");
  const unknown = client(url, path, "/dyn-x");
  const unknownError = await once(unknown, "connect_error");

  const timeout = await neverJoins(url, path);
  return { multi, second, probe, any, forbidden, refused, everyone, handshake, socketId,
    disconnecting, disconnect, where, unknownError: unknownError[0].message, timeout };
}, { timeoutMs: 45000 });
