// Acks carry back exactly what was sent, for many argument shapes (binary arrives as binary), and 25
// concurrent acks are each answered with their own arguments. With SKYSOCKET_UNORDERED=1 (API Gateway in direct
// mode, whose invocations for one connection run in any order) the shapes that need several attachments in one
// packet are left out: attachment frames carry no position, so only ordered delivery can put them back in order.
import assert from "node:assert/strict";
import { client, connected, ack, plain, run } from "./lib/harness.mjs";

const shapes = {
  "no arguments": [],
  "null": [null],
  "booleans": [true, false],
  "numbers": [0, -1, 42, 3.25, -0.5, 1e-7, 9007199254740991, 1.5e300],
  "empty values": ["", {}, []],
  "unicode text": ["héllo wörld", "日本語のテキスト", "emoji 😀🎉 and a surrogate pair", "quote \" backslash \\ tab \t newline \n",
    "control \u0001 and separators \u2028\u2029", "\u0000 nul inside"],
  "nested": [{ a: [1, { b: [null, true, false, "x"] }], "ключ": { "значение": [[[]]] }, deep: { deeper: { deepest: 7 } } }],
  "arrays of arrays": [[1, [2, [3, [4, [5]]]]], [[], [[]]]],
  "many arguments": Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? i : i % 3 === 1 ? `arg${i}` : { i })),
  "a large string": ["x".repeat(20000)],
  "a Buffer": [Buffer.from([0, 1, 2, 127, 128, 254, 255])],
  "a Uint8Array": [new Uint8Array([9, 8, 7, 6, 5, 4, 3, 2, 1, 0])],
  "binary nested in an object": [{ label: "file", data: Buffer.from("bytes in an object"), more: [Buffer.from([42])] }],
  "binary among other arguments": ["before", Buffer.from([1, 2, 3]), 17, { after: true }],
};

const severalAttachments = new Set(["binary nested in an object"]);
const unordered = process.env.SKYSOCKET_UNORDERED === "1";

run(async ({ url, path }) => {
  const socket = client(url, path, "/");
  await connected(socket);

  const cases = [];
  for (const [name, args] of Object.entries(shapes)) {
    if (unordered && severalAttachments.has(name)) {
      continue;
    }
    const answer = await ack(socket, "echo", ...args);
    assert.deepEqual(plain(answer), plain(args), `ack for ${name}`);
    cases.push({ name, sent: plain(args), got: plain(answer) });
  }

  const concurrent = await Promise.all(
    Array.from({ length: 25 }, (_, i) => ack(socket, "echo", { i, text: `message ${i}` }, i * 2)));
  concurrent.forEach((answer, i) => assert.deepEqual(answer, [{ i, text: `message ${i}` }, i * 2], `concurrent ack ${i}`));

  return { cases, concurrent: concurrent.map(plain) };
});
