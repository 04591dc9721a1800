// What every scenario shares: where to connect, the API Gateway client options, a hard timeout, checkpoints
// the Java test answers on stdin, and one JSON line of observations on stdout (exit 0) or a message (exit 1).
import { io } from "socket.io-client";
import readline from "node:readline";

const sockets = [];
let stdinLines;

/** The stack to reach: `node scenario.mjs <ws-url> [stage-path]`, or SKYSOCKET_URL / SKYSOCKET_PATH. */
export function target() {
  const url = process.argv[2] ?? process.env.SKYSOCKET_URL;
  const path = process.argv[3] ?? process.env.SKYSOCKET_PATH ?? "/dev";
  if (!url) {
    fail(new Error("usage: node <scenario>.mjs <ws-url> [stage-path]  (or set SKYSOCKET_URL)"));
  }
  return { url, path };
}

/**
 * The options an API Gateway client needs (AWS-FACTS, socket.io-client section): the stage is the Engine.IO
 * path without a trailing slash, websocket only, binary as base64 text. Reconnection is off unless asked for,
 * so a failure shows at once instead of as a retry loop.
 */
export function clientOptions(path, extra = {}) {
  return {
    path,
    addTrailingSlash: false,
    transports: ["websocket"],
    forceBase64: true,
    reconnection: false,
    timeout: 8000,
    forceNew: true,
    ...extra,
  };
}

/**
 * Which client `client()` makes: `apigw` (the options above, default) or, for the fallback gateway, `default`
 * (socket.io-client's own transports: polling, then the websocket upgrade), `polling` or `websocket`
 * (SKYSOCKET_CLIENT). The url is then the gateway's and the path argument is ignored.
 */
const mode = process.env.SKYSOCKET_CLIENT ?? "apigw";

/** A new client (its own Manager and connection) on one namespace; closed when the scenario ends. */
export function client(url, path, namespace = "/", extra = {}) {
  if (mode !== "apigw") {
    return gatewayClient(url, mode, namespace, extra);
  }
  const socket = io(url + namespace, clientOptions(path, extra));
  sockets.push(socket);
  return socket;
}

/**
 * Whether gateway clients keep cookies (SKYSOCKET_COOKIES, default `jar`): withCredentials gives the Node client
 * its cookie jar, as a browser keeps cookies, so the polling session locks to its secret cookie and the sticky
 * cookie keeps it on one node. `none` leaves withCredentials out, as most Node apps do: the gateway must serve
 * that client too, without its session cookie and without stickiness.
 */
const keepsCookies = (process.env.SKYSOCKET_COOKIES ?? "jar") !== "none";

/**
 * A client of the fallback gateway with socket.io-client's defaults (path /socket.io/, native binary) and the
 * transports of `setup`, with or without a cookie jar (above); reconnection is off as above.
 */
export function gatewayClient(url, setup = "default", namespace = "/", extra = {}) {
  const transports = { default: undefined, polling: ["polling"], websocket: ["websocket"] };
  if (!(setup in transports)) {
    throw new Error(`unknown gateway client setup '${setup}'`);
  }
  const options = { reconnection: false, timeout: 8000, forceNew: true, ...extra };
  if (keepsCookies) {
    options.withCredentials = true;
  }
  if (transports[setup]) {
    options.transports = transports[setup];
  }
  const socket = io(url + namespace, options);
  sockets.push(socket);
  return socket;
}

/**
 * socket.io-client exactly as an app calls it: `io(url, options)` with nothing added (no withCredentials, so no
 * cookie jar under Node; reconnection on). Closed when the scenario ends, like the others.
 */
export function stockClient(url, options = {}) {
  const socket = io(url, options);
  sockets.push(socket);
  return socket;
}

/** The setup `client()` uses: `apigw`, `default`, `polling` or `websocket`. */
export function clientMode() {
  return mode;
}

/** Resolves once the engine runs on websocket: at once, or at its `upgrade` event (default options). */
export async function upgraded(socket, ms = 8000) {
  const engine = socket.io.engine;
  if (engine.transport.name !== "websocket") {
    await once(engine, "upgrade", ms);
  }
  return engine.transport.name;
}

/** Resolves with the first emission of `event` (its arguments as an array); rejects after `ms`. */
export function once(emitter, event, ms = 8000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`no '${event}' within ${ms} ms`));
    }, ms);
    const listener = (...args) => {
      clearTimeout(timer);
      resolve(args);
    };
    emitter.once(event, listener);
  });
}

