package dev.skysocket.store;

import java.util.Collection;
import java.util.Map;

/**
 * Clients' answers to server emits, kept until the instance that waits for them reads them: on the API Gateway
 * path the answer arrives in another invocation, maybe on another Lambda instance; on the fallback gateway, for
 * sockets held by another node. Every answer expires (TTL), so one nobody waits for is never kept forever.
 */
public interface AckStore {

    /**
     * Records the answer (its arguments as one JSON array) until {@code expiresAtSeconds}. False when one is
     * already recorded for the key: the first answer wins, as a client's callback answers once.
     */
    boolean putAnswer(AckKey key, String answerJson, long expiresAtSeconds);

    /** The unexpired answers among these keys, read strongly consistently; absent keys are left out. */
    Map<AckKey, String> answers(Collection<AckKey> keys);

    /** Forgets these answers once they are delivered to the waiter; absent keys are ignored. */
    void delete(Collection<AckKey> keys);
}
