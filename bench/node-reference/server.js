// The example chat app (app/ ChatApp) on stock socket.io: the reference the gateway is measured against.
// Same contract: namespaces "/" and "/admin" (auth.token must equal the admin token), events echo, join, leave,
// say. Same ping interval, ping timeout and max payload as the gateway in the run (read from the environment).
//
//   PORT=3100 PING_INTERVAL_MS=25000 PING_TIMEOUT_MS=20000 node --expose-gc server.js
//
// GET /bench/memory runs a full GC (with --expose-gc) and answers {rss, heapUsed, heapTotal, external,
// arrayBuffers, sockets} in bytes, for the density benchmark.
"use strict";
const http = require("http");
const { Server } = require("socket.io");

const port = Number(process.env.PORT || 3100);
const host = process.env.HOST || "127.0.0.1";
const pingInterval = Number(process.env.PING_INTERVAL_MS || 570000);
const pingTimeout = Number(process.env.PING_TIMEOUT_MS || 60000);
const maxPayload = Number(process.env.MAX_PAYLOAD || 32 * 1024);
const adminToken = process.env.ADMIN_TOKEN || "admin-secret";
// RECOVERY_MS > 0: connection state recovery, as the example app keeps it on "/" (here on every namespace).
const recoveryMs = Number(process.env.RECOVERY_MS || 0);

const httpServer = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/bench/memory") {
    if (global.gc) {
      global.gc();
    }
    const m = process.memoryUsage();
    const body = JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external,
      arrayBuffers: m.arrayBuffers, sockets: io.of("/").sockets.size, gc: Boolean(global.gc) });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(body);
  }
  // Anything else is left to engine.io (it handles /socket.io/ and answers 400 otherwise).
});

const io = new Server(httpServer, { pingInterval, pingTimeout, maxHttpBufferSize: maxPayload,
  serveClient: false,
  ...(recoveryMs > 0 ? { connectionStateRecovery: { maxDisconnectionDuration: recoveryMs } } : {}) });

function error(message) {
  return { error: message };
}

// socket.io passes the ack callback as the last argument when the client asked for one.
function split(raw) {
  const args = raw.slice();
  const ack = args.length > 0 && typeof args[args.length - 1] === "function" ? args.pop() : null;
  return { args, ack };
}

function roomCommand(socket, raw, join) {
  const { args, ack } = split(raw);
  const answer = ack || (() => {});
  const room = args[0];
  if (typeof room !== "string" || room.length === 0) {
    answer(error("room must be a non-empty string"));
    return;
  }
  if (join) {
    socket.join(room);
  } else {
    socket.leave(room);
  }
  answer(room);
}

function chat(namespace) {
  namespace.on("connection", (socket) => {
    // Acks with exactly the arguments it got, or emits them back as "echo" when no ack was asked for.
    socket.on("echo", (...raw) => {
      const { args, ack } = split(raw);
      if (ack) {
        ack(...args);
      } else {
        socket.emit("echo", ...args);
      }
    });
    socket.on("join", (...raw) => roomCommand(socket, raw, true));
    socket.on("leave", (...raw) => roomCommand(socket, raw, false));
    // say({room, msg}): every other member of the room gets said {room, msg, from}.
    socket.on("say", (...raw) => {
      const { args, ack } = split(raw);
      const answer = ack || (() => {});
      const request = args[0];
      const isObject = request !== null && typeof request === "object" && !Array.isArray(request);
      const room = isObject && typeof request.room === "string" ? request.room : "";
      if (room.length === 0 || !Object.prototype.hasOwnProperty.call(request, "msg")) {
        answer(error("say needs {room, msg}"));
        return;
      }
      socket.to(room).emit("said", { room, msg: request.msg, from: socket.id });
      answer();
    });
  });
  return namespace;
}

chat(io.of("/"));
chat(io.of("/admin")).use((socket, next) => {
  const token = socket.handshake.auth && socket.handshake.auth.token;
  if (typeof token !== "string" || token !== adminToken) {
    next(new Error("unauthorized"));
  } else {
    next();
  }
});

httpServer.listen(port, host, () => {
  console.log(JSON.stringify({ event: "node_reference_listening", host, port: httpServer.address().port,
    pingInterval, pingTimeout, maxPayload, socketIo: require("socket.io/package.json").version,
    node: process.version }));
});

process.on("SIGTERM", () => {
  io.close();
  process.exit(0);
});
