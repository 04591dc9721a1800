// One client on `/` with the handshake query in SKYSOCKET_QUERY (JSON, default none): if it connects, the
// scenario reports what `whoami` acks ({user, tenant}) and the query names the server kept; if it is refused,
// the connect_error's message, which is how a refused identity reaches a stock client.
import { client, ack, run } from "./lib/harness.mjs";

run(async ({ url, path }) => {
  const query = JSON.parse(process.env.SKYSOCKET_QUERY ?? "{}");
  const socket = client(url, path, "/", { query });
  const outcome = await new Promise((resolve) => {
    socket.once("connect", () => resolve({ connected: true }));
    socket.once("connect_error", (err) => resolve({ connected: false, message: err.message, data: err.data ?? null }));
  });
  if (!outcome.connected) {
    return outcome;
  }
  const [me] = await ack(socket, "whoami");
  return { ...outcome, me };
});
