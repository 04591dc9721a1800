package dev.skysocket.server;

import java.security.SecureRandom;

/**
 * Ids of server-to-client acks. On the API Gateway path two invocations of one socket may emit at the same time
 * on two Lambda instances, with no shared memory; a per-socket counter would cost a conditional DynamoDB write
 * (an atomic ADD) per emit. Random ids cost nothing: the decoder accepts ids up to 2^31−1 (CodecLimits, the
 * largest a client produces), so an id is drawn from 31 random bits. Two waits of one socket clash only when the
 * same id is drawn while the other's answer can still be read (its wait, or the answer's short TTL): with k such
 * ids per socket the chance is k / 2^31 per emit, about one in two billion for the usual one or two.
 */
final class AckIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AckIds() {
    }

    /** An id in [1, 2^31−1]. */
    static long next() {
        return 1 + RANDOM.nextInt(Integer.MAX_VALUE);
    }
}
