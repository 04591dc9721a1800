// Many stock clients (default transports: polling, then the websocket upgrade; cookie jar on; reconnection on)
// through a load balancer in front of gateway nodes, while the Java test drains one node.
// `node drain.mjs <proxy-url> <clients>`. Every client joins room `drain` on each (re)connect and records its
// connects (time, engine id) and disconnects. At checkpoint `connected` all are connected and upgraded; the test
// then sends SIGTERM to one node and waits for it to exit. After that every client must be connected again and
// joined, answer an echo, and hear the `say` of three senders in the room.
import assert from "node:assert/strict";
import { gatewayClient, upgraded, checkpoint, idle, run } from "./lib/harness.mjs";

const count = Number(process.argv[3] ?? 200);
const room = "drain";
const batch = 20;
// Retry soon after a close, jittered (250 ms ± 50 %), so the spread measured is the server's, not the backoff's.
// Timeouts are generous and a failed first attempt is retried: 200 handshakes on a small shared machine queue.
const options = {
  reconnection: true, reconnectionDelay: 250, reconnectionDelayMax: 1000, randomizationFactor: 0.5, timeout: 20000,
};
const CONNECT_MS = 90000;
const ACK_MS = 20000;

function track(index) {
  const socket = gatewayClient(process.argv[2], "default", "/", options);
  const record = { index, socket, connects: [], disconnects: [], attempts: [], connectErrors: 0, joinedSid: null, said: [] };
  socket.on("connect", () => {
    const sid = socket.io.engine.id;
    record.connects.push({ t: Date.now(), sid });
    join(socket, sid, record);
  });
  socket.on("disconnect", (reason) => record.disconnects.push({ t: Date.now(), reason }));
  // When a reconnection attempt starts: the load the other node sees, however long it then takes to answer.
  socket.io.on("reconnect_attempt", () => record.attempts.push(Date.now()));
  socket.on("connect_error", (err) => { record.connectErrors++; record.lastError = err.message; });
  socket.on("said", (said) => record.said.push(said.msg));
  return record;
}

/** Emits with an ack under a generous timeout: on a loaded 2-core machine each call may queue for seconds. */
function call(socket, event, ...args) {
  return new Promise((resolve, reject) => {
    socket.timeout(ACK_MS).emit(event, ...args, (err, ...answer) => {
      err ? reject(new Error(`no ack for '${event}' within ${ACK_MS} ms`)) : resolve(answer);
    });
  });
}

/** Joins the room on this session; a lost ack is retried for as long as the session lasts. */
function join(socket, sid, record) {
  call(socket, "join", room).then(() => { record.joinedSid = sid; }, () => {
    if (socket.connected && socket.io.engine.id === sid) {
      join(socket, sid, record);
    }
  });
}

/** Until every client is connected and joined on its current session, or `ms` passed. */
async function settled(records, ms) {
  const deadline = Date.now() + ms;
  const done = (r) => r.socket.connected && r.joinedSid === r.socket.io.engine.id;
  while (!records.every(done)) {
    if (Date.now() > deadline) {
      const missing = records.filter((r) => !done(r)).map((r) => JSON.stringify({
        index: r.index, connected: r.socket.connected, sid: r.socket.io.engine?.id, joinedSid: r.joinedSid,
        engine: r.socket.io.engine?.readyState, transport: r.socket.io.engine?.transport?.name,
        connects: r.connects.length, disconnects: r.disconnects, errors: r.connectErrors, lastError: r.lastError,
      }));
      throw new Error(`${missing.length} clients not connected and joined after ${ms} ms: ${missing.slice(0, 10)}`);
    }
    await idle(50);
  }
}

run(async () => {
  const records = [];
  for (let start = 0; start < count; start += batch) {
    const group = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      group.push(track(i));
    }
    await settled(group, CONNECT_MS);
    records.push(...group);
  }
  await settled(records, CONNECT_MS);
  // The upgrade is socket.io-client's own business; one that times out on a loaded machine leaves polling,
  // which drains the same way, so this waits for it but does not insist.
  await Promise.all(records.map((r) => upgraded(r.socket, 20000).catch(() => "polling")));
  await checkpoint("connected", {
    sids: records.map((r) => r.socket.io.engine.id),
    transports: records.map((r) => r.socket.io.engine.transport.name),
  });

  await settled(records, CONNECT_MS);
  for (let start = 0; start < count; start += batch) {
    await Promise.all(records.slice(start, start + batch).map(async (r) => {
      assert.deepEqual(await call(r.socket, "echo", "after", r.index), ["after", r.index]);
    }));
  }
  const senders = [0, Math.floor(count / 2), count - 1];
  records.forEach((r) => { r.said = []; });
  for (const s of senders) {
    assert.deepEqual(await call(records[s].socket, "say", { room, msg: `from ${s}` }), []);
  }
  const expected = (r) => senders.filter((s) => s !== r.index).length;
  const deadline = Date.now() + 30000;
  while (records.some((r) => r.said.length < expected(r)) && Date.now() < deadline) {
    await idle(50);
  }
  return {
    senders,
    clients: records.map((r) => ({
      index: r.index,
      connected: r.socket.connected,
      sid: r.socket.io.engine.id,
      transport: r.socket.io.engine.transport.name,
      connects: r.connects,
      disconnects: r.disconnects,
      attempts: r.attempts,
      connectErrors: r.connectErrors,
      said: r.said,
    })),
  };
}, { timeoutMs: 280000 });
