// Room "r1" in "/" and room "r1" in "/admin" are different rooms: a `say` in one namespace reaches only that
// namespace's members.
import assert from "node:assert/strict";
import { client, connected, ack, barrier, collect, run } from "./lib/harness.mjs";

run(async ({ url, path }) => {
  // The deployment's token when the suite runs against one (SKYSOCKET_ADMIN_TOKEN), else the local stack's.
  const admin = { auth: { token: process.env.SKYSOCKET_ADMIN_TOKEN ?? "admin-secret" } };
  const x = client(url, path, "/");
  const z = client(url, path, "/");
  const y = client(url, path, "/admin", admin);
  const w = client(url, path, "/admin", admin);
  const all = [x, y, z, w];
  await Promise.all(all.map((socket) => connected(socket)));
  const heard = { x: collect(x, "said"), y: collect(y, "said"), z: collect(z, "said"), w: collect(w, "said") };
  for (const socket of all) {
    assert.deepEqual(await ack(socket, "join", "r1"), ["r1"]);
  }

  await ack(x, "say", { room: "r1", msg: "in main" });
  await barrier(...all);
  assert.deepEqual(heard.z, [[{ room: "r1", msg: "in main", from: x.id }]]);
  assert.deepEqual(heard.y, [], "/admin's r1 must not hear /'s r1");
  assert.deepEqual(heard.w, [], "/admin's r1 must not hear /'s r1");

  await ack(w, "say", { room: "r1", msg: "in admin" });
  await barrier(...all);
  assert.deepEqual(heard.y, [[{ room: "r1", msg: "in admin", from: w.id }]]);
  assert.equal(heard.z.length, 1, "/'s r1 must not hear /admin's r1");
  assert.deepEqual(heard.x, []);

  return { ids: { x: x.id, y: y.id, z: z.id, w: w.id }, heard };
});
