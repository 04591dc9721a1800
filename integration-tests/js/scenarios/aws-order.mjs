// API Gateway promises no order of $default invocations for one connection (AWS-FACTS: invocation order). The
// stock client emits COUNT acked echoes back to back; the scenario reports the order their acks came back in
// and asserts only what holds whatever the order: every ack arrives and answers its own emit.
import assert from "node:assert/strict";
import { client, connected, run } from "./lib/harness.mjs";

const COUNT = Number(process.env.SKYSOCKET_ORDER_COUNT ?? 40);

run(async ({ url, path }) => {
  const socket = client(url, path);
  await connected(socket);
  const arrived = [];
  const acks = [];
  for (let i = 0; i < COUNT; i++) {
    acks.push(new Promise((resolve, reject) => {
      socket.timeout(20000).emit("echo", i, (err, value) => {
        if (err) {
          reject(new Error(`no ack for echo ${i}: ${err.message}`));
          return;
        }
        assert.equal(value, i, "each ack answers its own emit");
        arrived.push(value);
        resolve();
      });
    }));
  }
  await Promise.all(acks);
  const displaced = arrived.filter((value, position) => value !== position).length;
  return { count: COUNT, arrived, inOrder: displaced === 0, displaced };
}, { timeoutMs: 60000 });
