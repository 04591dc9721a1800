// Server-to-client acks with the stock client on both paths. `node server-acks.mjs <ws-url> <stage-path>
// <gateway-url>`. `ask` makes the server emit `question` back to the asker and wait 2 s for its ack; `survey`
// makes it emit `question` to a room and wait 2 s for every member's ack. Some clients answer, some stay silent.
import assert from "node:assert/strict";
import { client, gatewayClient, connected, ack, run } from "./lib/harness.mjs";

/** Answers every `question` with `answer(question)` through its ack callback. */
function answering(socket, answer) {
  socket.on("question", (question, callback) => callback(answer(question)));
  return socket;
}

run(async ({ url, path }) => {
  const gatewayUrl = process.argv[4];
  assert.ok(gatewayUrl, "usage: node server-acks.mjs <ws-url> <stage-path> <gateway-url>");
  const apigw = answering(client(url, path), (q) => `apigw says yes to ${q}`);
  const gateway = answering(gatewayClient(gatewayUrl), (q) => ({ gateway: q }));
  const silentApigw = client(url, path);
  const silentGateway = gatewayClient(gatewayUrl);
  const askerApigw = client(url, path);
  const askerGateway = gatewayClient(gatewayUrl);
  const all = [apigw, gateway, silentApigw, silentGateway, askerApigw, askerGateway];
  await Promise.all(all.map((socket) => connected(socket)));
  const questionsHeard = { silentApigw: 0, silentGateway: 0 };
  silentApigw.on("question", () => questionsHeard.silentApigw++);     // heard, never acked
  silentGateway.on("question", () => questionsHeard.silentGateway++);
  for (const socket of [apigw, gateway, silentApigw, silentGateway, askerApigw, askerGateway]) {
    assert.deepEqual(await ack(socket, "join", "poll"), ["poll"]);
  }

  const started = Date.now();
  const [answeredApigw, answeredGateway, timedOutApigw, timedOutGateway] = await Promise.all([
    ack(apigw, "ask", "lunch?"), ack(gateway, "ask", "lunch?"),
    ack(silentApigw, "ask", "lunch?"), ack(silentGateway, "ask", "lunch?"),
  ]);
  const askMs = Date.now() - started;
  const [surveyFromApigw, surveyFromGateway] = await Promise.all([
    ack(askerApigw, "survey", { room: "poll", question: "tea?" }),
    ack(askerGateway, "survey", { room: "poll", question: "coffee?" }),
  ]);

  return {
    ids: Object.fromEntries(Object.entries({ apigw, gateway, silentApigw, silentGateway, askerApigw, askerGateway })
      .map(([name, socket]) => [name, socket.id])),
    transports: { gateway: gateway.io.engine.transport.name, apigw: apigw.io.engine.transport.name },
    ask: { answeredApigw, answeredGateway, timedOutApigw, timedOutGateway, askMs },
    survey: { fromApigw: surveyFromApigw, fromGateway: surveyFromGateway },
    questionsHeard,
  };
});
