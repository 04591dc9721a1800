package dev.skysocket.store.dynamodb;

/**
 * BatchWriteItem still left items unprocessed after every retry (sustained throttling). The writes are
 * idempotent deletes or puts, so the caller may simply try again later; TTL removes what is left meanwhile.
 */
public final class UnprocessedWritesException extends RuntimeException {
    private final int unprocessed;

    UnprocessedWritesException(String tableName, int unprocessed, int attempts) {
        super(unprocessed < 0
                ? "interrupted while retrying a batch write to " + tableName
                : unprocessed + " writes to " + tableName + " still unprocessed after " + attempts + " attempts");
        this.unprocessed = unprocessed;
    }

    /** How many writes were left, or -1 when the retry was interrupted. */
    public int unprocessed() {
        return unprocessed;
    }
}
