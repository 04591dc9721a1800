package dev.skysocket.gateway.engine;

import dev.skysocket.protocol.ProtocolException;
import dev.skysocket.protocol.engineio.EnginePacket;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.Consumer;

/**
 * The HTTP long-polling transport of one session (Engine.IO v4 §HTTP long-polling): GETs answered from the
 * {@link PollingBuffer} or held until something is queued, POST bodies decoded and handed to the session, and
 * what a closed session still owes its next GET. Every session starts with it: it holds the open packet, and a
 * websocket session's first packets until its socket is attached. Its state is guarded by the session's lock,
 * which the request methods take themselves.
 */
final class PollingTransport {
    private static final System.Logger LOG = System.getLogger(PollingTransport.class.getName());
    /** Wire forms this transport writes itself (Engine.IO v4 §Packet encoding). */
    static final String NOOP = "6";
    static final String CLOSE = "1";

    private final ServerSession session;
    private final PollingBuffer buffer = new PollingBuffer();
    /**
     * What the next poll gets once the session is closed and before it is forgotten (the close packet, after
     * anything flushed with it); null when nothing is left to deliver.
     */
    private String farewell;

    PollingTransport(ServerSession session, String openPacket) {
        this.session = session;
        buffer.add(openPacket); // the open packet always goes first (Engine.IO v4 §Handshake)
    }

    /** A GET: answered now when something is queued, else held until something is (long-poll wake-up). */
    EngineError poll(PollResponder responder) {
        synchronized (session) {
            if (session.isClosed()) {
                if (farewell != null) {
                    String last = farewell;
                    farewell = null;
                    session.server().forget(session);
                    responder.respond(last);
                    return null;
                }
                return EngineError.SESSION_ID_UNKNOWN;
            }
            if (buffer.holding()) {
                // Two GETs at once: the spec's test suite wants the session closed and a close packet sent.
                LOG.log(Level.DEBUG, "engine.poll.overlap sid={0}", session.sid());
                session.closeWith(EngineCloseReason.TRANSPORT_ERROR);
                return EngineError.BAD_REQUEST;
            }
            if (!buffer.isEmpty()) {
                responder.respond(buffer.drain());
            } else if (session.upgrade().probed()) {
                responder.respond(NOOP); // mid-upgrade: let the client pause polling
            } else {
                buffer.hold(responder);
            }
            return null;
        }
    }

    /** The client went away before its GET was answered: the reference server calls that a transport error. */
    void abandoned(PollResponder responder) {
        synchronized (session) {
            if (!buffer.release(responder)) {
                return;
            }
        }
        session.closeWith(EngineCloseReason.TRANSPORT_ERROR);
    }

    /**
     * A POST's headers arrived, before its body is read: null when the body may follow, else the error to answer
     * with. A second POST while one is being read closes the session, as the reference server does ("data
     * request overlap from client"), so two bodies can never interleave their packets.
     */
    EngineError startPost() {
        synchronized (session) {
            if (session.isClosed()) {
                return EngineError.SESSION_ID_UNKNOWN;
            }
            if (!buffer.startPost()) {
                LOG.log(Level.DEBUG, "engine.post.overlap sid={0}", session.sid());
                session.closeWith(EngineCloseReason.TRANSPORT_ERROR);
                return EngineError.BAD_REQUEST;
            }
            return null;
        }
    }

    /**
     * A POST body, after {@link #startPost()} (alone in memory tests). Returns null when accepted ("ok"), or the
     * error to answer with; the POST is over either way.
     */
    EngineError post(String body) {
        synchronized (session) {
            if (session.isClosed()) {
                buffer.endPost();
                return EngineError.SESSION_ID_UNKNOWN; // closed while the body was read (an overlap, a timeout)
            }
        }
        try {
            List<EnginePacket> packets;
            try {
                packets = session.server().decoder().decodePayload(body);
            } catch (ProtocolException e) {
                LOG.log(Level.DEBUG, "engine.post.malformed sid={0} error={1}", session.sid(), e.error());
                session.closeWith(EngineCloseReason.PARSE_ERROR);
                return EngineError.BAD_REQUEST;
            }
            for (EnginePacket packet : packets) {
                if (!session.receive(packet)) {
                    break;
                }
            }
            return null;
        } finally {
            synchronized (session) {
                buffer.endPost();
            }
        }
    }

    /**
     * The POST's connection closed before its body was read: the reference server calls that a transport error
     * ("data request connection closed prematurely").
     */
    void postAbandoned() {
        synchronized (session) {
            if (!buffer.posting()) {
                return;
            }
            buffer.endPost();
        }
        session.closeWith(EngineCloseReason.TRANSPORT_ERROR);
    }

    // ---- for the session, under its lock --------------------------------------------------------------------

    int queued() {
        return buffer.size();
    }

    /** A GET is held open, so a packet written now leaves at once. */
    boolean waiting() {
        return buffer.holding();
    }

    /** Nothing waits to be sent; a volatile packet never queues behind others. */
    boolean isEmptyQueue() {
        return buffer.isEmpty();
    }

    /** Queues one packet; a held GET takes it at once while the session is open. */
    void write(String packet, boolean open) {
        buffer.add(packet);
        if (buffer.holding() && open) {
            buffer.answer(buffer.drain());
        }
    }

    /** Everything queued, as one payload (the handshake GET's body). */
    String drain() {
        return buffer.drain();
    }

    /** Hands every queued packet to the websocket that now carries the session. */
    void flushTo(Consumer<String> socket) {
        buffer.flushTo(socket);
    }

    /** Lets a held GET go with a noop: the websocket is probed or has taken over (Engine.IO v4 §Upgrade). */
    void release() {
        buffer.answer(NOOP);
    }

    /** The session closed on another transport: nothing queued here is delivered. */
    void discard() {
        buffer.clear();
        farewell = null;
    }

    /**
     * The session closed while polling. With {@code flush} (a close the server chose on a healthy session) what
     * is queued goes out ahead of the close packet, as the reference server drains its buffer before closing;
     * otherwise a held GET gets {@code heldPoll}. Returns true when the close packet still waits for the next GET
     * (none was held), so the session must stay findable until then.
     */
    boolean close(boolean flush, String heldPoll) {
        String last = flush ? PollingBuffer.join(buffer.drain(), CLOSE) : heldPoll;
        buffer.clear();
        boolean delivered = buffer.answer(last);
        boolean linger = flush && !delivered;
        farewell = linger ? last : null;
        return linger;
    }
}