/** Waits for `connect`; a `connect_error` fails with its message. */
export function connected(socket, ms = 8000) {
  if (socket.connected) {
    return Promise.resolve(socket);
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`socket ${socket.nsp} did not connect within ${ms} ms`)), ms);
    const onConnect = () => done(null);
    const onError = (err) => done(new Error(`connect_error on ${socket.nsp}: ${err.message}`));
    function done(err) {
      clearTimeout(timer);
      socket.off("connect", onConnect);
      socket.off("connect_error", onError);
      err ? reject(err) : resolve(socket);
    }
    socket.on("connect", onConnect);
    socket.on("connect_error", onError);
  });
}

/** Waits for a `connect_error` and resolves with it; a successful `connect` fails. */
export function refused(socket, ms = 8000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no connect_error on ${socket.nsp} within ${ms} ms`)), ms);
    const onConnect = () => done(new Error(`${socket.nsp} connected but should have been refused`));
    const onError = (err) => done(null, err);
    function done(failure, err) {
      clearTimeout(timer);
      socket.off("connect", onConnect);
      socket.off("connect_error", onError);
      failure ? reject(failure) : resolve(err);
    }
    socket.on("connect", onConnect);
    socket.on("connect_error", onError);
  });
}

/** Emits with a callback and resolves with every argument of the ack. */
export function ack(socket, event, ...args) {
  return new Promise((resolve, reject) => {
    socket.timeout(8000).emit(event, ...args, (err, ...answer) => {
      err ? reject(new Error(`no ack for '${event}' on ${socket.nsp}: ${err.message}`)) : resolve(answer);
    });
  });
}

/**
 * A round trip on each socket. Frames to one connection arrive in order, so once the ack is back, any frame
 * the server had sent to that socket before has arrived too: "nothing arrived" becomes a fact, not a guess.
 */
export async function barrier(...sockets) {
  await Promise.all(sockets.map((socket, i) => ack(socket, "echo", "barrier", i)));
}

/**
 * Every emission of `event` on `socket`, as arrays of the app's arguments, in order. In a namespace with
 * connection state recovery (the socket got a pid) every replayable emit carries its offset as an extra last
 * argument, which socket.io-client hands to listeners too; it is left out here (recovery.mjs checks it).
 */
export function collect(socket, event) {
  const seen = [];
  socket.on(event, (...args) => seen.push(withoutOffset(socket, args)));
  return seen;
}

/** `args` without the recovery offset the server appended (see `collect`). */
export function withoutOffset(socket, args) {
  const last = args[args.length - 1];
  return socket._pid && typeof last === "string" && /^[0-9a-f]{24}$/.test(last) ? args.slice(0, -1) : args;
}

/** JSON-safe view of received values: binary becomes {"$binary": base64} so the Java side can check it. */
export function plain(value) {
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) {
    return { $binary: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  }
  if (value instanceof ArrayBuffer) {
    return { $binary: Buffer.from(value).toString("base64") };
  }
  if (Array.isArray(value)) {
    return value.map(plain);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** Resolves after `ms`; only for scenarios whose point is that nothing happens during a span of time. */
export function idle(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Tells the Java test that `name` is reached (`@name {json}` on stdout) and, with `wait`, blocks until the
 * test answers with a line on stdin (it checks the server side meanwhile).
 */
export async function checkpoint(name, data, { wait = true } = {}) {
  process.stdout.write(`@${name} ${JSON.stringify(data)}\n`);
  if (!wait) {
    return;
  }
  stdinLines ??= readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const next = await stdinLines.next();
  if (next.done) {
    throw new Error(`stdin closed while waiting at checkpoint '${name}'`);
  }
}

/**
 * Runs the scenario under a hard timeout: prints its observations as one JSON line and exits 0, or prints the
 * failure to stderr and exits 1. It never hangs.
 */
export async function run(scenario, { timeoutMs = 30000 } = {}) {
  const timer = setTimeout(() => fail(new Error(`scenario timed out after ${timeoutMs} ms`)), timeoutMs);
  try {
    const observations = JSON.stringify(await scenario(target()));
    clearTimeout(timer);
    closeAll();
    finish(0, observations + "\n", "");
  } catch (err) {
    fail(err);
  }
}

function fail(err) {
  closeAll();
  finish(1, "", `scenario failed: ${err && err.stack ? err.stack : err}\n`);
}

function closeAll() {
  for (const socket of sockets) {
    socket.io.opts.reconnection = false;
    socket.io.reconnection(false);
    socket.disconnect();
  }
}

function finish(code, out, err) {
  process.stderr.write(err, () => process.stdout.write(out, () => process.exit(code)));
}
