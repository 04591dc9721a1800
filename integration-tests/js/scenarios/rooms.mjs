// Rooms: A and B join "r1", C does not. A's `say` reaches B only (not A, not C); after B leaves, B hears
// nothing more while a new member (C) does. Barriers (ack round trips) make "nothing arrived" a fact.
import assert from "node:assert/strict";
import { client, connected, ack, barrier, collect, run } from "./lib/harness.mjs";

run(async ({ url, path }) => {
  const [a, b, c] = [client(url, path), client(url, path), client(url, path)];
  await Promise.all([a, b, c].map((socket) => connected(socket)));
  const heard = { a: collect(a, "said"), b: collect(b, "said"), c: collect(c, "said") };

  assert.deepEqual(await ack(a, "join", "r1"), ["r1"]);
  assert.deepEqual(await ack(b, "join", "r1"), ["r1"]);
  assert.deepEqual(await ack(a, "say", { room: "r1", msg: "hello r1" }), []);
  await barrier(a, b, c);
  const afterFirst = { a: heard.a.length, b: heard.b.length, c: heard.c.length };
  assert.deepEqual(heard.b, [[{ room: "r1", msg: "hello r1", from: a.id }]]);
  assert.deepEqual(heard.a, [], "the sender must not hear itself");
  assert.deepEqual(heard.c, [], "a non-member must not hear the room");

  assert.deepEqual(await ack(b, "leave", "r1"), ["r1"]);
  assert.deepEqual(await ack(c, "join", "r1"), ["r1"]);
  assert.deepEqual(await ack(a, "say", { room: "r1", msg: "after leave" }), []);
  await barrier(a, b, c);
  assert.equal(heard.b.length, 1, "a socket that left must hear nothing more");
  assert.deepEqual(heard.c, [[{ room: "r1", msg: "after leave", from: a.id }]]);
  assert.deepEqual(heard.a, []);

  return { ids: { a: a.id, b: b.id, c: c.id }, afterFirst, heard };
});
