// /admin refuses a CONNECT without the token ("unauthorized") and admits the same socket once it has it,
// on the SAME Manager and Engine.IO connection (the "/" socket keeps the connection open meanwhile).
import assert from "node:assert/strict";
import { client, connected, refused, ack, run } from "./lib/harness.mjs";

// The deployment's token when the suite runs against one (SKYSOCKET_ADMIN_TOKEN), else the local stack's.
const token = process.env.SKYSOCKET_ADMIN_TOKEN ?? "admin-secret";

run(async ({ url, path }) => {
  const main = client(url, path, "/");
  await connected(main);
  const manager = main.io;
  const engineBefore = manager.engine.id;

  const admin = manager.socket("/admin", { auth: {} });
  const withoutToken = await refused(admin);
  admin.auth = { token: "not-the-secret" };
  admin.connect();
  const wrongToken = await refused(admin);
  assert.ok(main.connected, "a refused namespace must not disturb the main namespace");

  admin.auth = { token };
  admin.connect();
  await connected(admin);
  const engineAfter = manager.engine.id;
  assert.equal(withoutToken.message, "unauthorized");
  assert.equal(wrongToken.message, "unauthorized");
  assert.equal(engineAfter, engineBefore, "admission must reuse the Engine.IO connection");
  assert.notEqual(admin.id, main.id);

  const echoed = await ack(admin, "echo", "from admin");
  assert.deepEqual(echoed, ["from admin"]);
  return {
    withoutToken: withoutToken.message,
    wrongToken: wrongToken.message,
    engineBefore,
    engineAfter,
    mainSocketId: main.id,
    adminSocketId: admin.id,
    mainStillConnected: main.connected,
    echoed,
  };
});
