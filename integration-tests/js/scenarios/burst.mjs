// A client emits a burst of events without waiting between them (SKYSOCKET_EVENTS, default 200), each
// `echo {seq}` without an ack, and collects the echoes the app sends back. Observations: the socket id, what
// came back in arrival order, and the time from each emit to its echo. Order is not asserted here: the test
// knows which delivery mode the stack runs.
import { client, connected, run } from "./lib/harness.mjs";

const count = Number(process.env.SKYSOCKET_EVENTS ?? 200);

run(async ({ url, path }) => {
  const socket = client(url, path, "/");
  await connected(socket);
  const sentAt = new Map();
  const echoes = [];
  const latencies = [];
  const all = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${echoes.length} of ${count} echoes within 30 s`)), 30000);
    socket.on("echo", (payload) => {
      const now = performance.now();
      echoes.push(payload.seq);
      latencies.push(now - sentAt.get(payload.seq));
      if (echoes.length === count) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  for (let seq = 0; seq < count; seq++) {
    sentAt.set(seq, performance.now());
    socket.emit("echo", { seq });
  }
  await all;
  return { socketId: socket.id, echoes, latencies };
});
