package dev.skysocket.gateway.node;

import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.fanout.ConnectionControl;
import dev.skysocket.fanout.ConnectionInfo;
import dev.skysocket.fanout.Fanout;
import dev.skysocket.fanout.FanoutReport;
import dev.skysocket.fanout.GoneListener;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.gateway.engine.EngineSession;
import dev.skysocket.gateway.engine.WriteBatch;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers to sessions of this node directly and sends the rest through the Management API fan-out: a frame for
 * a session living here need not loop through HTTP to ourselves. Same outcomes as the private API would give: an
 * unknown or closed sid is gone (and pruned), a full buffer fails that recipient. Frames of one call reach one
 * session in order, as {@link Fanout} promises.
 */
public final class LocalDelivery implements Fanout, ConnectionControl {
    private static final System.Logger LOG = System.getLogger(LocalDelivery.class.getName());

    private final SessionDirectory sessions;
    private final String ownEndpoint;
    private final Fanout remote;
    private final ConnectionControl remoteControl;
    private final GoneListener goneListener;

    public <T extends Fanout & ConnectionControl> LocalDelivery(SessionDirectory sessions, String ownEndpoint,
                                                                T remote, GoneListener goneListener) {
        this.sessions = sessions;
        this.ownEndpoint = strip(ownEndpoint);
        this.remote = remote;
        this.remoteControl = remote;
        this.goneListener = goneListener;
    }

    @Override
    public FanoutReport deliver(List<String> frames, Collection<Recipient> recipients) {
        return deliver(frames, recipients, false);
    }

    /** A session here that cannot take the frames now (polling with no GET waiting) is counted failed. */
    @Override
    public FanoutReport deliverVolatile(List<String> frames, Collection<Recipient> recipients) {
        return deliver(frames, recipients, true);
    }

    private FanoutReport deliver(List<String> frames, Collection<Recipient> recipients, boolean volatileOnly) {
        Map<String, Recipient> local = new LinkedHashMap<>();
        List<Recipient> elsewhere = new ArrayList<>();
        for (Recipient recipient : recipients) {
            if (isLocal(recipient)) {
                local.putIfAbsent(recipient.connectionId(), recipient);
            } else {
                elsewhere.add(recipient);
            }
        }
        FanoutReport remoteReport = elsewhere.isEmpty() ? FanoutReport.empty()
                : volatileOnly ? remote.deliverVolatile(frames, elsewhere) : remote.deliver(frames, elsewhere);
        if (local.isEmpty() || frames.isEmpty()) {
            return remoteReport;
        }
        long start = System.nanoTime();
        int delivered = 0;
        int failed = 0;
        List<String> gone = new ArrayList<>(remoteReport.goneConnectionIds());
        boolean batch = WriteBatch.open(); // one task per event loop for these frames, not one per frame
        try {
            for (Recipient recipient : local.values()) {
                Optional<EngineSession> session = openSession(recipient.connectionId());
                if (session.isEmpty()) {
                    gone.add(recipient.connectionId());
                    prune(recipient);
                } else if (sendAll(session.get(), frames, volatileOnly)) {
                    delivered++;
                } else {
                    failed++;  // a full buffer: the client does not read, like a 429 that outlasts the retries
                }
            }
        } finally {
            if (batch) {
                WriteBatch.run();
            }
        }
        Duration localTime = Duration.ofNanos(System.nanoTime() - start);
        // The remote part was counted by the fan-out it went through.
        Metrics.count(Metric.FANOUT_DELIVERED, delivered);
        Metrics.count(Metric.FANOUT_GONE, gone.size() - remoteReport.gone());
        Metrics.count(Metric.FANOUT_FAILED, failed);
        return new FanoutReport(remoteReport.delivered() + delivered, gone.size(), remoteReport.failed() + failed,
                remoteReport.retries(), remoteReport.duration().plus(localTime), gone);
    }

    @Override
    public boolean post(Recipient recipient, String frame) {
        if (!isLocal(recipient)) {
            return remoteControl.post(recipient, frame);
        }
        return openSession(recipient.connectionId()).map(s -> s.send(frame)).orElse(false);
    }

    @Override
    public Optional<ConnectionInfo> get(Recipient recipient) {
        if (!isLocal(recipient)) {
            return remoteControl.get(recipient);
        }
        return sessions.find(recipient.connectionId()).filter(l -> l.session().isOpen())
                .map(l -> new ConnectionInfo(Instant.ofEpochMilli(l.connectedAt()),
                        Instant.ofEpochMilli(l.lastActiveAt()), l.session().handshake().remoteAddress(),
                        l.session().handshake().headers().get("user-agent")));
    }

    @Override
    public boolean close(Recipient recipient) {
        if (!isLocal(recipient)) {
            return remoteControl.close(recipient);
        }
        Optional<EngineSession> session = openSession(recipient.connectionId());
        session.ifPresent(EngineSession::close);
        return session.isPresent();
    }

    /** A socket of this node changed its rooms through this node's own index already: only others are told. */
    @Override
    public void membershipsChanged(Recipient recipient) {
        if (!isLocal(recipient)) {
            remoteControl.membershipsChanged(recipient);
        }
    }

    private static boolean sendAll(EngineSession session, List<String> frames, boolean volatileOnly) {
        for (String frame : frames) {
            if (!(volatileOnly ? session.sendVolatile(frame) : session.send(frame))) {
                return false;
            }
        }
        return true;
    }

    private void prune(Recipient recipient) {
        try {
            goneListener.onGone(recipient);
        } catch (RuntimeException e) {
            // TTL cleans up behind a failed prune; one failure must not stop the delivery.
            LOG.log(Level.WARNING, "event=local_prune_failed connection={0} error={1}", recipient.connectionId(),
                    e.getClass().getSimpleName());
        }
    }

    private Optional<EngineSession> openSession(String sid) {
        return sessions.find(sid).map(SessionDirectory.LiveSession::session).filter(EngineSession::isOpen);
    }

    private boolean isLocal(Recipient recipient) {
        return recipient.endpoint() != null && strip(recipient.endpoint()).equals(ownEndpoint);
    }

    private static String strip(String endpoint) {
        String out = endpoint.trim();
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
