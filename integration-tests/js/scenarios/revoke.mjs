// Revoking a user across both paths. `node revoke.mjs <ws-url> <stage-path> <gateway-url|->`, with
// SKYSOCKET_IDENTITIES = {"apigw": {"alice": {query}, "bob": {query}, "admin": {query}}, "gateway": {...}}: the
// client options that give each user its identity on each path (a token on API Gateway; a path left out has no
// clients). Alice has two connections per path, Bob one; the admin (on API Gateway) revokes Alice through the
// example app's /admin revoke. Every Alice socket is disconnected by the server, a new Alice connection is
// refused with "revoked" on each path, and Bob stays connected.
import assert from "node:assert/strict";
import { client, gatewayClient, connected, ack, barrier, once, refused, run } from "./lib/harness.mjs";

const token = process.env.SKYSOCKET_ADMIN_TOKEN ?? "admin-secret";
const identities = JSON.parse(process.env.SKYSOCKET_IDENTITIES ?? "{}");

run(async ({ url, path }) => {
  const gatewayUrl = process.argv[4];
  const paths = Object.keys(identities);
  assert.ok(identities.apigw?.admin, "SKYSOCKET_IDENTITIES needs apigw.admin");
  const open = (on, who, namespace = "/", extra = {}) => on === "gateway"
    ? gatewayClient(gatewayUrl, "polling", namespace, { ...identities.gateway[who], ...extra })
    : client(url, path, namespace, { ...identities.apigw[who], ...extra });

  const alices = [];
  const bobs = [];
  for (const on of paths) {
    alices.push({ on, socket: open(on, "alice") }, { on, socket: open(on, "alice") });
    bobs.push({ on, socket: open(on, "bob") });
  }
  const admin = open("apigw", "admin", "/admin", { auth: { token } });
  await Promise.all([...alices, ...bobs].map(({ socket }) => connected(socket)).concat(connected(admin)));

  const started = Date.now();
  const disconnects = alices.map(({ socket }) => once(socket, "disconnect", 10000)
    .then(([reason]) => ({ reason, afterMs: Date.now() - started })));
  const revoked = await ack(admin, "revoke", "alice");
  const gone = await Promise.all(disconnects);
  await barrier(...bobs.map(({ socket }) => socket));

  const again = {};
  for (const on of paths) {
    const err = await refused(open(on, "alice"), 10000);
    again[on] = { message: err.message, data: err.data ?? null };
  }
  const bobAgain = {};
  for (const on of paths) {
    const fresh = open(on, "bob");
    await connected(fresh);
    bobAgain[on] = fresh.connected;
  }

  return {
    paths,
    revoked,
    alice: alices.map(({ on, socket }, i) => ({ on, ...gone[i], engine: socket.io.engine.readyState })),
    bobConnected: bobs.map(({ on, socket }) => ({ on, connected: socket.connected })),
    again,
    bobAgain,
  };
});
