// Tenant quotas on one path (the stack runs with a connection quota of 2 for the tenant SKYSOCKET_TENANT, "acme"
// by default, and 3 rooms per socket): two acme
// clients connect, a third is refused with connect_error "tenant connection quota" while a beta client connects;
// once one acme client has left, an acme client gets in again. A socket joining past its room quota gets an error
// ack and stays connected.
import { client, connected, ack, run } from "./lib/harness.mjs";

function attempt(url, path, tenant) {
  const socket = client(url, path, "/", { query: { tenant } });
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ socket, connected: true }));
    socket.once("connect_error", (err) => resolve({ socket, connected: false, message: err.message }));
  });
}

run(async ({ url, path }) => {
  const acme = process.env.SKYSOCKET_TENANT ?? "acme";
  const first = client(url, path, "/", { query: { tenant: acme } });
  await connected(first);
  const second = client(url, path, "/", { query: { tenant: acme } });
  await connected(second);
  const third = await attempt(url, path, acme);
  const beta = await attempt(url, path, "beta");

  const joins = [];
  for (const room of ["r1", "r2", "r3", "r4"]) {
    joins.push((await ack(beta.socket, "join", room))[0]);
  }
  const [echoed] = await ack(beta.socket, "echo", "still here");

  // The closed client's count comes off at its removal, which runs after its transport closed: retry until then.
  first.disconnect();
  let again = { connected: false };
  const deadline = Date.now() + 15000;
  for (let tries = 0; !again.connected && Date.now() < deadline && tries < 60; tries++) {
    again.socket?.disconnect();
    again = await attempt(url, path, acme);
    if (!again.connected) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return {
    third: { connected: third.connected, message: third.message ?? null },
    beta: { connected: beta.connected, message: beta.message ?? null },
    joins, echoed, betaStillConnected: beta.socket.connected,
    acmeAgain: again.connected,
  };
}, { timeoutMs: 45000 });
