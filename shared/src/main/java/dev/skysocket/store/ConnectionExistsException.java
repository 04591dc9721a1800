package dev.skysocket.store;

/** A conditional create found the item already there; carries what is stored. */
public final class ConnectionExistsException extends RuntimeException {
    private final String connectionId;

    public ConnectionExistsException(String connectionId) {
        super("connection already stored: " + connectionId, null, false, false);
        this.connectionId = connectionId;
    }

    public String connectionId() {
        return connectionId;
    }
}
