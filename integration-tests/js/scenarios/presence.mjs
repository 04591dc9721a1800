// Presence across both paths with the example app's watch(room) and presence events.
// `node presence.mjs <ws-url> <stage-path> <gateway-url> <watcher: apigw|gateway> <others: apigw|gateway>
//  <vanish-within-ms>`. W watches first, A then watches and leaves the room, B watches and then vanishes: it
// stops answering pings without closing anything, as a client whose network dropped, so the server learns of it
// only through its heartbeat. W must hear joined/left for both.
import assert from "node:assert/strict";
import { client, gatewayClient, connected, ack, collect, upgraded, run } from "./lib/harness.mjs";

/** Resolves once `seen` holds an event matching `match`, polling; bounded by `ms`. */
async function heard(seen, match, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const found = seen.find((args) => match(args[0]));
    if (found) {
      return found[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail(`not heard within ${ms} ms; heard ${JSON.stringify(seen)}`);
}

run(async ({ url, path }) => {
  const [gatewayUrl, watcherOn, othersOn, vanishArg] = process.argv.slice(4);
  assert.ok(gatewayUrl && watcherOn && othersOn && vanishArg, "usage: see the file's first lines");
  const vanishWithin = Number(vanishArg);
  const on = (where) => (where === "gateway" ? gatewayClient(gatewayUrl, "default") : client(url, path));
  const room = `watch-${Math.random().toString(36).slice(2)}`;

  const w = on(watcherOn);
  await connected(w);
  const events = collect(w, "presence");
  const alone = (await ack(w, "watch", room))[0];

  const a = on(othersOn);
  await connected(a);
  const withA = (await ack(a, "watch", room))[0];
  const aJoined = await heard(events, (e) => e.id === a.id && e.state === "joined", 8000);
  const aId = a.id;
  assert.deepEqual(await ack(a, "leave", room), [room]);
  const aLeft = await heard(events, (e) => e.id === aId && e.state === "left", 8000);

  const b = on(othersOn);
  await connected(b);
  const bId = b.id;
  const withB = (await ack(b, "watch", room))[0];
  await heard(events, (e) => e.id === bId && e.state === "joined", 8000);
  if (othersOn === "gateway") {
    await upgraded(b); // a probe in flight would still answer; vanish on the settled transport
  }

  // B vanishes: its engine keeps the transport open but never answers a ping again, and sends nothing else
  // (engine.io-client answers a ping through its _sendPacket; both ways out are shut).
  const engine = b.io.engine;
  engine._sendPacket = () => {};
  engine.sendPacket = () => {};
  const vanishedAt = Date.now();
  const bLeft = await heard(events, (e) => e.id === bId && e.state === "left", vanishWithin);
  const leftAfterMs = Date.now() - vanishedAt;
  const after = (await ack(w, "watch", room))[0];

  // One user (the local stack's `user` query identity), a socket on each path: one member, announced once, and
  // gone only when its last socket has left.
  const carol = [client(url, path, "/", { query: { user: "carol" } }),
    gatewayClient(gatewayUrl, "default", "/", { query: { user: "carol" } })];
  await Promise.all(carol.map((socket) => connected(socket)));
  const firstCarol = carol[0].id;
  const withCarol = (await ack(carol[0], "watch", room))[0];
  const withCarolTwice = (await ack(carol[1], "watch", room))[0];
  await heard(events, (e) => e.id === "carol" && e.state === "joined", 8000);
  carol[0].disconnect();
  for (let i = 0; i < 100; i++) { // until the server has handled that disconnect: its socket left the room
    const [sockets] = await ack(w, "members", room);
    if (!sockets.includes(firstCarol)) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const afterOneCarolLeft = (await ack(w, "watch", room))[0];
  const heardBeforeLastCarol = events.length;
  assert.deepEqual(await ack(carol[1], "leave", room), [room]);
  const carolLeft = await heard(events, (e) => e.id === "carol" && e.state === "left", 8000);

  return { room, ids: { w: w.id, a: aId, b: bId }, alone, withA, aJoined, aLeft, withB, bLeft, leftAfterMs, after,
    withCarol, withCarolTwice, afterOneCarolLeft, heardBeforeLastCarol, carolLeft,
    events: events.map((args) => args[0]) };
}, { timeoutMs: 90000 });
