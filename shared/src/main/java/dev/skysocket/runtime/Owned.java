package dev.skysocket.runtime;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * What a wiring built and must close: closed in reverse order of building, so a resource goes before what it
 * uses (open-step threads before the fan-out they post through, clients before their credentials). A failed close
 * does not stop the others.
 */
public final class Owned implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Owned.class.getName());
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** Takes {@code resource} to close later; returns it. */
    public synchronized <T extends AutoCloseable> T add(T resource) {
        resources.add(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "close failed", e);
            }
        }
        resources.clear();
    }
}
