// A stock client right after a burst: reconnection on (socket.io-client's backoff retries a refused handshake,
// 503 on the gateway or 429 on the emulator), then one echo round trip. Observations: how long until connected,
// how many attempts it took, and the time to the echo. SKYSOCKET_CONNECT_MS bounds the wait (default 30 s).
import assert from "node:assert/strict";
import { client, once, run } from "./lib/harness.mjs";

const limitMs = Number(process.env.SKYSOCKET_CONNECT_MS ?? 30000);

run(async ({ url, path }) => {
  const started = performance.now();
  const socket = client(url, path, "/", {
    reconnection: true,
    reconnectionDelay: 250,
    reconnectionDelayMax: 2000,
    timeout: 5000,
  });
  let attempts = 1;
  socket.io.on("reconnect_attempt", () => attempts++);
  const errors = [];
  socket.on("connect_error", (err) => errors.push(err.message));
  await new Promise((resolve, reject) => {
    if (socket.connected) {
      resolve();
      return;
    }
    const timer = setTimeout(() => reject(new Error(`not connected within ${limitMs} ms after ${attempts} `
        + `attempts: ${errors.slice(-3).join("; ")}`)), limitMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const connectedMs = performance.now() - started;
  const back = once(socket, "echo", 10000);
  socket.emit("echo", "after the burst");
  assert.deepEqual(await back, ["after the burst"]);
  return { attempts, connectedMs, echoedMs: performance.now() - started, errors: errors.slice(-3) };
}, { timeoutMs: limitMs + 20000 });
