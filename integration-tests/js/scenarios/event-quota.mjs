// The tenant events-per-second quota on one path (the stack runs with a quota of 5 events a second per tenant and
// loose rate limits). A client of tenant "flood-<tag>" sends 100 acked echoes at once while a client of tenant
// "calm-<tag>" sends 3: the flooder's are answered or refused with the quota's error ack, the calm tenant's are
// all answered. Then 100 echoes without a callback: each comes back as an `echo` event or as an `error` event with
// the quota's error. At the checkpoint "refused" the Java test waits until the server's clock is past the second it
// saw there; after that one more acked echo of the flooder must be admitted.
import { client, connected, checkpoint, run } from "./lib/harness.mjs";

const FLOOD = 100;
const CALM = 3;
const UNACKED = 100;
const QUOTA_ERROR = "tenant quota exceeded";

/** Emits with a callback; resolves with the ack's first argument (a long timeout: the flood queues on a busy host). */
function answer(socket, ...args) {
  return new Promise((resolve, reject) => {
    socket.timeout(30000).emit("echo", ...args, (err, first) => {
      err ? reject(new Error(`no ack for echo ${JSON.stringify(args)}: ${err.message}`)) : resolve(first);
    });
  });
}

const refused = (value) => value !== null && typeof value === "object" && value.error === QUOTA_ERROR;

/** Resolves once `done()` holds after one of `socket`'s events; rejects after `ms`. */
function until(socket, events, done, ms) {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (done()) {
        clearTimeout(timer);
        events.forEach((event) => socket.off(event, check));
        resolve();
      }
    };
    const timer = setTimeout(() => reject(new Error(`condition not met on ${events} within ${ms} ms`)), ms);
    events.forEach((event) => socket.on(event, check));
    check();
  });
}

run(async ({ url, path }) => {
  const tag = process.env.SKYSOCKET_TENANT_TAG ?? "local";
  const flooder = client(url, path, "/", { query: { tenant: `flood-${tag}`, user: "a" } });
  const calm = client(url, path, "/", { query: { tenant: `calm-${tag}`, user: "b" } });
  await Promise.all([connected(flooder), connected(calm)]);
  const errors = [];
  const echoes = [];
  let disconnects = 0;
  flooder.on("error", (error) => errors.push(error));
  flooder.on("echo", (...args) => echoes.push(args));
  flooder.on("disconnect", () => disconnects++);

  const flood = Array.from({ length: FLOOD }, (_, i) => answer(flooder, i));
  const calmAcks = Array.from({ length: CALM }, (_, i) => answer(calm, "calm", i));
  const floodAnswers = await Promise.all(flood);
  const calmAnswers = await Promise.all(calmAcks);
  const acked = {
    answered: floodAnswers.filter((value, i) => value === i).length,
    refused: floodAnswers.filter(refused).length,
    refusal: floodAnswers.find(refused) ?? null,
    calmAnswered: calmAnswers.filter((value) => value === "calm").length,
  };

  for (let i = 0; i < UNACKED; i++) {
    flooder.emit("echo", "unacked", i);
  }
  await until(flooder, ["echo", "error"], () => echoes.length + errors.length >= UNACKED, 30000);
  const unacked = {
    echoed: echoes.length,
    errors: errors.length,
    error: errors[0] ?? null,
    other: errors.filter((error) => !refused(error)).length,
  };
  const connectedAfterFlood = flooder.connected;

  await checkpoint("refused", {});
  const again = await answer(flooder, "again");
  const calmAgain = await answer(calm, "calm again");
  return {
    acked, unacked, connectedAfterFlood, again, calmAgain,
    flooderConnected: flooder.connected, calmConnected: calm.connected, disconnects,
  };
}, { timeoutMs: 150000 });
