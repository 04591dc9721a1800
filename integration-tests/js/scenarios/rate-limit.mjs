// One client floods: SKYSOCKET_FLOOD (default 10,000) acked `echo` events within one second, in 100 slices 10 ms
// apart so this process keeps serving the others. SKYSOCKET_OTHERS (default 3) other clients meanwhile keep
// sending acked echoes one at a time, first for a baseline second before the flood, then until two seconds after
// the flooder was cut off. Observations: how many flood events were answered, whether and why the flooder was
// disconnected, and the others' ack latencies (baseline and during) with the count of their unanswered echoes.
import { client, connected, ack, idle, run } from "./lib/harness.mjs";

const FLOOD = Number(process.env.SKYSOCKET_FLOOD ?? 10000);
const OTHERS = Number(process.env.SKYSOCKET_OTHERS ?? 3);
const SLICES = 100;

/** Sequential acked echoes on `socket` until `until()` says stop; latencies in ms and failures. */
async function pace(socket, until) {
  const latencies = [];
  let failures = 0;
  let seq = 0;
  while (!until() && seq < 10000) {
    const started = performance.now();
    try {
      await ack(socket, "echo", { seq: seq++ });
      latencies.push(performance.now() - started);
    } catch {
      failures++;
    }
    await idle(20);
  }
  return { latencies, failures };
}

function summary(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]) : null);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.length ? Math.round(sorted[sorted.length - 1]) : null };
}

run(async ({ url, path }) => {
  const others = [];
  for (let i = 0; i < OTHERS; i++) {
    others.push(await connected(client(url, path, "/")));
  }
  const flooder = await connected(client(url, path, "/"));
  let cutOff = null;
  const disconnected = new Promise((resolve) => flooder.on("disconnect", (reason) => {
    cutOff = performance.now();
    resolve(reason);
  }));

  // Baseline: the others alone for a second.
  const baselineEnd = performance.now() + 1000;
  const baseline = await Promise.all(others.map((s) => pace(s, () => performance.now() > baselineEnd)));

  // The flood, while the others go on until two seconds after the cut-off (or ten after the flood began).
  const floodStart = performance.now();
  const during = Promise.all(others.map((s) => pace(s, () => (cutOff !== null && performance.now() > cutOff + 2000)
    || performance.now() > floodStart + 10000)));
  let answered = 0;
  let emitted = 0;
  for (let slice = 0; slice < SLICES; slice++) {
    for (let i = 0; i < FLOOD / SLICES; i++) {
      flooder.emit("echo", { flood: emitted++ }, () => answered++);
    }
    await idle(10);
  }
  const floodMs = Math.round(performance.now() - floodStart);
  const reason = await Promise.race([disconnected, idle(10000).then(() => null)]);
  const duringResults = await during;
  return {
    emitted,
    floodMs,
    answered,
    disconnected: reason !== null,
    reason,
    cutOffMs: cutOff === null ? null : Math.round(cutOff - floodStart),
    othersConnected: others.every((s) => s.connected),
    baseline: summary(baseline.flatMap((r) => r.latencies)),
    baselineFailures: baseline.reduce((n, r) => n + r.failures, 0),
    during: summary(duringResults.flatMap((r) => r.latencies)),
    duringFailures: duringResults.reduce((n, r) => n + r.failures, 0),
  };
}, { timeoutMs: 60000 });
