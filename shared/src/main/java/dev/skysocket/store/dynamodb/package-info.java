/**
 * The DynamoDB model behind the stores: the only DynamoDB code in the product. One on-demand table, TTL on
 * {@code expiresAt} (epoch seconds); every name below lives in {@link dev.skysocket.store.dynamodb.DynamoSchema},
 * and the deployment template must declare the same table ({@code DynamoSchema.createTableRequest}).
 *
 * <pre>
 * item        pk                               sk            other attributes
 * connection  C#{connectionId}                 C             connectionId endpoint transport base64 tenant user
 *                                                            sourceIp headers(M) query(M) connectedAt opened
 *                                                            openClaimUntil(N, ms)?
 *                                                            pingDueAt(N, ms) awaitingPong pingShard userKey?
 *                                                            pending(M: headers(L), attachments(L)) pendingVersion
 *                                                            refusal? (why it may join no namespace)
 *                                                            quotaCounted? claims(M)? expiresAt
 * socket      C#{connectionId}                 S#{namespace} connectionId namespace socketId tenant rooms(SS, absent
 *                                                            when empty) roomsVersion(N) dataFields(M: key → JSON
 *                                                            text; older items: data, one JSON string) auth
 *                                                            connectedAt expiresAt
 * ack answer  C#{connectionId}                 A#{namespace}#{ackId}  answer (JSON array text) expiresAt (short: the
 *                                                            waiter reads and deletes it; AckStore)
 * membership  R#{tenant}#{namespace}#{room}    {socketId}    connectionId endpoint expiresAt
 *             [#{shard} when room shards > 1; shard = bucket(socketId, roomShards)]
 * room dir.   RD#{tenant}#{namespace}#{room}  D             endpoints(SS) watchers(SS) expiresAt: elements
 *                                                            "<expiresAtSeconds> <endpoint>" (the hour a
 *                                                            registration expires) of the endpoints with members
 *                                                            in the room, and of the nodes that cache it
 *                                                            (RoomRegistrations, DirectoryElements)
 * sweep runs  H#sweep                          latest        runId startedAt(N, ms) expiresAt   (one item: the
 *                                                            heartbeat's latest run start)
 * kept        K#{pid}                          K             pid tenant namespace socketId rooms(SS)? data
 *                                                            connectedAt disconnectedAt expiresAt (a dropped
 *                                                            socket awaiting its client, for recovery)
 * log         L#{tenant}#{namespace}           {offset}      rooms(SS) exceptRooms(SS)? exceptSockets(SS)?
 *                                                            frames(L) expiresAt (one replayable packet)
 * pid key     H#recovery-key                   key           secret(B) (one item)
 * quota       Q#{tenant}#{shard}               {bucket}      n (ADD only) expiresAt: the tenant's open connections
 *             [shard = bucket(connectionId,                  whose own expiresAt / 600 is that bucket (12 digits)
 *             tenant-counter-shards)]
 * presence    PR#{tenant}#{namespace}#{room}   {memberId}    memberId userInfo (JSON text) memberSockets(SS)
 *                                                            expiresAt (one per member of a presence room)
 * revocation V#{tenant}#{user}                V             revokedUntil(N, ms) expiresAt (new connections of the
 *                                                            user are refused until then; UserRevocations)
 * rate        RL#{connectionId}#{window}       N             n s0..s9 (events per window of 10 s and per second
 *                                                            of it, sampled: ADD weight) expiresAt (the API Gateway
 *                                                            path's rate limit)
 * events     EQ#{tenant}#{epochSecond}#{shard} N             n expiresAt (one shard of a tenant's events per second,
 *                                                            sampled: ADD weight)
 *
 * index    partition key                    sort key           projection
 * byUser   userKey = U#{tenant}#{user}      connectionId (S)   ALL       (only connections with a user)
 * byPing   pingShard = P#{0..7}             pingDueAt (N, ms)  INCLUDE connectionId endpoint awaitingPong
 *          (bucket(connectionId, 8))                                    connectedAt expiresAt (connections only)
 * </pre>
 *
 * Key parts are escaped ({@code %}→{@code %25}, {@code #}→{@code %23}) so a {@code #} inside a tenant, namespace
 * or room cannot forge another key. One Query on {@code C#id} returns a connection with all its sockets; one
 * paginated Query per room shard returns a room. No Scan anywhere; reads drop items whose {@code expiresAt} has
 * passed, because TTL deletion is lazy.
 *
 * <p>Must not import: fan-out, the Socket.IO layer, the API Gateway path, Quarkus or any HTTP server.
 */
package dev.skysocket.store.dynamodb;
