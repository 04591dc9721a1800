package dev.skysocket.fanout;

import java.util.concurrent.CompletableFuture;

/**
 * {@code PostToConnection} at one Management API endpoint. Failures complete the future with the SDK's exception
 * types ({@code GoneException}, {@code LimitExceededException}, a service exception with its status, or an
 * {@code SdkClientException}), whichever way the call was made, so {@link CallFailure} reads them all alike.
 */
interface FramePoster {

    CompletableFuture<?> post(String connectionId, Frame frame);
}
