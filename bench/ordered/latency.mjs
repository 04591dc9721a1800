// Emit -> echo round trips on one stack: `node latency.mjs <ws-url> <stage-path> <json-options>`. Each of
// `clients` stock socket.io-clients emits `echo {seq}` (no ack) at `rate` per second for `seconds` after
// `warmup` seconds, or, with `burst` > 0, emits `burst` events back to back `rounds` times. The echo comes back
// through the app's handler, so a round trip is emit -> handler -> Management API post -> client; the return leg is
// the same in both delivery modes. Prints one JSON line: samples, lost, p50, p99, max (ms).
import { createRequire } from "node:module";

const require = createRequire(new URL("../../integration-tests/js/package.json", import.meta.url));
const { io } = require("socket.io-client");

const [url, path, json] = process.argv.slice(2);
const o = { clients: 10, rate: 20, seconds: 20, warmup: 5, burst: 0, rounds: 5, ...JSON.parse(json ?? "{}") };
const samples = [];
let sent = 0;
let received = 0;

function connect() {
  return new Promise((resolve, reject) => {
    const socket = io(url, { path, addTrailingSlash: false, transports: ["websocket"], forceBase64: true,
      reconnection: false, forceNew: true, timeout: 10000 });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function steady(sockets) {
  const started = performance.now();
  const end = started + (o.warmup + o.seconds) * 1000;
  const measureFrom = started + o.warmup * 1000;
  const gap = 1000 / o.rate;
  await Promise.all(sockets.map(async (socket, c) => {
    await sleep((gap / sockets.length) * c);  // spread the clients over one interval
    for (let next = performance.now(); next < end; next += gap) {
      const now = performance.now();
      if (next > now) await sleep(next - now);
      const t = performance.now();
      socket.emit("echo", { t, measured: t >= measureFrom });
      if (t >= measureFrom) sent++;
    }
  }));
}

async function bursts(sockets) {
  for (let round = 0; round < o.rounds; round++) {
    const measured = round > 0;  // the first round warms up
    const done = new Promise((resolve) => {
      let left = o.burst * sockets.length;
      const check = () => { if (--left === 0) resolve(); };
      sockets.forEach((s) => s.on("echo", check));
      setTimeout(resolve, 30000);
    });
    for (const socket of sockets) {
      for (let i = 0; i < o.burst; i++) {
        socket.emit("echo", { t: performance.now(), measured });
        if (measured) sent++;
      }
    }
    await done;
    sockets.forEach((s) => s.removeAllListeners("echo").on("echo", onEcho));
    await sleep(500);
  }
}

function onEcho(payload) {
  if (payload && payload.measured) {
    received++;
    samples.push(performance.now() - payload.t);
  }
}

const sockets = await Promise.all(Array.from({ length: o.clients }, connect));
sockets.forEach((s) => s.on("echo", onEcho));
await (o.burst > 0 ? bursts(sockets) : steady(sockets));
await sleep(3000);  // the last echoes
sockets.forEach((s) => s.close());
samples.sort((a, b) => a - b);
const rank = (q) => samples.length ? samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)] : NaN;
const round1 = (x) => Math.round(x * 10) / 10;
console.log(JSON.stringify({ samples: samples.length, lost: sent - received, p50: round1(rank(0.5)),
  p99: round1(rank(0.99)), max: round1(rank(1)) }));
process.exit(0);
